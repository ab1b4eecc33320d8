import pytest
from django.core.exceptions import PermissionDenied

from alerts import services
from alerts.cap_vocab import MsgType, Status
from alerts.exceptions import AlertPermissionDenied, AlertTransitionError
from alerts.factories import (
    AlertFactory,
    SentAlertFactory,
    UserFactory,
)
from alerts.models import Alert, AlertAction, AlertState, AlertTemplate, Audience
from alerts.outgoing import alert_fingerprint

pytestmark = pytest.mark.django_db


def _submitted(author, **kwargs):
    alert = AlertFactory(created_by=author, **kwargs)
    return services.alert_submit(alert=alert, user=author)


def test_author_submits_and_another_approver_sends(author, approver):
    alert = _submitted(author)
    alert = services.alert_approve(alert=alert, user=approver, fingerprint=alert_fingerprint(alert))
    alert.refresh_from_db()
    # The dispatch task is enqueued on commit, which this test's transaction never reaches.
    assert alert.state == AlertState.SENDING
    assert alert.approved_by == approver
    actions = list(alert.events.values_list("action", "username"))
    assert (AlertAction.SUBMITTED, "author") in actions
    assert (AlertAction.APPROVED, "approver") in actions
    assert (AlertAction.SENDING, "approver") in actions


def test_an_approval_is_one_short_transaction(author, approver, django_assert_max_num_queries):
    # During a crisis the approver waits on each round trip to a loaded database: the
    # checks, the content rendered again for its fingerprint (texts and communes read
    # once), the contributors, the state change to "sending" and both events take 12
    # statements, the transaction's own begin and end included (10 before the content
    # was fingerprinted; 20 when each step checked again).
    alert = _submitted(author)
    seen = alert_fingerprint(alert)
    with django_assert_max_num_queries(12):
        services.alert_approve(alert=alert, user=approver, fingerprint=seen)
    alert.refresh_from_db()
    assert alert.state == AlertState.SENDING
    assert alert.sent is not None


def test_author_cannot_approve_own_alert_even_as_approver_or_superuser():
    user = UserFactory(username="boss", groups=["Alert authors", "Alert approvers"])
    user.is_superuser = user.is_staff = True
    user.save()
    alert = _submitted(user)
    with pytest.raises(AlertPermissionDenied, match="four-eyes"):
        services.alert_approve(alert=alert, user=user, fingerprint=alert_fingerprint(alert))
    alert.refresh_from_db()
    assert alert.state == AlertState.SUBMITTED
    assert alert.events.filter(action=AlertAction.REFUSED, username="boss").exists()


def test_submitter_cannot_approve_what_they_submitted(author):
    submitter = UserFactory(username="sub", groups=["Alert authors", "Alert approvers"])
    alert = AlertFactory(created_by=author)
    services.alert_submit(alert=alert, user=submitter)
    with pytest.raises(PermissionDenied):
        services.alert_approve(alert=alert, user=submitter, fingerprint=alert_fingerprint(alert))


def test_superuser_outside_the_approvers_group_cannot_approve(author):
    admin = UserFactory(username="root")
    admin.is_superuser = True
    admin.save()
    alert = _submitted(author)
    with pytest.raises(AlertPermissionDenied, match="Alert approvers"):
        services.alert_approve(alert=alert, user=admin, fingerprint=alert_fingerprint(alert))


def test_non_author_cannot_create_or_submit(approver):
    with pytest.raises(AlertPermissionDenied):
        services.alert_create(user=approver, fields={"event": "x"}, infos={})
    alert = AlertFactory()
    with pytest.raises(AlertPermissionDenied):
        services.alert_submit(alert=alert, user=approver)


def test_french_and_dutch_are_required_to_submit(author):
    alert = AlertFactory(created_by=author, languages=["fr", "en"])
    with pytest.raises(AlertTransitionError) as error:
        services.alert_submit(alert=alert, user=author)
    assert "Dutch" in str(error.value)
    alert = AlertFactory(created_by=author, languages=["nl"])
    with pytest.raises(AlertTransitionError, match="French"):
        services.alert_submit(alert=alert, user=author)
    # English is optional
    alert = AlertFactory(created_by=author, languages=["fr", "nl"])
    assert services.alert_submit(alert=alert, user=author).state == AlertState.SUBMITTED


def test_an_alert_without_area_cannot_be_submitted(author):
    alert = AlertFactory(created_by=author)
    alert.communes.clear()
    with pytest.raises(AlertTransitionError, match="area"):
        services.alert_submit(alert=alert, user=author)


