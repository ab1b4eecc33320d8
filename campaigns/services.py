"""Writes of the preparedness content: registrations and the editorial set-up."""

import logging
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from campaigns.models import TrainingRegistration, TrainingSession
from campaigns.registration_links import registration_token
from portal.site_urls import page_absolute_url

logger = logging.getLogger(__name__)

# The audit action of a registration cancelled from its link (registered in wagtail_hooks).
REGISTRATION_CANCEL_ACTION = "campaigns.registration_cancel"

WRITERS = "Writers"
EDITORS = "Editors"
# Workflow and task names are data that Wagtail shows as they are (the page editor, the
# dashboard, notification emails, histories): one name in both languages of the region.
EDITORIAL_WORKFLOW = "Relecture campagnes et guides / Nazicht campagnes en gidsen"
EDITORIAL_TASK = "Approbation par la rédaction / Goedkeuring door de redactie"


@dataclass
class RegistrationRefused(Exception):
    message: str


@transaction.atomic
def registration_create(
    *, session_id: int, name: str, email: str, organisation: str, language: str
) -> TrainingRegistration:
    """Register someone for a session, unless it is full or they already are.

    The session and its translations are locked (SELECT … FOR UPDATE on PostgreSQL; SQLite
    runs write transactions one at a time) before the places are counted, so two people
    cannot take the last place together. The confirmation is sent once committed.
    """
    session = TrainingSession.objects.get(pk=session_id)
    if session.start <= timezone.now():
        raise RegistrationRefused(_("This session has already started."))
    copies = list(
        TrainingSession.objects.select_for_update().filter(translation_key=session.translation_key)
    )
    taken = TrainingRegistration.objects.filter(session__in=copies)
    if taken.filter(email__iexact=email).exists():
        raise RegistrationRefused(_("You are already registered for this session."))
    if taken.count() >= session.capacity:
        raise RegistrationRefused(_("This session is full. Please choose another session."))
    registration = TrainingRegistration.objects.create(
        session=session, name=name, email=email, organisation=organisation, language=language
    )
    transaction.on_commit(lambda: registration_confirmation_send(registration_id=registration.pk))
    return registration


@transaction.atomic
def registration_cancel(*, registration_id: int) -> TrainingSession:
    """Cancel a registration from the registrant's link: the place goes back to the
    session. Refused once the session has started, or when it was already cancelled.
    Audited in Wagtail's log (Reports → Site history) and in the application log.
    Returns the session whose place was freed."""
    registration = (
        TrainingRegistration.objects.select_for_update()
        .select_related("session")
        .filter(pk=registration_id)
        .first()
    )
    if registration is None:
        raise RegistrationRefused(_("This registration has already been cancelled."))
    session = registration.session
    if session.start <= timezone.now():
        raise RegistrationRefused(_("This session has already started."))
    log(
        instance=registration,
        action=REGISTRATION_CANCEL_ACTION,
        data={"session": session.pk, "by": "registrant"},
        deleted=True,
    )
    registration.delete()
    logger.info(
        "training registration %s cancelled by its registrant; place freed in session %s",
        registration_id,
        session.pk,
    )
    return session


def registration_confirmation_send(*, registration_id: int) -> None:
    """Email the confirmation, in the language the person registered in: the session, the
    organiser's contact and a link to cancel (valid until the session starts). Links take
    the public address from SITE_BASE_URL."""
    registration = TrainingRegistration.objects.select_related("session__page").get(
        pk=registration_id
    )
    with translation.override(registration.language):
        page = registration.session.page
        page_url = page_absolute_url(page)
        token = registration_token(registration.pk)
        context = {
            "registration": registration,
            "session": registration.session,
            "page": page,
            "page_url": page_url,
            "cancel_url": page_url + page.reverse_subpage("cancel", kwargs={"token": token}),
        }
        subject = str(_("Registration confirmed: %(title)s") % {"title": page.title})
        body = render_to_string("campaigns/emails/registration_confirmation.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [registration.email])


@transaction.atomic
def editorial_workflow_setup(*, listing_pages) -> Workflow:
    """Writers submit, Editors approve: the moderation workflow on the given listings,
    and the page permissions each group needs there. Idempotent."""
    writers, _created = Group.objects.get_or_create(name=WRITERS)
    editors, _created = Group.objects.get_or_create(name=EDITORS)
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    # Both may start a translation (wagtail-localize's "Translate"); it stays a draft until
    # its texts are translated and the workflow approves it (campaigns.translations).
    submit_translation = Permission.objects.get(
        content_type__app_label="wagtail_localize", codename="submit_translation"
    )
    writers.permissions.add(access_admin, submit_translation)
    editors.permissions.add(access_admin, submit_translation)
    page_permissions = {
        codename: Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
        for codename in ("add_page", "change_page", "publish_page")
    }
    task = GroupApprovalTask.objects.filter(name=EDITORIAL_TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=EDITORIAL_TASK)
    task.groups.set([editors])
    workflow, _created = Workflow.objects.get_or_create(name=EDITORIAL_WORKFLOW)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for page in listing_pages:
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
        for codename in ("add_page", "change_page"):
            GroupPagePermission.objects.get_or_create(
                group=writers, page=page, permission=page_permissions[codename]
            )
        for codename in ("add_page", "change_page", "publish_page"):
            GroupPagePermission.objects.get_or_create(
                group=editors, page=page, permission=page_permissions[codename]
            )
    return workflow
