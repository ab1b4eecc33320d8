"""The two-person rule: the approver approves exactly what leaves, and nobody who shaped
an alert approves it or sends it back on their own behalf."""

import pytest

from alerts import selectors, services
from alerts.cap_vocab import Scope, Severity, Status
from alerts.exceptions import AlertChangedError, AlertPermissionDenied, AlertTransitionError
from alerts.factories import AlertFactory, SentAlertFactory, UserFactory
from alerts.models import AlertAction, AlertState
from alerts.outgoing import alert_fingerprint

pytestmark = pytest.mark.django_db

BOTH_ROLES = ["Alert authors", "Alert approvers"]


def _infos(alert, **changes):
    return {
        info.language: {
            "headline": info.headline,
            "description": info.description,
            "instruction": info.instruction,
            "sms_text": info.sms_text,
            **changes,
        }
        for info in alert.infos.all()
    }


def test_an_approval_of_a_version_the_approver_never_saw_is_refused(author, approver):
    """V1 submitted, the approver opens it; the author withdraws, rewrites (Extreme, new
    text) and resubmits; the approver's old form is posted: nothing goes out."""
    alert = AlertFactory(created_by=author)
    services.alert_submit(alert=alert, user=author)
    seen = alert_fingerprint(alert)

    services.alert_withdraw(alert=alert, user=author)
    services.alert_edit(
        alert=alert,
        user=author,
        fields={"severity": Severity.EXTREME},
        infos=_infos(alert, sms_text="EVACUEZ MAINTENANT vers la Place Flagey"),
    )
    services.alert_submit(alert=alert, user=author)

    with pytest.raises(AlertChangedError) as refused:
        services.alert_approve(alert=alert, user=approver, fingerprint=seen)
    alert.refresh_from_db()
    assert alert.state == AlertState.SUBMITTED and alert.approved_by is None
    labels = {change.label for change in refused.value.changes}
    assert "Severity" in labels and "SMS (FR)" in labels
    sms = next(c for c in refused.value.changes if c.label == "SMS (FR)")
    assert "Place Flagey" in sms.after and "Place Flagey" not in sms.before
    refusal = alert.events.get(action=AlertAction.REFUSED)
    assert refusal.username == "approver" and "changed since you opened it" in refusal.detail

    # Looking again at what is there now, the same approver may approve it.
    services.alert_approve(alert=alert, user=approver, fingerprint=alert_fingerprint(alert))
    alert.refresh_from_db()
    assert alert.state == AlertState.SENDING


def test_a_forged_or_missing_fingerprint_approves_nothing(author, approver):
    alert = AlertFactory(created_by=author)
    services.alert_submit(alert=alert, user=author)
    for forged in ("", "0" * 64):
        with pytest.raises(AlertChangedError):
            services.alert_approve(alert=alert, user=approver, fingerprint=forged)
    alert.refresh_from_db()
    assert alert.state == AlertState.SUBMITTED


def test_someone_who_edited_the_alert_cannot_approve_it(author):
    editor = UserFactory(username="editor", groups=BOTH_ROLES)
    alert = AlertFactory(created_by=author)
    services.alert_edit(alert=alert, user=editor, fields={}, infos=_infos(alert, headline="Vu"))
    services.alert_submit(alert=alert, user=author)
    with pytest.raises(AlertPermissionDenied, match="four-eyes"):
        services.alert_approve(alert=alert, user=editor, fingerprint=alert_fingerprint(alert))
    alert.refresh_from_db()
    assert alert.state == AlertState.SUBMITTED


def test_a_contributor_cannot_send_their_own_alert_back(author):
    both = UserFactory(username="both", groups=BOTH_ROLES)
    alert = AlertFactory(created_by=both)
    services.alert_submit(alert=alert, user=both)
    with pytest.raises(AlertPermissionDenied, match="four-eyes"):
        services.alert_reject(alert=alert, user=both, reason="self")
    alert.refresh_from_db()
    assert alert.state == AlertState.SUBMITTED


def test_sending_back_needs_a_reason_and_keeps_the_version_with_it(author, approver):
    alert = AlertFactory(created_by=author)
    services.alert_submit(alert=alert, user=author)
    with pytest.raises(AlertTransitionError):
        services.alert_reject(alert=alert, user=approver, reason="  ")
    services.alert_reject(alert=alert, user=approver, reason="Wrong commune")
    rejected = alert.events.get(action=AlertAction.REJECTED)
    assert rejected.detail == "Wrong commune"
    assert rejected.version.fingerprint == alert_fingerprint(alert)
    assert "ALERTE: rentrez" in rejected.version.payload["texts"]["fr"]["sms"]


def test_only_a_contributor_may_withdraw_a_submitted_alert(author, approver):
    alert = AlertFactory(created_by=author)
    services.alert_submit(alert=alert, user=author)
    stranger = UserFactory(username="stranger", groups=["Alert authors"])
    with pytest.raises(AlertPermissionDenied):
        services.alert_withdraw(alert=alert, user=stranger)
    services.alert_withdraw(alert=alert, user=author)
    alert.refresh_from_db()
    assert alert.state == AlertState.DRAFT


