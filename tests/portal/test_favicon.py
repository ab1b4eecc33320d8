"""/favicon.ico, which browsers ask for any document that names no icon."""

import pytest
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db


def test_favicon_ico_leads_to_the_site_icon_in_any_language(client):
    response = client.get("/favicon.ico", HTTP_ACCEPT_LANGUAGE="nl")

    assert response.status_code == 302
    assert response["Location"].endswith(".png")
    assert "favicon-32" in response["Location"]
    assert "public" in response["Cache-Control"]
    assert finders.find("portal/icons/favicon-32.png")
