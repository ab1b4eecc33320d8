"""The admin names content languages in the editor's language, and wagtail-localize's
publish button reads as a sentence in French and Dutch."""

import json
import re

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale
from wagtail.users.models import UserProfile

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "expected"), [("fr", "néerlandais"), ("nl", "Nederlands"), ("en", "Dutch")]
)
def test_a_content_language_is_named_in_the_editors_language(language, expected):
    dutch = Locale.objects.get_or_create(language_code="nl")[0]
    with translation.override(language):
        assert str(dutch.get_display_name()) == expected


@pytest.mark.parametrize(
    ("language", "button"),
    [("fr", "Publier en néerlandais"), ("nl", "Publiceren in het Nederlands")],
)
def test_the_translation_editors_publish_button_reads_as_a_sentence(
    admin_client, admin_user, language, button
):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = language
    profile.save()
    with translation.override(language):
        name = str(Locale.objects.get_or_create(language_code="nl")[0].get_display_name())
    script = admin_client.get(reverse("wagtailadmin_javascript_catalog")).content.decode()
    catalog = json.loads(re.search(r"const newcatalog = (\{.*?\});", script, re.S).group(1))
    # wagtail-localize writes gettext("Publish in ") + the locale's display name.
    assert catalog["Publish in "] + name == button
