import pytest

from alerts.factories import ApproverFactory, AuthorFactory


@pytest.fixture
def author(db):
    return AuthorFactory(username="author")


@pytest.fixture
def approver(db):
    return ApproverFactory(username="approver")


@pytest.fixture
def second_approver(db):
    return ApproverFactory(username="approver2")


@pytest.fixture(autouse=True)
def _english():
    """Messages are asserted in English (the source language); requests negotiate their own."""
    from django.utils import translation

    with translation.override("en"):
        yield
