"""Locale helpers: Babel formatting of dates and numbers for the active language."""

from datetime import date, datetime

from babel import dates, numbers
from django.utils import timezone, translation

# Brussels variants of each language, so dates and numbers read as Belgians expect them.
BABEL_LOCALES = {"fr": "fr_BE", "nl": "nl_BE", "en": "en_BE"}


def babel_locale(language: str | None = None) -> str:
    language = (language or translation.get_language() or "fr").split("-")[0]
    return BABEL_LOCALES.get(language, "fr_BE")


def format_date(value: date, format: str = "long", language: str | None = None) -> str:
    if isinstance(value, datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        value = value.date()
    return dates.format_date(value, format=format, locale=babel_locale(language))


def format_datetime(value: datetime, format: str = "medium", language: str | None = None) -> str:
    tz = timezone.get_current_timezone()
    return dates.format_datetime(value, format=format, tzinfo=tz, locale=babel_locale(language))


def format_time(value: datetime, format: str = "short", language: str | None = None) -> str:
    tz = timezone.get_current_timezone()
    return dates.format_time(value, format=format, tzinfo=tz, locale=babel_locale(language))


def format_number(value: float | int, language: str | None = None) -> str:
    return numbers.format_decimal(value, locale=babel_locale(language))


def format_currency(value: float, currency: str = "EUR", language: str | None = None) -> str:
    """An amount as the language writes it ("0,0795 €" in French, "€ 0,0795" in Dutch):
    at least the currency's two decimals, more when the amount has them (per-segment prices
    have four), never rounded away."""
    return numbers.format_currency(
        value, currency, locale=babel_locale(language), decimal_quantization=False
    )
