"""The language check of an alert's info blocks, on the composer's detail and approve
screens."""

import re

import pytest
from django.urls import reverse
from wagtail.users.models import UserProfile

from alerts.factories import AlertFactory
from alerts.language_check import alert_language_flags
from alerts.models import AlertState
from tests.conftest import login_with_second_factor

pytestmark = pytest.mark.django_db

TEXTS = {
    "fr": {
        "headline": "Inondation : évitez les caves et les parkings souterrains",
        "description": "De fortes pluies font monter la Senne et le Maelbeek.\n\n"
        "Les caves, les tunnels et les parkings souterrains peuvent être inondés en quelques "
        "minutes.",
        "instruction": "Montez à l'étage, coupez l'électricité si l'eau approche et ne prenez "
        "pas votre voiture.",
        "sms_text": "Inondation: evitez caves et parkings, montez a l'etage.",
    },
    "nl": {
        "headline": "Overstroming: vermijd kelders en ondergrondse parkings",
        "description": "Door hevige regen stijgen de Zenne en de Maalbeek.\n\n"
        "Kelders, tunnels en ondergrondse parkings kunnen binnen enkele minuten onderlopen.",
        "instruction": "Ga naar boven, schakel de elektriciteit uit als het water nadert en "
        "neem uw auto niet.",
        "sms_text": "Overstroming: vermijd kelders en parkings, ga naar boven.",
    },
    "en": {
        "headline": "Flood: stay out of cellars and underground car parks",
        "description": "Heavy rain is raising the Senne and the Maelbeek.\n\n"
        "Cellars, tunnels and underground car parks can flood within minutes.",
        "instruction": "Go upstairs, switch off the electricity if the water comes near and "
        "do not take your car.",
        "sms_text": "Flood: avoid cellars and car parks, go upstairs.",
    },
}
FRENCH_SENTENCE = "Les caves, les tunnels et les parkings souterrains peuvent être inondés."


def _alert(**overrides):
    alert = AlertFactory(state=AlertState.SUBMITTED)
    for info in alert.infos.all():
        for name, value in {**TEXTS[info.language], **overrides.get(info.language, {})}.items():
            setattr(info, name, value)
        info.save()
    return alert


def _login(client, user):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return login_with_second_factor(client, user)


def _language_check(html: str) -> str:
    match = re.search(r'<section aria-labelledby="language-check".*?</section>', html, re.S)
    assert match, "the language check is on the screen"
    return match.group(0)


def test_a_dutch_block_mixing_in_french_is_flagged_on_the_approve_screen(client, approver):
    mixed = f"Door hevige regen stijgen de Zenne en de Maalbeek. {FRENCH_SENTENCE}"
    alert = _alert(nl={"description": mixed})
    _login(client, approver)
    page = client.get(reverse("alerts_admin:approve", args=[alert.pk])).content.decode()
    check = _language_check(page)
    assert "help-warning" in check
    (item,) = re.findall(r"<li>.*?</li>", check, re.S)
    assert "<strong>NL description</strong>" in item
    assert "languages mixed: this passage reads as French" in item
    assert f'<q lang="fr">{FRENCH_SENTENCE}</q>' in item
    # The approval form is still there: a flag, not a refusal.
    assert 'name="fingerprint"' in page


def test_a_dutch_block_left_in_french_is_flagged_field_by_field(client, author):
    alert = _alert(nl=TEXTS["fr"])
    flagged = [(f.language, f.field, f.flag.detected) for f in alert_language_flags(alert)]
    # The description's first paragraph names two Brussels rivers in a short sentence:
    # too little French to say; its second paragraph is flagged.
    assert flagged == [
        ("nl", "headline", "fr"),
        ("nl", "description", "fr"),
        ("nl", "instruction", "fr"),
        ("nl", "sms_text", "fr"),
    ]
    _login(client, author)
    check = _language_check(
        client.get(reverse("alerts_admin:detail", args=[alert.pk])).content.decode()
    )
    assert "<strong>NL SMS text</strong> reads as French" in check


def test_good_texts_in_each_language_are_not_flagged(client, author):
    alert = _alert()
    assert alert_language_flags(alert) == []
    _login(client, author)
    check = _language_check(
        client.get(reverse("alerts_admin:detail", args=[alert.pk])).content.decode()
    )
    assert "Each text reads in the language of its block." in check
    assert "help-warning" not in check


def test_hostile_text_in_a_flagged_paragraph_is_escaped(client, author):
    hostile = "<script>alert(1)</script> Les caves et les parkings souterrains sont inondés."
    alert = _alert(nl={"description": hostile})
    _login(client, author)
    check = _language_check(
        client.get(reverse("alerts_admin:detail", args=[alert.pk])).content.decode()
    )
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in check
    assert "<script>" not in check
