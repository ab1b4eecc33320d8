"""Reach figures as CSV: a header row, one row per channel and language.

A cell a spreadsheet would read as a formula (starting with =, +, -, @, a tab or a
carriage return) is prefixed with an apostrophe (OWASP's advice against CSV injection)."""

import csv
import io

from django.utils.translation import gettext as _

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
FIELDS = (
    "channel",
    "language",
    "targeted",
    "handed_over",
    "delivered",
    "failed",
    "last_delivery_seconds",
)


def safe_cell(value) -> str | int:
    if isinstance(value, int):
        return value
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def reach_csv(*, alert_identifier: str, headline: str, rows) -> str:
    """`rows`: ReachRow objects or their dicts (a published snapshot)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [
            _("alert"),
            _("headline"),
            _("channel"),
            _("language"),
            _("targeted"),
            _("handed over"),
            _("delivered"),
            _("failed"),
            _("seconds to last delivery"),
        ]
    )
    for row in rows:
        values = row if isinstance(row, dict) else row.as_dict()
        writer.writerow(
            [safe_cell(alert_identifier), safe_cell(headline)]
            + [safe_cell(values[field]) for field in FIELDS]
        )
    return out.getvalue()
