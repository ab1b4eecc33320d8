import pytest
from django.contrib.auth.models import Permission

from portal.models import LoginEvent, LoginEventKind
from tests.conftest import login_with_second_factor

pytestmark = pytest.mark.django_db


def test_superusers_read_the_sign_in_audit_and_others_cannot(client, django_user_model):
    LoginEvent.objects.create(
        kind=LoginEventKind.LOGIN_FAILED, username="mallory", ip_address="203.0.113.66"
    )
    editor = django_user_model.objects.create_user("editor", password="pw", is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    response = client.get("/admin/sign-ins/")
    assert b"mallory" not in response.content
    assert b"Sign-in audit" not in client.get("/admin/").content

    boss = django_user_model.objects.create_superuser("root", "root@example.invalid", "pw")
    login_with_second_factor(client, boss)
    page = client.get("/admin/sign-ins/").content.decode()
    assert "mallory" in page and "203.0.113.66" in page
    assert "mallory" not in client.get("/admin/sign-ins/?username=alice").content.decode()
