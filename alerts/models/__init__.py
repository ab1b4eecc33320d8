from .alerts import (
    EXERCISE_MARKER,
    PUBLISHED_STATES,
    Alert,
    AlertInfo,
    AlertState,
    Audience,
    audience_for,
)
from .audit import AlertAction, AlertEvent
from .fast_track import FastTrackKind, FastTrackText
from .geography import Commune
from .templates import AlertTemplate, AlertTemplateText
from .tokens import ImportToken
from .versions import AlertVersion

__all__ = [
    "EXERCISE_MARKER",
    "PUBLISHED_STATES",
    "Alert",
    "AlertAction",
    "AlertEvent",
    "AlertInfo",
    "AlertState",
    "AlertTemplate",
    "AlertTemplateText",
    "AlertVersion",
    "Audience",
    "Commune",
    "FastTrackKind",
    "FastTrackText",
    "ImportToken",
    "audience_for",
]
