"""An imported alert has one area: languages whose blocks cover different places are
refused with what each one covers."""

import pytest

from alerts.models import Alert
from tests.alerts.test_cap_import import _post, cap_document, token  # noqa: F401

pytestmark = pytest.mark.django_db


def test_languages_covering_different_communes_are_refused(client, token):  # noqa: F811
    document = cap_document()
    # The Dutch block (second) names Ixelles instead of Schaerbeek.
    head, _sep, dutch = document.partition(b"<language>nl-BE</language>")
    document = head + b"<language>nl-BE</language>" + dutch.replace(b"21015", b"21009")
    response = _post(client, document, token)
    assert response.status_code == 400
    error = response.json()["error"]
    assert "disagree on <area>" in error
    assert "fr-BE covers NIS 21015" in error and "nl-BE covers NIS 21009" in error
    assert not Alert.objects.exists()


def test_area_names_may_differ_by_language(client, token):  # noqa: F811
    document = cap_document()
    head, _sep, dutch = document.partition(b"<language>nl-BE</language>")
    dutch = dutch.replace(b"<areaDesc>Zone</areaDesc>", b"<areaDesc>Gebied</areaDesc>")
    response = _post(client, head + b"<language>nl-BE</language>" + dutch, token)
    assert response.status_code == 201, response.content
