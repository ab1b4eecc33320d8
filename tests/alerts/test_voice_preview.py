"""The composer's preview of a voice call: the words it says in each language, how long a
call lasts, and what the calls of this alert cost."""

import pytest
from bs4 import BeautifulSoup
from wagtail.users.models import UserProfile

from alerts.factories import AlertFactory, AuthorFactory
from alerts.rendering import render_voice, voice_seconds
from alerts.subscriptions.factories import ContactPointFactory, PlaceFactory, SubscriberFactory
from tests.conftest import login_with_second_factor

pytestmark = pytest.mark.django_db


def test_the_preview_shows_the_spoken_text_its_duration_and_the_cost(client, settings):
    settings.VOICE_PRICE_PER_MINUTE_EUR = 0.12
    alert = AlertFactory()  # Bruxelles (21004) among its communes
    for number in range(3):
        subscriber = SubscriberFactory(language="nl")
        PlaceFactory(subscriber=subscriber, communes=["21004"])
        ContactPointFactory(subscriber=subscriber, channel="voice", address=f"+322555000{number}")
    author = AuthorFactory()
    profile = UserProfile.get_for_user(author)
    profile.preferred_language = "en"  # the preview read in English, as asserted
    profile.save()
    login_with_second_factor(client, author)

    page = BeautifulSoup(client.get(f"/admin/alerts/{alert.pk}/").content, "html.parser")

    section = page.select_one('section[aria-labelledby="preview-voice"]')
    dutch = section.select_one('pre[lang="nl"]')
    assert dutch.text == render_voice(alert, "nl")
    seconds = voice_seconds(dutch.text)
    minutes = -(-seconds // 60)
    assert f"about {seconds} s per call" in section.text
    # three Dutch voice subscribers in the area, euros as Belgium writes them
    total = f"{3 * minutes * 0.12:.2f}".replace(".", ",")
    assert f"Estimated cost of the voice calls of this alert: {total}\xa0€." in section.text
