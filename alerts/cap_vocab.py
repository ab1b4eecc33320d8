"""OASIS CAP 1.2 vocabularies, shared by alerts, subscriptions and risk pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _

CAP_NAMESPACE = "urn:oasis:names:tc:emergency:cap:1.2"


class Status(models.TextChoices):
    ACTUAL = "Actual", _("Actual")
    EXERCISE = "Exercise", _("Exercise")
    SYSTEM = "System", _("System")
    TEST = "Test", _("Test")
    DRAFT = "Draft", _("Draft")


class MsgType(models.TextChoices):
    ALERT = "Alert", _("Alert")
    UPDATE = "Update", _("Update")
    CANCEL = "Cancel", _("Cancel (all-clear)")
    ACK = "Ack", _("Acknowledgement")
    ERROR = "Error", _("Error")


class Scope(models.TextChoices):
    PUBLIC = "Public", _("Public")
    RESTRICTED = "Restricted", _("Restricted (partner network)")
    PRIVATE = "Private", _("Private")


class Category(models.TextChoices):
    GEO = "Geo", _("Geophysical")
    MET = "Met", _("Weather")
    SAFETY = "Safety", _("General safety")
    SECURITY = "Security", _("Security and public order")
    RESCUE = "Rescue", _("Rescue and recovery")
    FIRE = "Fire", _("Fire")
    HEALTH = "Health", _("Health")
    ENV = "Env", _("Pollution and environment")
    TRANSPORT = "Transport", _("Transport")
    INFRA = "Infra", _("Utilities and infrastructure")
    CBRNE = "CBRNE", _("Chemical, biological, radiological, nuclear or explosive threat")
    OTHER = "Other", _("Other")


class ResponseType(models.TextChoices):
    SHELTER = "Shelter", _("Shelter in place")
    EVACUATE = "Evacuate", _("Evacuate")
    PREPARE = "Prepare", _("Prepare")
    EXECUTE = "Execute", _("Execute")
    AVOID = "Avoid", _("Avoid")
    MONITOR = "Monitor", _("Monitor")
    ASSESS = "Assess", _("Assess")
    ALL_CLEAR = "AllClear", _("All clear")
    NONE = "None", _("No action")


class Urgency(models.TextChoices):
    IMMEDIATE = "Immediate", _("Immediate")
    EXPECTED = "Expected", _("Expected")
    FUTURE = "Future", _("Future")
    PAST = "Past", _("Past")
    UNKNOWN = "Unknown", _("Unknown")


class Severity(models.TextChoices):
    EXTREME = "Extreme", _("Extreme")
    SEVERE = "Severe", _("Severe")
    MODERATE = "Moderate", _("Moderate")
    MINOR = "Minor", _("Minor")
    UNKNOWN = "Unknown", _("Unknown")


class Certainty(models.TextChoices):
    OBSERVED = "Observed", _("Observed")
    LIKELY = "Likely", _("Likely")
    POSSIBLE = "Possible", _("Possible")
    UNLIKELY = "Unlikely", _("Unlikely")
    UNKNOWN = "Unknown", _("Unknown")


# Severities that reach a subscriber in the area whatever topics they chose.
ALWAYS_DELIVERED_SEVERITIES = (Severity.EXTREME, Severity.SEVERE)
