"""The alert's audit trail: every step of its lifecycle, who took it, from which state.

One writer for every module that moves an alert (the lifecycle services, the dispatch to
the delivery ledger), so that each step is logged the same way and the public pages that
show the alert go stale when it goes out.
"""

from alerts.models import AlertEvent, AlertState
from portal.page_cache import ALERTS as PAGE_CACHE_ALERTS
from portal.page_cache import page_cache_clear_on_commit


def record_event(
    *, alert, action, user, from_state="", to_state=None, detail="", version=None
) -> AlertEvent:
    if (alert.state if to_state is None else to_state) in (AlertState.SENDING, AlertState.SENT):
        # Alert pages, banner and feeds change: they go stale once this commits.
        page_cache_clear_on_commit(PAGE_CACHE_ALERTS)
    return AlertEvent.objects.create(
        alert=alert,
        action=action,
        user=user if user is not None and user.is_authenticated else None,
        username=user.get_username() if user is not None and user.is_authenticated else "",
        from_state=from_state,
        to_state=alert.state if to_state is None else to_state,
        detail=detail,
        version=version,
    )
