import pytest
from wagtail.models import Locale

from campaigns import factories


def translate(page, language, **fields):
    """A real translation of `page`: copied into the locale, edited, published."""
    locale = Locale.objects.get(language_code=language)
    translated = page.copy_for_translation(locale, copy_parents=True)
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    return type(page).objects.get(pk=translated.pk)


def publish(page):
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


SECTIONS = {
    "risks": (factories.RiskIndexPageFactory, "Risques", "Risico's", "Risks"),
    "guides": (factories.GuideIndexPageFactory, "Guides", "Gidsen", "Guides"),
    "campaigns": (factories.CampaignIndexPageFactory, "Campagnes", "Campagnes", "Campaigns"),
    "events": (factories.EventIndexPageFactory, "Événements", "Evenementen", "Events"),
    "trainings": (factories.TrainingIndexPageFactory, "Formations", "Opleidingen", "Trainings"),
    "partners": (factories.PartnerIndexPageFactory, "Partenaires", "Partners", "Partners"),
}


class Sections(dict):
    """Listing pages in French, Dutch and English, created when a test first asks."""

    def __init__(self, homes):
        super().__init__()
        self.homes = homes

    def __missing__(self, key):
        factory, fr, nl, en = SECTIONS[key]
        page = publish(factory(parent=self.homes["fr"], title=fr, slug=key))
        self[key] = {
            "fr": page,
            "nl": translate(page, "nl", title=nl),
            "en": translate(page, "en", title=en),
        }
        return self[key]


@pytest.fixture
def sections(demo_site):
    return Sections(demo_site.homes)
