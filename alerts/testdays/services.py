"""Every change to planned tests and reach reports goes through these functions
(keyword-only arguments, one transaction, permission check and audit inside). The admin
and the demo call them. The public page and its calendar go stale once a change commits."""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from alerts.cap_vocab import Scope, Status
from alerts.delivery.selectors import delivery_reach
from alerts.models import Alert
from alerts.models.alerts import INFO_LANGUAGES, PUBLISHED_STATES
from alerts.roles import has_alert_role
from portal.page_cache import page_cache_clear_on_commit
from portal.page_cache_scopes import path_scope

from .models import PlannedTest, PublishedReachReport

# The audit action of a published report (registered in wagtail_hooks).
REPORT_PUBLISH_ACTION = "testdays.report_publish"
PUBLIC_VIEWS = ("testdays:index", "testdays:ical")
REPORTABLE_STATUSES = (Status.EXERCISE, Status.TEST)


def _check_role(user) -> None:
    if not has_alert_role(user):
        raise PermissionDenied(
            _("Only alert authors and approvers may plan tests and publish their reports.")
        )


def public_page_scopes() -> tuple[str, ...]:
    """The page-cache scopes of the public test-days page and its calendar, every language."""
    scopes = set()
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            scopes.update(path_scope(reverse(name)) for name in PUBLIC_VIEWS)
    return tuple(sorted(scopes))


@transaction.atomic
def planned_test_save(*, user, test: PlannedTest, communes=None) -> PlannedTest:
    """Create or change a planned test (`communes`: Commune objects or codes; None keeps
    them as they are)."""
    _check_role(user)
    test.full_clean(exclude=["communes"])
    if not test.whole_region and communes is not None and not list(communes):
        raise ValidationError(_("Choose the communes of the test, or the whole region."))
    created = test.pk is None
    test.save()
    if communes is not None:
        test.communes.set(communes)
    log(instance=test, action="wagtail.create" if created else "wagtail.edit", user=user)
    page_cache_clear_on_commit(*public_page_scopes())
    return test


@transaction.atomic
def planned_test_delete(*, user, test: PlannedTest) -> None:
    _check_role(user)
    log(instance=test, action="wagtail.delete", user=user)
    test.delete()
    page_cache_clear_on_commit(*public_page_scopes())


def reportable(alert: Alert) -> str | None:
    """Why the reach of `alert` may not be published; None when it may."""
    if alert.status not in REPORTABLE_STATUSES:
        return _("Only the reach of an exercise or a test may be published, not of a real alert.")
    if alert.state not in PUBLISHED_STATES or alert.sent is None:
        return _("This alert has not been sent: there is no reach to publish yet.")
    return None


@transaction.atomic
def reach_report_publish(
    *, user, alert: Alert, planned_test: PlannedTest | None = None
) -> PublishedReachReport:
    """Publish on the site the reach of an exercise or test alert, as the ledger says now.
    The figures are copied into the report: later ledger changes do not alter it."""
    _check_role(user)
    alert = Alert.objects.select_for_update().get(pk=alert.pk)
    refusal = reportable(alert)
    if refusal:
        raise ValidationError(refusal)
    if PublishedReachReport.objects.filter(alert=alert).exists():
        raise ValidationError(_("The reach of this alert is already published."))
    infos = alert.infos_by_language()
    report = PublishedReachReport.objects.create(
        alert=alert,
        planned_test=planned_test,
        # A restricted alert's words stay in the admin: the site shows its figures only.
        headlines={
            language: infos[language].headline for language in INFO_LANGUAGES if language in infos
        }
        if alert.scope == Scope.PUBLIC
        else {},
        alert_sent=alert.sent,
        figures=[row.as_dict() for row in delivery_reach(alert)],
        published_at=timezone.now(),
        published_by=user,
        published_by_name=user.get_username(),
    )
    log(instance=report, action=REPORT_PUBLISH_ACTION, user=user)
    page_cache_clear_on_commit(*public_page_scopes())
    return report