@pytest.mark.parametrize("status", [Status.EXERCISE, Status.TEST])
@pytest.mark.parametrize("scope", ["Public", "Restricted"])
def test_exercise_and_test_only_ever_reach_the_test_audience(author, status, scope):
    alert = services.alert_create_from_template(
        user=author,
        template=AlertTemplate.objects.get(slug="flood"),
        status=status,
        scope=scope,
        whole_region=True,
    )
    assert alert.audience == Audience.TEST
    alert.scope = "Public"
    alert.save()
    alert.full_clean()
    assert Alert.objects.get(pk=alert.pk).audience == Audience.TEST


def test_creating_from_a_template_prefills_every_language(author):
    template = AlertTemplate.objects.get(slug="chemical-shelter")
    alert = services.alert_create_from_template(user=author, template=template, communes=["21009"])
    infos = alert.infos_by_language()
    assert set(infos) == {"fr", "nl", "en"}
    assert "abri" in infos["fr"].headline
    assert "binnen" in infos["nl"].headline
    assert alert.response_type == "Shelter"
    assert alert.expires > alert.effective
    assert services.alert_submit(alert=alert, user=author).state == AlertState.SUBMITTED


def test_only_drafts_can_be_edited(author):
    alert = _submitted(author)
    with pytest.raises(AlertTransitionError):
        services.alert_edit(alert=alert, user=author, fields={"event": "Other"}, infos={})


def test_reject_sends_back_to_draft_with_reason(author, approver):
    alert = _submitted(author)
    services.alert_reject(alert=alert, user=approver, reason="Wrong commune")
    alert.refresh_from_db()
    assert alert.state == AlertState.DRAFT
    assert alert.events.get(action=AlertAction.REJECTED).detail == "Wrong commune"


def test_update_references_the_original_and_needs_approval(author, approver):
    original = SentAlertFactory()
    update = services.alert_prepare_update(original=original, user=author)
    assert update.msg_type == MsgType.UPDATE
    assert update.references == original
    assert update.state == AlertState.DRAFT
    assert update.identifier != original.identifier
    assert update.infos.get(language="fr").headline == original.infos.get(language="fr").headline
    unchanged = [f"{lang}.{name}" for lang, name, _text in services.unchanged_texts(update)]
    services.alert_submit(alert=update, user=author, acknowledged=unchanged)
    with pytest.raises(PermissionDenied):
        services.alert_approve(alert=update, user=author, fingerprint=alert_fingerprint(update))


def test_prepared_cancel_uses_the_all_clear_text(author):
    original = SentAlertFactory()
    cancel = services.alert_prepare_cancel(original=original, user=author)
    assert cancel.msg_type == MsgType.CANCEL
    # The approved all-clear text, naming the incident's event and area in each language.
    assert (
        cancel.infos.get(language="nl").headline
        == "Einde van het alarm: Chemische lozing — Brussel"
    )
    assert list(cancel.communes.all()) == list(original.communes.all())


def test_fast_track_cancel_needs_an_approver_and_a_reason(author, approver):
    original = SentAlertFactory()
    with pytest.raises(AlertPermissionDenied):
        services.alert_cancel_fast_track(original=original, user=author, reason="False alarm")
    with pytest.raises(AlertTransitionError, match="reason"):
        services.alert_cancel_fast_track(original=original, user=approver, reason=" ")
    cancel = services.alert_cancel_fast_track(original=original, user=approver, reason="False")
    assert cancel.msg_type == MsgType.CANCEL
    assert cancel.state == AlertState.SENDING
    assert (
        cancel.infos.get(language="fr").headline == "Fin de l'alerte : Rejet chimique — Bruxelles"
    )
    assert cancel.events.filter(action=AlertAction.CANCEL_FAST_TRACK, detail="False").exists()


def test_an_ended_alert_cannot_be_cancelled_or_updated_again(author, approver):
    original = SentAlertFactory()
    cancel = services.alert_cancel_fast_track(original=original, user=approver, reason="False")
    Alert.objects.filter(pk=cancel.pk).update(state=AlertState.SENT)
    with pytest.raises(AlertTransitionError):
        services.alert_prepare_update(original=original, user=author)
    with pytest.raises(AlertTransitionError):
        services.alert_cancel_fast_track(original=original, user=approver, reason="again")


def test_drafts_cannot_be_followed_up(author):
    with pytest.raises(AlertTransitionError):
        services.alert_prepare_update(original=AlertFactory(), user=author)


def test_start_sending_requires_an_approved_alert(author, approver):
    alert = _submitted(author)
    with pytest.raises(AlertTransitionError):
        services.alert_start_sending(alert=alert, user=approver)
