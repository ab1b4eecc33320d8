"""The Twilio peer: what the delivery engine's tests and the benchmarks rely on."""

import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import requests
from twilio.rest import Client

from tests.peers.twilio import ACCOUNT_SID, AUTH_TOKEN, twilio_peer  # noqa: F401

ROOT = Path(__file__).resolve().parent.parent.parent


def _client(base_url: str) -> Client:
    client = Client(ACCOUNT_SID, AUTH_TOKEN)
    client.api.base_url = base_url
    return client


def _post_many(base_url: str, count: int) -> list:
    session = requests.Session()
    url = f"{base_url}/2010-04-01/Accounts/{ACCOUNT_SID}/Messages.json"
    answers = []
    for i in range(count):
        response = session.post(
            url, data={"To": f"+3247000{i:04d}", "Body": "x"}, auth=(ACCOUNT_SID, AUTH_TOKEN)
        )
        answers.append((response.status_code, response.headers.get("Retry-After")))
    return answers


def test_chaos_fails_the_same_calls_for_the_same_seed(twilio_peer):  # noqa: F811
    twilio_peer.chaos(0.3, seed=42, kinds=("500", "429"), retry_after=7)
    first = _post_many(twilio_peer.base_url, 200)
    twilio_peer.chaos(0.3, seed=42, kinds=("500", "429"), retry_after=7)
    again = _post_many(twilio_peer.base_url, 200)
    twilio_peer.chaos(0.3, seed=43, kinds=("500", "429"), retry_after=7)
    other = _post_many(twilio_peer.base_url, 200)
    assert first == again != other
    failed = [status for status, _ in first if status != 201]
    assert 40 <= len(failed) <= 80 and {500, 429} == set(failed)
    assert {after for status, after in first if status == 429} == {"7"}
    assert len(twilio_peer.messages) == 600 - 2 * len(failed) - sum(s != 201 for s, _ in other)


def test_lists_messages_by_number_and_date_sent_like_twilio(twilio_peer):  # noqa: F811
    client = _client(twilio_peer.base_url)
    client.messages.create(to="+32470000001", from_="LUX", body="un")
    client.messages.create(to="+32470000002", from_="LUX", body="deux")
    client.messages.create(to="+32470000001", from_="LUX", body="trois")
    hour_ago = datetime.now(UTC) - timedelta(hours=1)
    found = client.messages.list(to="+32470000001", date_sent_after=hour_ago, page_size=1)
    assert [m.body for m in found] == ["trois", "un"]  # newest first, across two pages
    assert found[0].date_sent >= hour_ago.replace(microsecond=0)
    later = datetime.now(UTC) + timedelta(hours=1)
    assert client.messages.list(to="+32470000001", date_sent_after=later) == []


def test_accept_then_fail_records_the_message_but_answers_500(twilio_peer):  # noqa: F811
    twilio_peer.accept_then_fail("500")
    answers = _post_many(twilio_peer.base_url, 2)
    assert [status for status, _ in answers] == [500, 201]
    assert len(twilio_peer.messages) == 2


def test_runs_in_a_process_of_its_own():
    with subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "tests.peers.twilio", "--port", "0"],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as process:
        _ask_a_peer_process(process)


def _ask_a_peer_process(process):
    try:
        port = int(process.stdout.readline())
        message = _client(f"http://127.0.0.1:{port}").messages.create(
            to="+32470000001", from_="LUX", body="hello"
        )
        process.stdin.write("stats\n")
        process.stdin.flush()
        assert process.stdout.readline().split() == ["1", "1", "1", "1", "1"]
        assert message.sid.startswith("SM")
    finally:
        process.stdin.write("quit\n")
        process.stdin.flush()
        process.wait(10)
