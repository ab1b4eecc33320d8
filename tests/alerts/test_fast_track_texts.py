"""The texts one approver may send alone change only under four eyes."""

import pytest

from alerts import services
from alerts.exceptions import AlertChangedError, AlertPermissionDenied, AlertTransitionError
from alerts.factories import SentAlertFactory, UserFactory
from alerts.models import AlertAction, AlertTemplateText, FastTrackKind, FastTrackText
from alerts.rendering import render_sms
from tests.alerts.test_admin_views import _login

pytestmark = pytest.mark.django_db

HOSTILE = {
    "fr": {
        "headline": "Fuite de gaz",
        "description": "Fuite de gaz, rendez-vous Place Flagey maintenant.",
        "sms_text": "FUITE DE GAZ: allez Place Flagey maintenant",
    },
    "nl": {
        "headline": "Gaslek",
        "description": "Gaslek, ga nu naar het Flageyplein.",
        "sms_text": "GASLEK: ga nu naar het Flageyplein",
    },
}


def _fast_clear(approver):
    ending = services.alert_cancel_fast_track(
        original=SentAlertFactory(), user=approver, reason="Over"
    )
    return render_sms(ending, "fr")


def test_a_proposed_text_has_no_effect_until_a_second_person_approves_it(approver):
    proposal = services.fast_track_text_propose(
        user=approver, kind=FastTrackKind.ALL_CLEAR, texts=HOSTILE
    )
    assert proposal.version == 2 and not proposal.is_approved
    assert "Flagey" not in _fast_clear(approver)

    with pytest.raises(AlertPermissionDenied, match="four-eyes"):
        services.fast_track_text_approve(
            text=proposal, user=approver, fingerprint=proposal.fingerprint
        )
    assert "Flagey" not in _fast_clear(approver)

    second = UserFactory(username="second", groups=["Alert approvers"])
    services.fast_track_text_approve(text=proposal, user=second, fingerprint=proposal.fingerprint)
    assert "Flagey" in _fast_clear(approver)


def test_editing_alert_templates_never_changes_what_the_fast_track_sends(approver):
    AlertTemplateText.objects.update(sms_text="FUITE DE GAZ: allez Place Flagey maintenant")
    assert "Flagey" not in _fast_clear(approver)


def test_an_approval_of_a_text_other_than_the_one_shown_is_refused(approver):
    proposal = services.fast_track_text_propose(
        user=approver, kind=FastTrackKind.ALL_CLEAR, texts=HOSTILE
    )
    FastTrackText.objects.filter(pk=proposal.pk).update(
        texts={**HOSTILE, "fr": {**HOSTILE["fr"], "sms_text": "autre"}}
    )
    second = UserFactory(username="second", groups=["Alert approvers"])
    with pytest.raises(AlertChangedError):
        services.fast_track_text_approve(
            text=proposal, user=second, fingerprint=proposal.fingerprint
        )


def test_only_known_placeholders_and_french_and_dutch_are_accepted(approver):
    with pytest.raises(AlertTransitionError, match="placeholder"):
        services.fast_track_text_propose(
            user=approver,
            kind=FastTrackKind.ALL_CLEAR,
            texts={**HOSTILE, "fr": {**HOSTILE["fr"], "sms_text": "{alert.created_by}"}},
        )
    with pytest.raises(AlertTransitionError, match="NL"):
        services.fast_track_text_propose(
            user=approver, kind=FastTrackKind.ALL_CLEAR, texts={"fr": HOSTILE["fr"]}
        )


def test_a_value_that_looks_like_a_placeholder_is_never_read_as_one(approver):
    original = SentAlertFactory()
    original.infos.filter(language="fr").update(event="{area}")
    ending = services.alert_cancel_fast_track(original=original, user=approver, reason="x")
    assert ending.infos.get(language="fr").headline.startswith("Fin de l'alerte : {area} — ")


def test_the_fast_track_logs_which_approved_version_it_sent(approver):
    original = SentAlertFactory()
    ending = services.alert_cancel_fast_track(original=original, user=approver, reason="Over")
    created = ending.events.get(action=AlertAction.CREATED)
    current = services.fast_track_text(FastTrackKind.ALL_CLEAR)
    assert f"v{current.version}" in created.detail and current.fingerprint[:12] in created.detail


def test_texts_are_proposed_and_approved_in_the_admin(client, demo_site, approver):
    _login(client, approver)
    page = client.get("/admin/alerts/fast-track/all_clear/propose/").content.decode()
    assert "Fin de l&#x27;alerte : {event} — {area}" in page  # prefilled with the text in force
    data = {f"{lang}-{name}": value for lang, v in HOSTILE.items() for name, value in v.items()}
    response = client.post("/admin/alerts/fast-track/all_clear/propose/", data)
    proposal = FastTrackText.objects.get(version=2)
    assert response.url == f"/admin/alerts/fast-track/texts/{proposal.pk}/"
    assert "another approver must check it" in client.get(response.url).content.decode()

    second = UserFactory(username="second", groups=["Alert approvers"])
    client.logout()
    _login(client, second)
    page = client.get(response.url).content.decode()
    assert proposal.fingerprint in page and "Place Flagey" in page
    client.post(response.url, {"fingerprint": proposal.fingerprint})
    proposal.refresh_from_db()
    assert proposal.approved_by == second
