import pytest

from alerts.channels.base import Message, Outcome
from alerts.channels.outbox import NOT_SENT, OutboxChannel
from tests.conftest import login_with_second_factor


def test_writes_a_clearly_marked_file_and_does_not_deliver(settings, tmp_path):
    channel = OutboxChannel("sms")
    result = channel.send(Message(channel="sms", address="+32470990001", text="Bonjour"))
    assert channel.delivers is False
    assert result.outcome is Outcome.SENT and result.provider_id.startswith("outbox:")
    files = list((tmp_path / "outbox" / "sms").glob("*.json"))
    assert len(files) == 1
    [record] = channel.read_all()
    assert record["status"] == NOT_SENT and "NOT SENT" in record["status"]
    assert record["address"] == "+32470990001" and record["text"] == "Bonjour"


def test_an_unwritable_outbox_asks_for_a_retry(settings, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    settings.VAR_DIR = blocker  # a file, so the outbox folder cannot be made
    result = OutboxChannel("email").send(Message(channel="email", address="a@b.c", text="x"))
    assert result.outcome is Outcome.RETRY


@pytest.mark.django_db
def test_the_admin_shows_the_outbox_to_superusers_only(client, django_user_model, settings):
    settings.TWILIO_ACCOUNT_SID = ""
    OutboxChannel("sms").send(Message(channel="sms", address="+32470990070", text="Code 424242"))
    staff = django_user_model.objects.create_user("staff", password="pw", is_staff=True)
    client.force_login(staff)
    response = client.get("/admin/outbox/")
    assert b"424242" not in response.content
    admin = django_user_model.objects.create_superuser("root", "root@example.invalid", "pw")
    login_with_second_factor(client, admin)
    response = client.get("/admin/outbox/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "424242" in page and NOT_SENT in page
