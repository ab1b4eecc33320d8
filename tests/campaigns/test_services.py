"""Writes: registrations (capacity, duplicates, confirmation) and the editorial workflow."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.db import transaction
from django.utils import translation
from wagtail.models import GroupPagePermission, WorkflowPage

from campaigns import factories, services
from campaigns.models import TrainingRegistration

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(sections):
    page = factories.TrainingPageFactory(parent=sections["trainings"]["fr"])
    return factories.TrainingSessionFactory(page=page, capacity=2)


def _register(session, email):
    return services.registration_create(
        session_id=session.pk, name="Ana", email=email, organisation="Ixelles", language="fr"
    )


def test_registrations_stop_at_capacity(session, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _register(session, "a@example.org")
        _register(session, "b@example.org")
        with pytest.raises(services.RegistrationRefused) as refusal:
            _register(session, "c@example.org")
    with translation.override("fr"):
        message = str(refusal.value.message)
    assert message == "Cette session est complète. Veuillez choisir une autre session."
    assert TrainingRegistration.objects.count() == 2
    assert sorted(message.to[0] for message in mail.outbox) == ["a@example.org", "b@example.org"]


def test_the_same_person_cannot_register_twice(session):
    _register(session, "a@example.org")
    with pytest.raises(services.RegistrationRefused) as refusal:
        _register(session, "A@example.org")
    with translation.override("nl"):
        assert str(refusal.value.message) == "U bent al ingeschreven voor deze sessie."


def test_no_email_when_the_registration_is_rolled_back(session, django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        _register(session, "a@example.org")
        raise RuntimeError("request failed after registering")
    assert mail.outbox == []
    assert not TrainingRegistration.objects.exists()


def test_editorial_workflow_is_assigned_to_the_listings(sections):
    listings = [sections["campaigns"]["fr"], sections["guides"]["fr"]]
    workflow = services.editorial_workflow_setup(listing_pages=listings)
    services.editorial_workflow_setup(listing_pages=listings)  # idempotent

    (task,) = [wt.task.specific for wt in workflow.workflow_tasks.all()]
    assert list(task.groups.values_list("name", flat=True)) == ["Editors"]
    assigned = WorkflowPage.objects.filter(workflow=workflow).values_list("page_id", flat=True)
    assert set(assigned) == {page.pk for page in listings}
    writers = Group.objects.get(name="Writers")
    codenames = set(
        GroupPagePermission.objects.filter(group=writers).values_list(
            "permission__codename", flat=True
        )
    )
    assert codenames == {"add_page", "change_page"}
    # A guide created under the listing goes through the workflow.
    guide = factories.GuidePageFactory(parent=sections["guides"]["fr"])
    assert guide.get_workflow() == workflow


def test_a_session_that_has_started_takes_no_registration(session):
    import datetime as dt

    from django.utils import timezone

    session.start = timezone.now() - dt.timedelta(minutes=5)
    session.save()
    with pytest.raises(services.RegistrationRefused) as refusal:
        _register(session, "late@example.org")
    with translation.override("fr"):
        assert str(refusal.value.message) == "Cette session a déjà commencé."
