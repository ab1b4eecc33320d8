import pytest
from django.core.management import CommandError, call_command

from alerts.factories import AuthorFactory, UserFactory
from alerts.models import ImportToken

pytestmark = pytest.mark.django_db


def test_token_is_printed_once_and_works_for_an_author(capsys, client):
    AuthorFactory(username="partner")
    call_command("alerts_issue_token", "Partner system", user="partner")
    raw = capsys.readouterr().out.strip()
    assert ImportToken.authenticate(raw).user.username == "partner"
    assert not ImportToken.objects.filter(token_hash=raw).exists()


def test_token_needs_an_account_in_the_authors_group():
    UserFactory(username="nobody")
    with pytest.raises(CommandError, match="Alert authors"):
        call_command("alerts_issue_token", "x", user="nobody")
