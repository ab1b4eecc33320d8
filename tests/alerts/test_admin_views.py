import re

import pytest
from django.utils import timezone
from wagtail.users.models import UserProfile

from alerts.cap_vocab import Status
from alerts.factories import AlertFactory, SentAlertFactory, UserFactory
from alerts.models import Alert, AlertAction, AlertState, AlertTemplate
from tests.conftest import login_with_second_factor
from tests.paths import path_in

pytestmark = pytest.mark.django_db


def _login(client, user):
    """Log in with the admin in English, the language these assertions are written in."""
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return login_with_second_factor(client, user)


def fingerprint_on(page: str) -> str:
    """The fingerprint the approve page's form sends back."""
    match = re.search(r'name="fingerprint" value="([0-9a-f]{64})"', page)
    assert match, "the approve page carries the fingerprint of what it shows"
    return match.group(1)


def _edit_data(alert, **changes):
    data = {
        "status": alert.status,
        "scope": alert.scope,
        "category": alert.category,
        "event": alert.event,
        "response_type": alert.response_type,
        "urgency": alert.urgency,
        "severity": alert.severity,
        "certainty": alert.certainty,
        "effective": timezone.localtime(alert.effective).strftime("%Y-%m-%d %H:%M"),
        "expires": timezone.localtime(alert.expires).strftime("%Y-%m-%d %H:%M"),
        "communes": list(alert.communes.values_list("pk", flat=True)),
        "polygons": alert.polygons,
        "circles": alert.circles,
    }
    for info in alert.infos.all():
        for name in ("headline", "description", "instruction", "sms_text"):
            data[f"{info.language}-{name}"] = getattr(info, name)
    data.update(changes)
    return data


def test_full_flow_author_composes_second_user_approves_alert_is_public(
    client, demo_site, author, approver, django_capture_on_commit_callbacks
):
    _login(client, author)
    template = AlertTemplate.objects.get(slug="chemical-shelter")
    response = client.post(
        "/admin/alerts/new/",
        {"template": template.pk, "status": "Actual", "scope": "Public", "communes": ["21009"]},
    )
    alert = Alert.objects.get()
    assert response.status_code == 302 and response.url == f"/admin/alerts/{alert.pk}/edit/"
    assert client.get(response.url).status_code == 200
    response = client.post(
        f"/admin/alerts/{alert.pk}/edit/",
        _edit_data(alert, **{"fr-instruction": "Restez à l'intérieur à Ixelles."}),
    )
    assert response.status_code == 302, response.context and response.context["form"].errors
    preview = client.get(f"/admin/alerts/{alert.pk}/").content.decode()
    assert "GSM-7" in preview or "UCS-2" in preview
    assert "Valid against the OASIS CAP 1.2 schema." in preview
    assert "Restez à l&#x27;intérieur à Ixelles." in preview
    client.post(f"/admin/alerts/{alert.pk}/submit/")
    alert.refresh_from_db()
    assert alert.state == AlertState.SUBMITTED
    # The author sees no approve button, and posting anyway is refused.
    assert "Approve and send" not in client.get(f"/admin/alerts/{alert.pk}/").content.decode()
    client.post(f"/admin/alerts/{alert.pk}/approve/")
    alert.refresh_from_db()
    assert alert.state == AlertState.SUBMITTED

    client.logout()
    _login(client, approver)
    confirm = client.get(f"/admin/alerts/{alert.pk}/approve/").content.decode()
    assert "alert-admin-confirm--live" in confirm
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/alerts/{alert.pk}/approve/", {"fingerprint": fingerprint_on(confirm)})
    alert.refresh_from_db()
    assert alert.state == AlertState.SENT and alert.approved_by == approver

    client.logout()
    for language, word in (("fr", "abri"), ("nl", "binnen"), ("en", "indoors")):
        page = client.get(path_in(language, "alerts:detail", alert.identifier)).content.decode()
        assert word in page
    assert (
        "Restez à l&#x27;intérieur à Ixelles."
        in client.get(path_in("fr", "alerts:detail", alert.identifier)).content.decode()
    )
    actions = list(alert.events.values_list("action", flat=True))
    assert actions[:3] == [AlertAction.CREATED, AlertAction.EDITED, AlertAction.SUBMITTED]
    assert AlertAction.REFUSED in actions and actions[-1] == AlertAction.SENT


def test_superuser_who_wrote_the_alert_cannot_approve_it_in_the_admin(client, demo_site):
    boss = UserFactory(username="boss", groups=["Alert authors", "Alert approvers"])
    boss.is_superuser = boss.is_staff = True
    boss.save()
    alert = AlertFactory(created_by=boss, state=AlertState.SUBMITTED, submitted_by=boss)
    _login(client, boss)
    page = client.get(f"/admin/alerts/{alert.pk}/approve/").content.decode()
    assert "four-eyes" in page
    response = client.post(f"/admin/alerts/{alert.pk}/approve/", follow=True)
    assert "four-eyes" in response.content.decode()
    alert.refresh_from_db()
    assert alert.state == AlertState.SUBMITTED


