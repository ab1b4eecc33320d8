"""Partner pages: public description for all, contact details for authorities only."""

import pytest
from django.contrib.auth.models import Group

from campaigns import factories
from tests.campaigns.conftest import publish, translate

pytestmark = pytest.mark.django_db

CONTACT = "Via le centre de crise."


@pytest.fixture
def partner(sections):
    return publish(factories.PartnerPageFactory(parent=sections["partners"]["fr"], title="SIAMU"))


def test_anonymous_visitor_sees_the_description_but_not_the_contact(client, partner):
    html = client.get(partner.url).content.decode()
    assert "<h1>SIAMU</h1>" in html
    assert "Lutte contre l&#x27;incendie" in html
    assert CONTACT not in html
    assert "dispatch@example.org" not in html


def test_alert_approver_sees_the_contact(client, partner, django_user_model):
    user = django_user_model.objects.create_user("approver", password="x")
    user.groups.add(Group.objects.get(name="Alert approvers"))
    client.force_login(user)
    html = client.get(partner.url).content.decode()
    assert CONTACT in html
    assert 'href="mailto:dispatch@example.org"' in html
    assert "Contact pour les autorités" in html


def test_other_logged_in_user_does_not_see_the_contact(client, partner, django_user_model):
    client.force_login(django_user_model.objects.create_user("citizen", password="x"))
    assert CONTACT not in client.get(partner.url).content.decode()


@pytest.mark.parametrize(("language", "title"), [("nl", "DBDMH"), ("en", "Brussels Fire")])
def test_partner_page_in_other_languages(client, partner, language, title):
    page = translate(partner, language, title=title)
    html = client.get(page.url).content.decode()
    assert f'<html lang="{language}">' in html
    assert f"<h1>{title}</h1>" in html
