"""The sign-in audit in the admin: every event reachable page by page, newest first,
filtered by event, user name, address and date; read-only; superusers alone."""

import re
from datetime import datetime, timedelta

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from alerts.factories import ApproverFactory
from portal.models import LoginEvent, LoginEventKind
from tests.conftest import login_with_second_factor

pytestmark = pytest.mark.django_db

URL = "/admin/sign-ins/"


@pytest.fixture(autouse=True)
def _english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.fixture
def boss(django_user_model):
    return django_user_model.objects.create_superuser("root", "root@example.invalid", "pw")


@pytest.fixture
def superuser_client(client, boss):
    login_with_second_factor(client, boss)
    LoginEvent.objects.all().delete()  # only the events each test writes
    return client


def _event(username, kind=LoginEventKind.LOGIN, ip="198.51.100.1", when=None, **fields):
    event = LoginEvent.objects.create(kind=kind, username=username, ip_address=ip, **fields)
    if when is not None:
        LoginEvent.objects.filter(pk=event.pk).update(created_at=when)
    return event


def _cells(response) -> set[str]:
    """The text of every table cell of the listing."""
    return {cell.strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", _html(response), re.S)}


def _html(response) -> str:
    return response.content.decode()


def _names(response) -> set[str]:
    return _cells(response) & {"alice", "bob", "carol", "mallory"}


def test_more_than_500_events_are_all_reachable_page_by_page(superuser_client):
    start = timezone.now() - timedelta(days=30)
    LoginEvent.objects.bulk_create(
        LoginEvent(kind=LoginEventKind.LOGIN, username=f"user{n:04d}") for n in range(620)
    )
    for n, pk in enumerate(LoginEvent.objects.order_by("pk").values_list("pk", flat=True)):
        LoginEvent.objects.filter(pk=pk).update(created_at=start + timedelta(minutes=n))

    def users(page) -> list[str]:
        return sorted(
            c for c in _cells(superuser_client.get(URL, {"p": page})) if c.startswith("user")
        )

    first = users(1)
    assert len(first) == 50 and first[0] == "user0570" and first[-1] == "user0619"

    seen = set()
    for page in range(1, 14):
        seen |= set(users(page))
    assert len(seen) == 620
    assert users(13) == [f"user{n:04d}" for n in range(20)]  # the oldest, on the last page


def test_filters_narrow_the_list(superuser_client):
    now = timezone.localtime()
    long_ago = now - timedelta(days=40)
    _event("alice", ip="203.0.113.5")
    _event("bob", kind=LoginEventKind.LOGIN_FAILED, ip="198.51.100.7")
    _event("carol", kind=LoginEventKind.RECOVERY_CODE, ip="203.0.113.9", when=long_ago)
    _event("mallory", kind=LoginEventKind.ENROLMENT_LINK_REFUSED, ip="192.0.2.66")

    assert _names(superuser_client.get(URL)) == {"alice", "bob", "carol", "mallory"}
    assert _names(superuser_client.get(URL, {"kind": "login_failed"})) == {"bob"}
    assert _names(
        superuser_client.get(URL, {"kind": ["login_failed", "enrolment_link_refused"]})
    ) == {"bob", "mallory"}
    assert _names(superuser_client.get(URL, {"username": "ALI"})) == {"alice"}
    assert _names(superuser_client.get(URL, {"ip_address": "203.0.113."})) == {"alice", "carol"}
    day = long_ago.date().isoformat()
    assert _names(superuser_client.get(URL, {"created_at_from": day, "created_at_to": day})) == {
        "carol"
    }
    since = (now - timedelta(days=1)).date().isoformat()
    assert _names(superuser_client.get(URL, {"created_at_from": since})) == {
        "alice",
        "bob",
        "mallory",
    }
    # Filters combine, and a nonsense value filters nothing in.
    assert _names(
        superuser_client.get(URL, {"ip_address": "203.0.113.", "kind": "recovery_code"})
    ) == {"carol"}
    assert superuser_client.get(URL, {"kind": "no-such-kind"}).status_code == 200


def test_an_event_shows_its_details_and_hostile_text_is_escaped(superuser_client):
    _event(
        "<script>alert(1)</script>",
        kind=LoginEventKind.ENROLMENT_LINK_ISSUED,
        detail="issued by root, valid until 2026-01-02 10:00 CET",
        user_agent="<img src=x onerror=alert(2)>",
    )
    page = superuser_client.get(URL).content.decode()
    assert "Enrolment link issued" in page
    assert "issued by root, valid until 2026-01-02 10:00 CET" in page
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page
    assert "<img src=x" not in page


def test_the_audit_is_read_only(superuser_client):
    event = _event("alice")
    for path in ("new/", f"edit/{event.pk}/", f"delete/{event.pk}/"):
        assert superuser_client.get(URL + path, follow=True).status_code == 404
        superuser_client.post(URL + path, follow=True)
    assert LoginEvent.objects.filter(pk=event.pk, username="alice").exists()
    page = superuser_client.get(URL).content.decode()
    assert f"edit/{event.pk}/" not in page and "Add sign-in event" not in page


def test_the_menu_item_is_under_settings_for_superusers(superuser_client):
    home = superuser_client.get("/admin/").content.decode()
    assert "Sign-in audit" in home and URL in home


def test_other_users_are_refused(client, django_user_model):
    _event("mallory", ip="203.0.113.66")
    editor = django_user_model.objects.create_user("editor", password="pw", is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    # Not even with the model's permissions, were they handed out.
    editor.user_permissions.add(
        *Permission.objects.filter(content_type__app_label="portal", codename__endswith="event")
    )
    client.force_login(editor)
    for path in (URL, URL + "results/"):
        response = client.get(path)
        assert response.status_code in (302, 403)
        assert b"mallory" not in response.content
    assert b"Sign-in audit" not in client.get("/admin/").content

    login_with_second_factor(client, ApproverFactory(username="approver"))
    response = client.get(URL)
    assert response.status_code in (302, 403) and b"mallory" not in response.content


def test_the_date_range_follows_the_local_day(superuser_client):
    """A day is a Brussels day: an event at 23:30 local time belongs to that day."""
    tz = timezone.get_current_timezone()
    late = datetime(2026, 3, 10, 23, 30, tzinfo=tz)
    _event("alice", when=late)
    _event("bob", when=late + timedelta(hours=1))
    assert _names(
        superuser_client.get(URL, {"created_at_from": "2026-03-10", "created_at_to": "2026-03-10"})
    ) == {"alice"}
