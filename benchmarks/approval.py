"""Approval: what binding an approval to the content it approves costs, before and after,
in the same process.

After: `services.alert_approve` as it is, on a submitted alert with FR, NL and EN texts
and a commune (alerts.factories.AlertFactory): under the row lock it renders what will
leave (SMS, push and email per language, CAP, times, area), fingerprints it, compares it
with the fingerprint the approver was shown, and stores the version.
Before: the same call with the fingerprint step taken out in this process
(`alerts.services.outgoing_payload` returns one payload rendered beforehand and
`alerts.services._fingerprint` returns the posted value, so the version stored at
submission is found as before): the approval without fingerprinting. The two are
interleaved, one of each per round, so both see the same machine. Only the call is timed;
each round approves two fresh alerts, submitted beforehand, by one approver who took no
part in them. Each approval also queues its dispatch task (one INSERT, on commit), as it
does in production.
"""

import statistics
import time
from unittest import mock

from django.db import connection, reset_queries
from django.test.utils import CaptureQueriesContext

from alerts import services
from alerts.factories import AlertFactory, ApproverFactory, AuthorFactory
from alerts.models import Alert, AlertState
from alerts.outgoing import alert_fingerprint, outgoing_payload

from .report import Figure

NEEDS_DATABASE = True
ROUNDS = 200
WARM_UP = 10
TARGET_MS = 20.0


def _submitted(author):
    alert = AlertFactory(created_by=author, severity="Severe", area=["21004", "21009"])
    services.alert_submit(alert=alert, user=author)
    return Alert.objects.get(pk=alert.pk)  # as the approve page loads it


def _approve(alert, approver, fingerprint) -> tuple[float, int]:
    reset_queries()  # the dev settings keep a capped log of every query (DEBUG)
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        services.alert_approve(alert=alert, user=approver, fingerprint=fingerprint)
        elapsed = time.perf_counter() - started
    return elapsed * 1000, len(queries)


def _after(author, approver) -> tuple[float, int]:
    alert = _submitted(author)
    return _approve(alert, approver, alert_fingerprint(alert))


def _before(author, approver, constant_payload) -> tuple[float, int]:
    alert = _submitted(author)
    posted = alert_fingerprint(alert)  # what the approve page showed, computed untimed
    with (
        mock.patch("alerts.services.outgoing_payload", new=lambda _alert: constant_payload),
        mock.patch("alerts.services._fingerprint", new=lambda _payload: posted),
    ):
        return _approve(alert, approver, posted)


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[18]


def run() -> Figure:
    author, approver = AuthorFactory(), ApproverFactory()
    constant_payload = outgoing_payload(_submitted(author))
    for _ in range(WARM_UP):
        _after(author, approver)
        _before(author, approver, constant_payload)
    after, before = [], []
    for _ in range(ROUNDS):
        after.append(_after(author, approver))
        before.append(_before(author, approver, constant_payload))

    approved = Alert.objects.filter(state=AlertState.SENDING).count()
    after_ms, after_statements = [ms for ms, _n in after], {n for _ms, n in after}
    before_ms, before_statements = [ms for ms, _n in before], {n for _ms, n in before}
    after_median, before_median = statistics.median(after_ms), statistics.median(before_ms)
    added = after_median - before_median
    ok = approved == 2 * (ROUNDS + WARM_UP)
    return Figure(
        name="Approval: the cost of binding it to its content (fingerprint)",
        ours=after_median,
        reference=before_median,
        unit="ms",
        target=f"the fingerprint adds ≤ {TARGET_MS:.0f} ms to an approval",
        met=ok and added <= TARGET_MS,
        detail=(
            f"Median over {ROUNDS} approvals each, interleaved (after {WARM_UP} of each to "
            f"warm up), SQLite, one alert with FR/NL/EN texts over 2 communes. After (ours, "
            f"`services.alert_approve` as it is): median {after_median:.2f} ms, p95 "
            f"{_p95(after_ms):.2f} ms, {_statements(after_statements)} SQL statements per "
            f"approval. Before (reference, the same call with `outgoing_payload` and "
            f"`_fingerprint` patched out in the process): "
            f"median {before_median:.2f} ms, p95 {_p95(before_ms):.2f} ms, "
            f"{_statements(before_statements)} statements. The fingerprint adds "
            f"{added:.2f} ms to the median approval ({after_median / before_median:.2f}× its "
            f"time; a lower ratio is better here). {approved} alerts approved and handed "
            "over, each queuing its dispatch task."
        ),
    )


def _statements(counts: set[int]) -> str:
    low, high = min(counts), max(counts)
    return str(low) if low == high else f"{low}–{high}"
