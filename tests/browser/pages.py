"""The citizen page types, one URL each, for the accessibility checks and the screenshots."""

from wagtail.models import Locale

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
]

SEARCH_WORD = {"fr": "inondation", "nl": "overstroming"}


def page_urls(language: str, alert) -> dict[str, str]:
    """Path of one live page of each type in `language`, plus the non-Wagtail pages."""
    from django.apps import apps

    locale = Locale.objects.get(language_code=language)
    urls = {}
    for name, label in PAGE_TYPES:
        model = apps.get_model(label)
        page = model.objects.live().filter(locale=locale).order_by("path").first()
        assert page is not None, f"no live {label} in {language}"
        urls[name] = page.url
    urls["alerts"] = f"/{language}/alerts/"
    urls["alert"] = f"/{language}/alerts/{alert.identifier}/"
    urls["search"] = f"/{language}/search/?q={SEARCH_WORD[language]}"
    urls["subscribe"] = f"/{language}/subscribe/"
    return urls
