"""Sending a mobilisation request, escalation down each partner's contacts, answers."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from alerts.delivery.models import Delivery, DeliveryState
from alerts.factories import UserFactory
from alerts.mobilisation import services
from alerts.mobilisation.factories import NetworkPartnerFactory, partner_contact
from alerts.mobilisation.models import (
    Answer,
    MobilisationEvent,
    MobilisationTarget,
    TargetState,
)
from alerts.mobilisation.services import RequestData

pytestmark = pytest.mark.django_db


def _asked_addresses(request):
    return sorted(
        Delivery.objects.filter(mobilisation__request=request).values_list(
            "contact_point__address", flat=True
        )
    )


def test_a_request_asks_only_the_first_contact_of_each_partner(network, send):
    first, second = network()
    request = send([first, second])

    assert _asked_addresses(request) == ["+32470000000", "+32470001000"]
    assert set(request.targets.values_list("state", flat=True)) == {TargetState.ASKING}


def test_a_contact_whose_addresses_are_not_confirmed_is_skipped(send):
    partner = NetworkPartnerFactory()
    partner_contact(partner, 0, phone="+32470990000", confirmed=False)
    partner_contact(partner, 1, phone="+32470990001")

    request = send([partner])

    assert _asked_addresses(request) == ["+32470990001"]


def test_without_an_alert_role_nobody_may_mobilise(network):
    with pytest.raises(PermissionDenied):
        services.mobilisation_send(
            user=UserFactory(),
            data=RequestData(need_fr="x", need_nl="y", place="z", needed_from=timezone.now()),
            partners=network(1),
        )


def test_a_request_needs_its_french_and_dutch_text(network, send):
    with pytest.raises(ValidationError):
        send(network(1), need_nl="   ")
    assert not MobilisationTarget.objects.exists()


def test_no_answer_in_time_asks_the_next_contact_then_marks_the_partner_unreached(network, send):
    (partner,) = network(1)
    request = send([partner], escalate_after_minutes=10)
    start = request.targets.get().asked_at

    assert services.mobilisation_escalate(now=start + timedelta(minutes=9)) == 0
    assert services.mobilisation_escalate(now=start + timedelta(minutes=10)) == 1
    # contact 2 has an SMS and an email address: both are asked
    assert _asked_addresses(request) == ["+32470000000", "+32470000001", "p0c1@example.invalid"]
    later = start + timedelta(minutes=10)
    services.mobilisation_escalate(now=later + timedelta(minutes=10))
    services.mobilisation_escalate(now=later + timedelta(minutes=20))

    target = request.targets.get()
    assert target.state == TargetState.UNREACHED
    assert target.contacts_asked == 3
    assert len(_asked_addresses(request)) == 4  # nobody asked twice


def test_escalation_survives_a_worker_killed_half_way(network, send, monkeypatch):
    (partner,) = network(1)
    request = send([partner])
    due = request.targets.get().asked_at + timedelta(minutes=11)
    real_ask = services._ask

    def killed(*args, **kwargs):
        real_ask(*args, **kwargs)
        raise SystemExit("worker killed before commit")

    monkeypatch.setattr(services, "_ask", killed)
    with pytest.raises(SystemExit):
        services.mobilisation_escalate(now=due)
    monkeypatch.setattr(services, "_ask", real_ask)
    # The next worker starts from the database: contact 2 not asked yet, asked once now.
    assert request.targets.get().contacts_asked == 1
    assert services.mobilisation_escalate(now=due) == 1
    assert services.mobilisation_escalate(now=due) == 0
    assert _asked_addresses(request) == ["+32470000000", "+32470000001", "p0c1@example.invalid"]


def test_a_partner_that_answered_is_never_escalated(network, send):
    (partner,) = network(1)
    request = send([partner])
    target = request.targets.get()
    services.mobilisation_answer(
        target=target, contact=target.contact, answer=Answer.UNAVAILABLE, via="link"
    )

    assert services.mobilisation_escalate(now=timezone.now() + timedelta(hours=2)) == 0
    assert _asked_addresses(request) == ["+32470000000"]


def test_the_latest_answer_stands_and_every_answer_is_audited(network, send):
    (partner,) = network(1)
    request = send([partner])
    target = request.targets.get()
    first = services.mobilisation_answer(
        target=target, contact=target.contact, answer=Answer.CALL_ME, via="sms keyword"
    )
    first_time = first.first_answer_at
    services.mobilisation_answer(
        target=target, contact=target.contact, answer=Answer.AVAILABLE, quantity=40, via="link"
    )

    target.refresh_from_db()
    assert (target.answer, target.quantity) == (Answer.AVAILABLE, 40)
    assert target.first_answer_at == first_time
    answers = MobilisationEvent.objects.filter(target=target, action="answered")
    assert [(e.answer, e.via) for e in answers] == [
        ("call_me", "sms keyword"),
        ("available", "link"),
    ]


def test_a_contact_not_asked_cannot_answer_for_the_partner(network, send):
    (partner,) = network(1)
    request = send([partner])
    target = request.targets.get()
    third = partner.contacts.get(position=2)

    with pytest.raises(PermissionDenied):
        services.mobilisation_answer(
            target=target, contact=third, answer=Answer.AVAILABLE, via="link"
        )


def test_closing_a_request_stops_escalation_answers_and_queued_messages(network, send, author):
    (partner,) = network(1)
    request = send([partner])

    services.mobilisation_close(user=author, request=request)

    target = request.targets.get()
    assert target.state == TargetState.CLOSED
    assert services.mobilisation_escalate(now=timezone.now() + timedelta(hours=1)) == 0
    assert set(
        Delivery.objects.filter(mobilisation__request=request).values_list("state", flat=True)
    ) == {DeliveryState.CANCELLED}
    with pytest.raises(ValidationError):
        services.mobilisation_answer(
            target=target, contact=target.contact, answer=Answer.AVAILABLE, via="link"
        )


def test_one_sender_per_channel_is_started_for_all_the_partners_asked(
    network, author, monkeypatch, django_capture_on_commit_callbacks
):
    started = []
    monkeypatch.setattr(services, "enqueue_senders", lambda channels: started.append(channels))
    partners = network(5)

    with django_capture_on_commit_callbacks(execute=True):
        services.mobilisation_send(
            user=author,
            data=RequestData(
                need_fr="Lits", need_nl="Bedden", place="Midi", needed_from=timezone.now()
            ),
            partners=partners,
        )

    assert started == [["sms"]]  # five partners' first contacts: one SMS sender started
