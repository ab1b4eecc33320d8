import pytest
from django.contrib.auth.models import Permission

from portal.models import LoginEvent, LoginEventKind

pytestmark = pytest.mark.django_db


def test_sign_in_failure_and_sign_out_are_recorded_with_the_address(client, django_user_model):
    user = django_user_model.objects.create_user("editor", password="right-password")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    agent = {"REMOTE_ADDR": "203.0.113.9", "HTTP_USER_AGENT": "Firefox/140"}
    client.post("/admin/login/", {"username": "editor", "password": "nope"}, **agent)
    client.post("/admin/login/", {"username": "editor", "password": "right-password"}, **agent)
    client.post("/admin/logout/", **agent)

    events = list(LoginEvent.objects.order_by("pk"))
    assert [event.kind for event in events] == [
        LoginEventKind.LOGIN_FAILED,
        LoginEventKind.LOGIN,
        LoginEventKind.LOGOUT,
    ]
    assert all(event.username == "editor" for event in events)
    assert all(event.ip_address == "203.0.113.9" for event in events)
    assert events[0].user is None and events[1].user == user
    assert events[1].user_agent == "Firefox/140"
    assert "nope" not in str(list(LoginEvent.objects.values()))
