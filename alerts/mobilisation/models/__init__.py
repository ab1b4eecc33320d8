"""The partner network as relays of the authority: what each partner can mobilise, whom
to call there, and the mobilisation requests with their answers."""

from .network import (
    Availability,
    NetworkPartner,
    PartnerCapability,
    PartnerContact,
    ResourceType,
)
from .requests import (
    Answer,
    MobilisationEvent,
    MobilisationRequest,
    MobilisationTarget,
    RequestState,
    TargetState,
)

__all__ = [
    "Answer",
    "Availability",
    "MobilisationEvent",
    "MobilisationRequest",
    "MobilisationTarget",
    "NetworkPartner",
    "PartnerCapability",
    "PartnerContact",
    "RequestState",
    "ResourceType",
    "TargetState",
]
