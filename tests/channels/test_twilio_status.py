"""Twilio's status words, read in the SMS channel's own module: the engine sees only
delivered, failed (and whether the number is gone) or nothing new."""

import pytest

from alerts.channels.twilio_status import status_report


@pytest.mark.parametrize("status", ["delivered", "read"])
def test_delivered_words(status):
    assert status_report(status).outcome == "delivered"


def test_a_failure_says_why_and_only_21610_means_the_number_is_gone():
    undelivered = status_report("undelivered", "30003")
    stopped = status_report("failed", "21610")

    assert (undelivered.outcome, undelivered.gone) == ("failed", False)
    assert undelivered.reason == "provider reports undelivered (error 30003)"
    assert (stopped.outcome, stopped.gone) == ("failed", True)


@pytest.mark.parametrize("status", ["queued", "sending", "sent", "accepted", "", "bogus"])
def test_other_words_change_nothing(status):
    assert status_report(status).outcome == ""
