import pytest
from django.core import signing

from alerts.subscriptions import tokens
from alerts.subscriptions.factories import ContactPointFactory
from alerts.subscriptions.models import ContactPoint

pytestmark = pytest.mark.django_db


def test_round_trips():
    cp = ContactPointFactory()
    assert tokens.read_confirm_token(tokens.confirm_token(cp)) == cp
    assert tokens.read_unsubscribe_token(tokens.unsubscribe_token(cp)) == cp
    assert tokens.read_manage_token(tokens.manage_token(cp.subscriber)) == cp.subscriber


def test_salts_keep_purposes_apart():
    cp = ContactPointFactory()
    with pytest.raises(tokens.InvalidLink):
        tokens.read_unsubscribe_token(tokens.confirm_token(cp))
    with pytest.raises(tokens.InvalidLink):
        tokens.read_confirm_token(tokens.unsubscribe_token(cp))


def test_expiry(settings):
    cp = ContactPointFactory()
    token = tokens.confirm_token(cp)
    settings.SUBSCRIPTIONS_CONFIRM_LINK_MAX_AGE = -1
    with pytest.raises(tokens.ExpiredLink):
        tokens.read_confirm_token(token)


def test_a_link_never_applies_to_another_address_with_the_same_id():
    cp = ContactPointFactory(address="first@example.invalid")
    token = tokens.unsubscribe_token(cp)
    ContactPoint.objects.filter(pk=cp.pk).update(address="second@example.invalid")
    with pytest.raises(tokens.InvalidLink):
        tokens.read_unsubscribe_token(token)


def test_forged_payload_is_refused():
    cp = ContactPointFactory()
    forged = signing.Signer(salt="wrong").sign_object({"c": cp.pk})
    for bad in (forged, "", "abc:def", tokens.unsubscribe_token(cp) + "x"):
        with pytest.raises(tokens.InvalidLink):
            tokens.read_unsubscribe_token(bad)