def test_an_importing_partner_account_cannot_approve_what_it_imported(author):
    alert = AlertFactory(created_by=author)
    services.alert_submit(alert=alert, user=author)
    author.groups.add(*UserFactory(username="x", groups=BOTH_ROLES).groups.all())
    author._alert_group_names = None
    with pytest.raises(AlertPermissionDenied, match="four-eyes"):
        services.alert_approve(alert=alert, user=author, fingerprint=alert_fingerprint(alert))


@pytest.mark.parametrize(
    "change", [{"status": Status.TEST}, {"status": Status.EXERCISE}, {"scope": Scope.RESTRICTED}]
)
def test_a_follow_up_keeps_the_status_and_scope_of_a_live_public_incident(author, approver, change):
    original = SentAlertFactory()
    update = services.alert_prepare_update(original=original, user=author)
    with pytest.raises(AlertTransitionError, match="status and scope of its incident"):
        services.alert_edit(alert=update, user=author, fields=change, infos={})
    update.refresh_from_db()
    assert (update.status, update.scope) == (Status.ACTUAL, Scope.PUBLIC)


def test_a_test_follow_up_that_reached_the_database_anyway_is_refused_and_hides_nothing(
    author, approver
):
    """A row written around the services (an old draft, a direct database change): the
    approval refuses it, and the public view still shows the live alert."""
    original = SentAlertFactory()
    update = services.alert_prepare_update(original=original, user=author)
    type(update).objects.filter(pk=update.pk).update(status=Status.TEST)
    update.refresh_from_db()
    update.audience = "test"
    with pytest.raises(AlertTransitionError, match="status and scope of its incident"):
        services.alert_submit(alert=update, user=author)
    type(update).objects.filter(pk=update.pk).update(
        state=AlertState.SENT, sent=original.sent, audience="test"
    )
    assert list(selectors.active_alerts()) == [original]


@pytest.mark.parametrize("status", [Status.TEST, Status.EXERCISE])
def test_an_imported_test_follow_up_of_a_live_alert_is_refused_with_the_reason(client, status):
    from alerts.cap import cap_datetime
    from alerts.models import Alert, ImportToken
    from tests.alerts.test_cap_import import _post, cap_document

    partner = UserFactory(username="partner-system", groups=["Alert authors"])
    _token, raw = ImportToken.issue(name="Partner", user=partner)
    original = SentAlertFactory()
    reference = f"{original.sender},{original.identifier},{cap_datetime(original.sent)}"
    for msg_type in ("Update", "Cancel"):
        body = cap_document(msg_type=msg_type, references=reference, status=status)
        response = _post(client, body, raw)
        assert response.status_code == 400, response.content
        assert "status and scope of its incident" in response.content.decode()
    assert not Alert.objects.filter(references=original).exists()
    assert list(selectors.active_alerts()) == [original]


def test_the_composer_does_not_offer_another_status_or_scope_for_a_follow_up(
    client, demo_site, author
):
    from tests.alerts.test_admin_views import _edit_data, _login

    update = services.alert_prepare_update(original=SentAlertFactory(), user=author)
    _login(client, author)
    html = client.get(f"/admin/alerts/{update.pk}/edit/").content.decode()
    assert 'name="status"' in html and "keeps the status and scope of its incident" in html
    client.post(
        f"/admin/alerts/{update.pk}/edit/",
        _edit_data(update, status=Status.TEST, scope=Scope.RESTRICTED),
    )
    update.refresh_from_db()
    assert (update.status, update.scope) == (Status.ACTUAL, Scope.PUBLIC)


def test_the_approver_sees_the_area_on_a_map_and_in_words(client, demo_site, author, approver):
    from tests.alerts.test_admin_views import _login

    alert = AlertFactory(created_by=author, area=["21009", "21016"])
    services.alert_submit(alert=alert, user=author)
    _login(client, approver)
    html = client.get(f"/admin/alerts/{alert.pk}/approve/").content.decode()
    assert "data-area-map" in html and 'data-targeted="21009 21016 "' in html
    assert "Area: Ixelles / Elsene, Uccle / Ukkel" in html
    assert "area-map.js" in html


def test_the_composer_offers_to_simplify_a_polygon_with_too_many_points(client, demo_site, author):
    import math
    import re as regex

    from alerts.geometry import MAX_POLYGON_VERTICES
    from tests.alerts.test_admin_views import _edit_data, _login

    ring = [
        f"{50.8272 + 0.01 * math.sin(2 * math.pi * i / 600):.5f},"
        f"{4.3717 + 0.015 * math.cos(2 * math.pi * i / 600):.5f}"
        for i in range(600)
    ]
    polygon = " ".join([*ring, ring[0]])
    alert = AlertFactory(created_by=author)
    _login(client, author)
    url = f"/admin/alerts/{alert.pk}/edit/"
    html = client.post(url, _edit_data(alert, polygons=polygon)).content.decode()
    assert 'name="simplify_polygons"' in html
    html = client.post(url, _edit_data(alert, polygons=polygon, simplify_polygons="1"))
    html = html.content.decode()
    simplified = regex.search(r'name="polygons"[^>]*>\s*([^<]+)</textarea>', html).group(1)
    assert 4 <= len(simplified.split()) <= MAX_POLYGON_VERTICES + 1
    alert.refresh_from_db()
    assert alert.polygons == ""  # nothing saved until the author saves
    response = client.post(url, _edit_data(alert, polygons=simplified.strip()))
    assert response.status_code == 302
    alert.refresh_from_db()
    assert alert.polygons == simplified.strip()
