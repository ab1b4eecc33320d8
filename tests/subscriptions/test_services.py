from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from alerts.subscriptions import services
from alerts.subscriptions.factories import (
    ContactPointFactory,
    PlaceFactory,
    SmsContactPointFactory,
    SubscriberFactory,
)
from alerts.subscriptions.models import (
    ConsentRecord,
    ContactPoint,
    Place,
    Subscriber,
    Verification,
)
from alerts.subscriptions.ratelimit import RateLimited

pytestmark = pytest.mark.django_db


def _create(**kwargs):
    defaults = {
        "language": "fr",
        "topics": ["Met", "Nonsense"],
        "places": [services.PlaceData(communes=["21004"])],
        "client_ip": "192.0.2.1",
    }
    return services.subscription_create(**{**defaults, **kwargs})


def test_create_stores_pending_addresses_and_only_known_topics():
    subscriber = _create(email="a@example.invalid", phone="+32470990020")
    assert subscriber.topics == ["Met"]
    assert subscriber.contact_points.count() == 2
    assert not subscriber.contact_points.filter(confirmed_at__isnull=False).exists()
    assert Verification.objects.count() == 1
    assert Verification.objects.get().code_hash and len(Verification.objects.get().code_hash) == 64


def test_a_rate_limited_request_writes_nothing(settings):
    settings.SUBSCRIPTIONS_RATE_LIMITS = {**settings.SUBSCRIPTIONS_RATE_LIMITS, "ip": (0, 60)}
    with pytest.raises(RateLimited):
        _create(email="a@example.invalid")
    assert not Subscriber.objects.exists()


def test_confirming_a_known_address_merges_into_one_subscriber():
    old = ContactPointFactory(address="same@example.invalid")
    old_phone = SmsContactPointFactory(subscriber=old.subscriber, address="+32470990021")
    new_subscriber = _create(email="same@example.invalid", language="nl")
    new = new_subscriber.contact_points.get()
    services.contact_point_confirm(contact_point=new, method="email link")

    assert Subscriber.objects.count() == 1
    survivor = Subscriber.objects.get()
    assert survivor.pk == new_subscriber.pk and survivor.language == "nl"
    assert set(survivor.contact_points.values_list("address", flat=True)) == {
        "same@example.invalid",
        "+32470990021",
    }
    old_phone.refresh_from_db()
    assert old_phone.subscriber_id == survivor.pk
    assert ContactPoint.objects.filter(address="same@example.invalid").count() == 1


def test_a_stale_confirmation_does_not_resubscribe():
    contact_point = ContactPointFactory()
    services.contact_point_deactivate(
        contact_point=contact_point, reason="unsubscribed", method="x"
    )
    services.contact_point_confirm(contact_point=contact_point, method="email link")
    contact_point.refresh_from_db()
    assert contact_point.active is False


def test_code_is_checked_hashed_and_single_use(settings):
    subscriber = _create(phone="+32470990022")
    contact_point = subscriber.contact_points.get()
    code = services._issue_code(contact_point, "confirm")
    with pytest.raises(services.CodeError) as wrong:
        services.verification_check(
            contact_point=contact_point, purpose="confirm", code=f"{(int(code) + 1) % 10**6:06d}"
        )
    assert wrong.value.reason == "wrong"
    assert Verification.objects.get().attempts == 1
    services.verification_check(contact_point=contact_point, purpose="confirm", code=code)
    contact_point.refresh_from_db()
    assert contact_point.confirmed_at is not None
    assert not Verification.objects.exists()
    with pytest.raises(services.CodeError):
        services.verification_check(contact_point=contact_point, purpose="confirm", code=code)


def test_stop_then_start():
    contact_point = SmsContactPointFactory(address="+32470990023")
    assert services.sms_keyword_handle(from_number="+32470990023", body=" stop\n") == "stop"
    contact_point.refresh_from_db()
    assert not contact_point.active and contact_point.deactivated_reason == "stop"
    assert services.sms_keyword_handle(from_number="+32470990023", body="START") == "start"
    contact_point.refresh_from_db()
    assert contact_point.active
    actions = list(ConsentRecord.objects.values_list("action", flat=True))
    assert actions == ["withdrawn", "given"]
    assert services.sms_keyword_handle(from_number="+32470990023", body="hello") is None


