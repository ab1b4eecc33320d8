"""Groups are named in the reader's language in Wagtail's users and groups screens, and in
the refusals that name them; their stored names (identifiers) do not change."""

import pytest
from django.contrib.auth.models import Group
from django.utils import translation
from wagtail.users.models import UserProfile

from alerts.exceptions import AlertPermissionDenied
from alerts.factories import AlertFactory, UserFactory
from alerts.services import alert_submit
from portal.groups import ALERT_APPROVERS, group_label
from tests.conftest import login_with_second_factor

pytestmark = pytest.mark.django_db


@pytest.fixture
def french_superuser_client(client, django_user_model):
    boss = django_user_model.objects.create_superuser("root", "root@example.invalid", "pw")
    profile = UserProfile.get_for_user(boss)
    profile.preferred_language = "fr"
    profile.save()
    return login_with_second_factor(client, boss)


def test_the_groups_list_names_groups_in_the_readers_language(french_superuser_client):
    page = french_superuser_client.get("/admin/groups/").content.decode()
    assert "Approbateurs d&#x27;alertes" in page or "Approbateurs d'alertes" in page
    assert ">Alert approvers<" not in page
    assert Group.objects.filter(name=ALERT_APPROVERS).exists()


def test_the_group_edit_page_and_the_user_form_use_the_same_names(french_superuser_client):
    group = Group.objects.get(name=ALERT_APPROVERS)
    edit = french_superuser_client.get(f"/admin/groups/edit/{group.pk}/").content.decode()
    assert "Approbateurs d" in edit
    user = UserFactory(username="someone")
    form = french_superuser_client.get(f"/admin/users/edit/{user.pk}/").content.decode()
    assert "Auteurs d" in form and "Alert authors" not in form
    listing = french_superuser_client.get("/admin/users/").content.decode()
    assert "Alert approvers" not in listing


def test_a_group_added_in_the_admin_keeps_its_name():
    assert group_label(Group(name="Équipe de nuit")) == "Équipe de nuit"
    with translation.override("nl"):
        assert group_label(ALERT_APPROVERS) == "Goedkeurders van waarschuwingen"


def test_a_refusal_names_the_group_in_the_readers_language(demo_site):
    stranger = UserFactory(username="stranger")
    alert = AlertFactory()
    with translation.override("fr"), pytest.raises(AlertPermissionDenied) as refusal:
        alert_submit(alert=alert, user=stranger)
    assert "Auteurs d'alertes" in str(refusal.value)
