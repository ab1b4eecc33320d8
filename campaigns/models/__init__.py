from .events import EventIndexPage, EventKind, PlannedEventPage
from .listings import (
    CampaignIndexPage,
    GuideIndexPage,
    PartnerIndexPage,
    RiskIndexPage,
    TrainingIndexPage,
)
from .pages import CampaignPage, EmergencyKitPage, GuidePage, KitSectionBlock, RiskPage
from .partners import PartnerPage
from .plan import HouseholdPlanPage
from .trainings import TrainingPage, TrainingRegistration, TrainingSession

__all__ = [
    "CampaignIndexPage",
    "CampaignPage",
    "EmergencyKitPage",
    "EventIndexPage",
    "EventKind",
    "GuideIndexPage",
    "GuidePage",
    "HouseholdPlanPage",
    "KitSectionBlock",
    "PartnerIndexPage",
    "PartnerPage",
    "PlannedEventPage",
    "RiskIndexPage",
    "RiskPage",
    "TrainingIndexPage",
    "TrainingPage",
    "TrainingRegistration",
    "TrainingSession",
]
