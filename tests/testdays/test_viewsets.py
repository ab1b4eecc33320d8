import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from wagtail.models import ModelLogEntry

from alerts.factories import AuthorFactory, UserFactory
from alerts.testdays.models import PlannedTest
from tests.conftest import login_with_second_factor

pytestmark = pytest.mark.django_db

FORM = {
    "title_fr": "Test des SMS",
    "title_nl": "Sms-test",
    "title_en": "",
    "description_fr": "",
    "description_nl": "",
    "description_en": "",
    "start": "2030-03-04 10:00",
    "end": "2030-03-04 11:00",
    "channels": ["sms", "push"],
}


def test_an_alert_author_plans_a_test_in_the_admin(client):
    author = AuthorFactory()
    login_with_second_factor(client, author)
    response = client.post(reverse("planned_tests:add"), {**FORM, "communes": ["21004", "21009"]})
    assert response.status_code == 302, response.content.decode()[:3000]
    test = PlannedTest.objects.get()
    assert test.channels == ["sms", "push"]
    assert sorted(test.communes.values_list("pk", flat=True)) == ["21004", "21009"]
    assert ModelLogEntry.objects.filter(action="wagtail.create", user=author).exists()


def test_a_test_without_area_is_refused_by_the_form(client):
    login_with_second_factor(client, AuthorFactory())
    response = client.post(reverse("planned_tests:add"), FORM)
    assert response.status_code == 200
    assert not PlannedTest.objects.exists()


def test_admin_users_without_an_alert_role_cannot_plan_tests(client):
    editor = UserFactory()
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    client.post(reverse("planned_tests:add"), {**FORM, "whole_region": "on"})
    assert not PlannedTest.objects.exists()
    assert client.get(reverse("planned_tests:index")).status_code in (302, 403)
