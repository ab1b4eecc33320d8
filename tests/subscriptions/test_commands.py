import base64
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from py_vapid import Vapid

from alerts.subscriptions.factories import ContactPointFactory
from alerts.subscriptions.models import ContactPoint


@pytest.mark.django_db
def test_purge_unconfirmed_command():
    stale = ContactPointFactory(confirmed_at=None)
    ContactPoint.objects.filter(pk=stale.pk).update(created_at=timezone.now() - timedelta(days=3))
    fresh = ContactPointFactory(confirmed_at=None)
    out = StringIO()
    call_command("purge_unconfirmed", stdout=out)
    assert "Deleted 1" in out.getvalue()
    assert list(ContactPoint.objects.values_list("pk", flat=True)) == [fresh.pk]


def _b64(value: str) -> bytes:
    return base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))


def test_generate_vapid_keys_prints_a_working_pair():
    out = StringIO()
    call_command("generate_vapid_keys", subject="mailto:ops@example.invalid", stdout=out)
    lines = dict(line.split("=", 1) for line in out.getvalue().strip().splitlines())
    assert set(lines) == {"VAPID_PUBLIC_KEY", "VAPID_PRIVATE_KEY", "VAPID_SUBJECT"}
    public = _b64(lines["VAPID_PUBLIC_KEY"])
    assert len(public) == 65 and public[0] == 4  # uncompressed P-256 point
    vapid = Vapid.from_string(lines["VAPID_PRIVATE_KEY"])  # what pywebpush does
    headers = vapid.sign({"sub": lines["VAPID_SUBJECT"], "aud": "https://push.example.invalid"})
    assert lines["VAPID_PUBLIC_KEY"] in headers["Authorization"]
