"""Errors raised by the alert services, with a message fit to show to the user."""

from django.core.exceptions import PermissionDenied, ValidationError


class AlertPermissionDenied(PermissionDenied):
    """The user may not perform this action on this alert."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return str(self.message)


class AlertTransitionError(ValidationError):
    """The alert is not in a state (or not complete enough) for this action."""


class AlertChangedError(AlertTransitionError):
    """The alert is no longer what the approver saw: `changes` says what differs
    (a list of `alerts.outgoing.Change`, empty when the version seen is unknown)."""

    def __init__(self, message: str, changes=()):
        super().__init__(message)
        self.changes = list(changes)
