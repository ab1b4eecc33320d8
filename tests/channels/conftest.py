import pytest

from tests.peers.smtp import smtp_peer, smtp_settings  # noqa: F401
from tests.peers.twilio import twilio_peer, twilio_settings  # noqa: F401


@pytest.fixture(autouse=True)
def _outbox_in_tmp(settings, tmp_path):
    settings.VAR_DIR = tmp_path
