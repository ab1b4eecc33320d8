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


@pytest.fixture
def sections(demo_site):
    """A listing page of every section, in French, Dutch and English."""
    home = demo_site.homes["fr"]
    titles = {
        "risks": (factories.RiskIndexPageFactory, "Risques", "Risico's", "Risks"),
        "guides": (factories.GuideIndexPageFactory, "Guides", "Gidsen", "Guides"),
        "campaigns": (factories.CampaignIndexPageFactory, "Campagnes", "Campagnes", "Campaigns"),
        "events": (factories.EventIndexPageFactory, "Événements", "Evenementen", "Events"),
        "trainings": (factories.TrainingIndexPageFactory, "Formations", "Opleidingen", "Trainings"),
        "partners": (factories.PartnerIndexPageFactory, "Partenaires", "Partners", "Partners"),
    }
    result = {}
    for key, (factory, fr, nl, en) in titles.items():
        page = publish(factory(parent=home, title=fr, slug=key))
        result[key] = {
            "fr": page,
            "nl": translate(page, "nl", title=nl),
            "en": translate(page, "en", title=en),
        }
    return result
