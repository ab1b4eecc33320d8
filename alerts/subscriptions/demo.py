"""Demo subscribers (idempotent): confirmed citizens across communes, languages and channels,
and three members of the test audience. Emails are under example.invalid (RFC 2606, never
deliverable); phone numbers are in +32 470 99 00 xx, a block kept for demos here (Belgium
publishes no fictional range, and demo SMS go to the local outbox unless Twilio is set)."""

from django.db import transaction
from django.utils import timezone

from alerts.cap_vocab import Category

from .models import (
    Audience,
    ChannelName,
    ConsentAction,
    ConsentRecord,
    ContactPoint,
    Place,
    Subscriber,
)

DEMO_PUSH_HOST = "https://push.example.invalid/demo/"

# (key, language, audience, organisation, communes or None for the whole region,
#  topics, email?, sms?, push?)
DEMO_SUBSCRIBERS = [
    ("anna", "fr", Audience.PUBLIC, "", ["21004"], ["Met", "Fire", "Health"], True, True, False),
    (
        "bram",
        "nl",
        Audience.PUBLIC,
        "",
        ["21015", "21010"],
        ["Met", "Transport"],
        True,
        False,
        True,
    ),
    ("chloe", "en", Audience.PUBLIC, "", None, list(Category.values), True, False, False),
    ("dirk", "nl", Audience.PUBLIC, "", ["21001"], ["Env", "CBRNE"], False, True, False),
    ("elise", "fr", Audience.PUBLIC, "", ["21009", "21013"], ["Met"], False, False, True),
    ("farid", "fr", Audience.PUBLIC, "", ["21012"], ["Safety", "Security"], True, True, False),
    ("test1", "fr", Audience.TEST, "", None, list(Category.values), True, True, False),
    ("test2", "nl", Audience.TEST, "", None, list(Category.values), True, True, False),
    ("test3", "en", Audience.TEST, "", None, list(Category.values), True, False, False),
    ("partner", "fr", Audience.PARTNER, "Croix-Rouge (demo)", None, ["CBRNE"], True, False, False),
]


def _address(index: int, key: str, channel: str) -> str:
    if channel == ChannelName.EMAIL:
        return f"{key}@example.invalid"
    if channel == ChannelName.SMS:
        return f"+3247099{index:04d}"
    return f"{DEMO_PUSH_HOST}{key}"


@transaction.atomic
def seed(context) -> None:
    created = 0
    now = timezone.now()
    for index, row in enumerate(DEMO_SUBSCRIBERS, start=1):
        key, language, audience, organisation, communes, topics, email, sms, push = row
        wanted = [
            channel
            for channel, on in (
                (ChannelName.EMAIL, email),
                (ChannelName.SMS, sms),
                (ChannelName.PUSH, push),
            )
            if on
        ]
        first = _address(index, key, wanted[0])
        if ContactPoint.objects.filter(channel=wanted[0], address=first).exists():
            continue
        subscriber = Subscriber.objects.create(
            language=language, audience=audience, organisation=organisation, topics=topics
        )
        place = Place.objects.create(
            subscriber=subscriber, label="Demo", whole_region=communes is None
        )
        if communes:
            place.communes.set(communes)
        for channel in wanted:
            contact_point = ContactPoint.objects.create(
                subscriber=subscriber,
                channel=channel,
                address=_address(index, key, channel),
                push_keys={"p256dh": "demo", "auth": "demo"} if channel == "push" else {},
                confirmed_at=now,
            )
            ConsentRecord.objects.create(
                contact_point=contact_point,
                channel=channel,
                action=ConsentAction.GIVEN,
                text_version="demo",
                method="demo seed",
            )
        created += 1
    context.messages.append(
        f"Subscriptions: {created} demo subscriber(s) added, {Subscriber.objects.count()} in total."
    )
