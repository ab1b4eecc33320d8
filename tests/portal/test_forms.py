"""The admin sign-in form: failures are limited per (user name, address) and per address,
never per user name alone."""

import pytest
from django.core.cache import cache

from portal.models import LoginEvent, LoginEventKind

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english(client):
    """Messages are asserted in English, the language this browser asks for."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


LOGIN = "/admin/login/"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user("editor", password="right-password", is_staff=True)


@pytest.fixture
def limits(settings):
    settings.LOGIN_THROTTLE_PER_USER_AND_IP = 3
    settings.LOGIN_THROTTLE_PER_IP = 5
    settings.LOGIN_THROTTLE_WINDOW = 900
    return settings


def _login(client, username, password, ip="203.0.113.7"):
    return client.post(
        LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip, follow=False
    )


def test_after_too_many_failures_even_the_right_password_is_refused_with_a_clear_message(
    client, editor, limits
):
    for _ in range(3):
        assert _login(client, "editor", "wrong").status_code == 200
    response = _login(client, "editor", "right-password")
    assert response.status_code == 200
    assert "Too many failed sign-in attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert LoginEvent.objects.filter(kind=LoginEventKind.THROTTLED, username="editor").exists()


def test_failures_from_other_addresses_never_lock_an_operator_out(client, editor, limits):
    """Five wrong passwords from five other addresses, as an attacker who knows the name
    would try: the operator still signs in from their own address."""
    for number in range(5):
        _login(client, "editor", "wrong", ip=f"198.51.100.{number}")
    assert _login(client, "editor", "right-password", ip="192.0.2.99").status_code == 302


def test_one_address_trying_many_user_names_is_stopped(client, editor, limits):
    for number in range(5):
        _login(client, f"guess{number}", "wrong")
    response = _login(client, "editor", "right-password")
    assert "Too many failed sign-in attempts" in response.content.decode()
    assert _login(client, "editor", "right-password", ip="192.0.2.1").status_code == 302


def test_the_pause_ends_when_the_window_is_over(client, editor, limits):
    for _ in range(3):
        _login(client, "editor", "wrong")
    cache.clear()  # what the counters' expiry does after LOGIN_THROTTLE_WINDOW seconds
    assert _login(client, "editor", "right-password").status_code == 302


def test_a_success_clears_the_user_name_counter(client, editor, limits):
    for _ in range(2):
        _login(client, "editor", "wrong")
    assert _login(client, "editor", "right-password").status_code == 302
    client.logout()
    for _ in range(2):
        _login(client, "editor", "wrong")
    assert _login(client, "editor", "right-password").status_code == 302


def test_behind_the_proxy_the_limit_counts_the_address_the_proxy_reports(client, editor, limits):
    limits.TRUSTED_CLIENT_IP_HEADER = "X-Real-IP"
    for number in range(5):
        client.post(
            LOGIN,
            {"username": f"guess{number}", "password": "wrong"},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_REAL_IP="203.0.113.50",
        )
    # Another citizen behind the same proxy is not paused.
    response = client.post(
        LOGIN,
        {"username": "editor", "password": "right-password"},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_REAL_IP="198.51.100.4",
    )
    assert response.status_code == 302
