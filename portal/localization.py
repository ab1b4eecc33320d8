"""Locale helpers: Babel formatting of dates and numbers for the active language."""

from datetime import date, datetime

from babel import Locale, dates, numbers
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
    """A moment as the language writes it, in one style per language: the day with its
    month's name and the full year, then hours and minutes ("1 déc. 2026, 22:29",
    "1 dec 2026, 22:29"). Babel's own "short" reads "1/12/26 22:29" in French but
    "1/12/2026, 22:29" in Dutch, and its "medium" adds seconds: both give this style.
    "long" and "full" stay Babel's."""
    tz = timezone.get_current_timezone()
    locale = babel_locale(language)
    if format not in ("short", "medium"):
        return dates.format_datetime(value, format=format, tzinfo=tz, locale=locale)
    day = dates.format_date(
        timezone.localtime(value, tz) if timezone.is_aware(value) else value,
        format="medium",
        locale=locale,
    )
    time = dates.format_time(value, format="short", tzinfo=tz, locale=locale)
    return Locale.parse(locale).datetime_formats["medium"].format(time, day)


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