def test_stop_from_an_unknown_number_changes_nothing():
    contact_point = SmsContactPointFactory(address="+32470990024")
    services.sms_keyword_handle(from_number="+32470990025", body="STOP")
    contact_point.refresh_from_db()
    assert contact_point.active


def test_purge_removes_only_unconfirmed_contact_points_older_than_48_hours():
    now = timezone.now()
    old_pending = ContactPointFactory(confirmed_at=None)
    young_pending = ContactPointFactory(confirmed_at=None)
    old_confirmed = ContactPointFactory()
    ContactPoint.objects.filter(pk__in=[old_pending.pk, old_confirmed.pk]).update(
        created_at=now - timedelta(hours=49)
    )
    Subscriber.objects.filter(pk=old_pending.subscriber_id).update(
        created_at=now - timedelta(hours=49)
    )
    ContactPoint.objects.filter(pk=young_pending.pk).update(created_at=now - timedelta(hours=47))

    assert services.contact_points_purge_unconfirmed(now=now) == 1
    remaining = set(ContactPoint.objects.values_list("pk", flat=True))
    assert remaining == {young_pending.pk, old_confirmed.pk}
    # The subscriber left with nothing is gone too; the others stay.
    assert not Subscriber.objects.filter(pk=old_pending.subscriber_id).exists()
    assert Subscriber.objects.filter(pk=young_pending.subscriber_id).exists()


def test_erasure_leaves_nothing_personal_behind():
    subscriber = SubscriberFactory(organisation="")
    email = ContactPointFactory(subscriber=subscriber, address="secret-person@example.invalid")
    SmsContactPointFactory(subscriber=subscriber, address="+32470990026")
    PlaceFactory(subscriber=subscriber, label="Chez Mamie", communes=["21004"])
    services._consent(email, "given", "email link")
    services._issue_code(email, "manage")

    services.subscriber_erase(subscriber=subscriber)

    assert not Subscriber.objects.exists()
    assert not ContactPoint.objects.exists()
    assert not Place.objects.exists()
    assert not Verification.objects.exists()
    consent = ConsentRecord.objects.get()
    assert consent.contact_point_id is None and consent.channel == "email"
    # Nothing in any table of ours still holds the address, number or place label.
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            if not table.startswith("subscriptions_"):
                continue
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - our own table names
            dump = repr(cursor.fetchall())
            for secret in ("secret-person", "470990026", "Mamie"):
                assert secret not in dump, (table, secret)


def test_push_subscription_change_needs_the_old_endpoint():
    push = ContactPointFactory(channel="push", address="https://push.example.invalid/1")
    new = {"endpoint": "https://push.example.invalid/2", "keys": {"p256dh": "k", "auth": "a"}}
    assert not services.push_subscription_change(
        old_endpoint="https://x.invalid/", subscription=new
    )
    assert services.push_subscription_change(old_endpoint=push.address, subscription=new)
    push.refresh_from_db()
    assert push.address.endswith("/2")


def test_audience_member_save_confirms_and_replaces_addresses():
    subscriber = SubscriberFactory.build(audience="test")
    services.audience_member_save(
        subscriber=subscriber,
        email="vol@example.invalid",
        places=[services.PlaceData(whole_region=True)],
    )
    assert subscriber.contact_points.get().confirmed_at is not None
    services.audience_member_save(subscriber=subscriber, email="vol2@example.invalid")
    live = subscriber.contact_points.filter(active=True)
    assert list(live.values_list("address", flat=True)) == ["vol2@example.invalid"]
    assert subscriber.contact_points.get(address="vol@example.invalid").deactivated_reason == (
        "replaced"
    )


def test_a_gone_address_is_deactivated_and_no_longer_targeted():
    from alerts.subscriptions import selectors

    push = ContactPointFactory(channel="push", address="https://push.example.invalid/gone")
    services.contact_point_mark_gone(contact_point=push, reason="410")
    push.refresh_from_db()
    assert not push.active and push.deactivated_reason == "gone"
    assert not selectors.confirmed_contact_points().exists()