def test_exercise_confirmation_looks_different_and_previews_are_marked(client, demo_site, approver):
    alert = AlertFactory(status=Status.EXERCISE, state=AlertState.SUBMITTED)
    _login(client, approver)
    page = client.get(f"/admin/alerts/{alert.pk}/approve/").content.decode()
    assert "alert-admin-confirm--exercise" in page
    assert "alert-admin-confirm--live" not in page
    assert "Approve and send the EXERCISE" in page
    # SMS, push, email and CAP previews all carry the marker.
    assert page.count("EXERCICE / OEFENING / EXERCISE") >= 4 * 3


def test_sms_preview_shows_encoding_segments_and_cost(client, demo_site, author, settings):
    settings.SMS_PRICE_PER_SEGMENT_EUR = 0.1
    alert = AlertFactory(created_by=author)
    alert.infos.filter(language="fr").update(sms_text="Fenêtres fermées " * 5)
    _login(client, author)
    page = client.get(f"/admin/alerts/{alert.pk}/").content.decode()
    assert "UCS-2" in page and "GSM-7" in page
    # 85 UCS-2 units: two segments of 67 at 0.1 each (Belgian English writes "0,20 €").
    assert "0,20\xa0€" in page
    assert "audience estimate" in page.lower()


def test_sent_alert_offers_update_and_all_clear(client, demo_site, author, approver):
    alert = SentAlertFactory()
    _login(client, author)
    page = client.get(f"/admin/alerts/{alert.pk}/").content.decode()
    assert "Update this alert" in page and "Prepare the all-clear" in page
    response = client.post(f"/admin/alerts/{alert.pk}/cancel/")
    cancel = Alert.objects.get(references=alert)
    assert response.url == f"/admin/alerts/{cancel.pk}/"
    assert cancel.msg_type == "Cancel" and cancel.state == AlertState.DRAFT
    client.logout()
    _login(client, approver)
    response = client.post(f"/admin/alerts/{alert.pk}/fast-cancel/", {"reason": ""})
    assert response.status_code == 200  # a reason is required
    assert Alert.objects.filter(references=alert).count() == 1


def test_users_without_an_alert_role_are_kept_out(client, demo_site):
    user = UserFactory(username="editor")
    user.is_superuser = True
    user.save()
    _login(client, user)
    response = client.get("/admin/alerts/")
    assert response.status_code == 302 and response.url == "/admin/"  # Wagtail's refusal
    assert "/admin/alerts/" not in client.get("/admin/").content.decode()


def test_event_log_lists_every_transition(client, demo_site, author):
    alert = AlertFactory(created_by=author)
    _login(client, author)
    client.post(f"/admin/alerts/{alert.pk}/submit/")
    page = client.get("/admin/alerts/events/").content.decode()
    assert alert.identifier in page and "author" in page


def test_composer_offers_the_map_with_or_without_a_tile_server(client, demo_site, author, settings):
    alert = AlertFactory(created_by=author)
    _login(client, author)
    settings.ALERTS_MAP_TILE_URL = ""
    page = client.get(f"/admin/alerts/{alert.pk}/edit/").content.decode()
    assert "data-area-map" in page and "area-map.js" in page and 'data-tile-url=""' in page
    assert 'data-communes-url="/alerts/communes.geojson"' in page and "data-area-add-circle" in page
    settings.ALERTS_MAP_TILE_URL = "https://tiles.example.invalid/{z}/{x}/{y}.png"
    page = client.get(f"/admin/alerts/{alert.pk}/edit/").content.decode()
    assert 'data-tile-url="https://tiles.example.invalid/{z}/{x}/{y}.png"' in page


def test_approver_sends_a_submitted_alert_back_with_a_reason(client, demo_site, approver):
    alert = AlertFactory(state=AlertState.SUBMITTED)
    _login(client, approver)
    client.post(f"/admin/alerts/{alert.pk}/reject/", {"reason": "Wrong commune"})
    alert.refresh_from_db()
    assert alert.state == AlertState.DRAFT
    assert "Wrong commune" in client.get(f"/admin/alerts/{alert.pk}/").content.decode()


def test_alert_templates_are_editable_snippets(client, demo_site):
    admin = UserFactory(username="admin")
    admin.is_superuser = True
    admin.save()
    _login(client, admin)
    template = AlertTemplate.objects.get(slug="heatwave")
    assert client.get("/admin/snippets/alerts/alerttemplate/").status_code == 200
    page = client.get(f"/admin/snippets/alerts/alerttemplate/edit/{template.pk}/")
    assert page.status_code == 200
    assert "Hittegolf" in page.content.decode()


def test_an_author_keeps_the_templates_on_a_fresh_installation(client, author):
    """The roles' permissions come with `migrate`, not with the demo content."""
    _login(client, author)
    template = AlertTemplate.objects.get(slug="heatwave")
    assert client.get("/admin/snippets/alerts/alerttemplate/").status_code == 200
    page = client.get(f"/admin/snippets/alerts/alerttemplate/edit/{template.pk}/")
    assert page.status_code == 200
    assert "Hittegolf" in page.content.decode()
