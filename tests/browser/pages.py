"""The citizen page types, one URL each, for the accessibility checks and the screenshots."""

from wagtail.models import Locale

from tests.paths import path_in

PAGE_TYPES = [
    ("home", "portal.HomePage"),
    ("risk-index", "campaigns.RiskIndexPage"),
    ("risk", "campaigns.RiskPage"),
    ("guide-index", "campaigns.GuideIndexPage"),
    ("guide", "campaigns.GuidePage"),
    ("campaign-index", "campaigns.CampaignIndexPage"),
    ("campaign", "campaigns.CampaignPage"),
    ("event-index", "campaigns.EventIndexPage"),
    ("event", "campaigns.PlannedEventPage"),
    ("training-index", "campaigns.TrainingIndexPage"),
    ("training", "campaigns.TrainingPage"),
    ("partner-index", "campaigns.PartnerIndexPage"),
    ("partner", "campaigns.PartnerPage"),
    ("kit", "campaigns.EmergencyKitPage"),
    ("plan", "campaigns.HouseholdPlanPage"),
]

# The page types the demo seed (portal/demo.py, campaigns/demo.py) publishes in each
# language: everything in French and Dutch; in English the home page, the risks, the kit and
# the household plan.
EXPECTED = {
    "fr": {name for name, _ in PAGE_TYPES},
    "nl": {name for name, _ in PAGE_TYPES},
    "en": {"home", "risk-index", "risk", "kit", "plan"},
}

SEARCH_WORD = {"fr": "inondation", "nl": "overstroming", "en": "flood"}


def page_urls(language: str, alert, expected: set[str] | None = None) -> dict[str, str]:
    """Path of one live page of each type in `expected` (by default EXPECTED[language]),
    plus the non-Wagtail pages. A type expected and not published in `language` fails, and
    so does a type published and not expected: every page that exists is checked."""
    from django.apps import apps

    expected = EXPECTED[language] if expected is None else expected
    unknown = expected - {name for name, _ in PAGE_TYPES}
    assert not unknown, f"unknown page types {sorted(unknown)}"
    locale = Locale.objects.get(language_code=language)
    urls = {}
    for name, label in PAGE_TYPES:
        model = apps.get_model(label)
        page = model.objects.live().filter(locale=locale).order_by("path").first()
        if name not in expected:
            assert page is None, f"{label} is live in {language} but not in the list to check"
            continue
        assert page is not None, f"no live {label} in {language}"
        urls[name] = page.url
    urls["alerts"] = path_in(language, "alerts:list")
    urls["alert"] = path_in(language, "alerts:detail", alert.identifier)
    urls["search"] = f"{path_in(language, 'search')}?q={SEARCH_WORD[language]}"
    urls["subscribe"] = path_in(language, "subscriptions:subscribe")
    return urls
