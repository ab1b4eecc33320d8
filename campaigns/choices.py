"""Fixed vocabularies of the preparedness content (audiences, hazards, disciplines…)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Audience(models.TextChoices):
    HOUSEHOLDS = "households", _("Households")
    BUILDING_OWNERS = "building_owners", _("Building owners and architects")
    SCHOOLS = "schools", _("Schools")
    BUSINESSES = "businesses", _("Businesses")
    ASSOCIATIONS = "associations", _("Associations")


class GuideFamily(models.TextChoices):
    POPULATION = "population", _("Resilience of the population")
    BUILDINGS = "buildings", _("Resilience of buildings and public space")


class GuideTopic(models.TextChoices):
    HOUSEHOLD_PLAN = "household_plan", _("Household emergency plan")
    EMERGENCY_KIT = "emergency_kit", _("Emergency kit")
    NEIGHBOURS = "neighbours", _("Neighbours and solidarity")
    REDUCED_MOBILITY = "reduced_mobility", _("People with reduced mobility")
    PETS = "pets", _("Pets")
    FLOOD_PROOFING = "flood_proofing", _("Flood-proofing a basement")
    HEAT_PROOFING = "heat_proofing", _("Heat-proofing a dwelling")
    RENOVATION = "renovation", _("Resilient renovation")


GUIDE_FAMILY_OF_TOPIC = {
    GuideTopic.HOUSEHOLD_PLAN: GuideFamily.POPULATION,
    GuideTopic.EMERGENCY_KIT: GuideFamily.POPULATION,
    GuideTopic.NEIGHBOURS: GuideFamily.POPULATION,
    GuideTopic.REDUCED_MOBILITY: GuideFamily.POPULATION,
    GuideTopic.PETS: GuideFamily.POPULATION,
    GuideTopic.FLOOD_PROOFING: GuideFamily.BUILDINGS,
    GuideTopic.HEAT_PROOFING: GuideFamily.BUILDINGS,
    GuideTopic.RENOVATION: GuideFamily.BUILDINGS,
}


class Hazard(models.TextChoices):
    FLOOD = "flood", _("Flood")
    HEATWAVE = "heatwave", _("Heatwave")
    STORM = "storm", _("Storm")
    POWER_CUT = "power_cut", _("Power cut")
    INDUSTRIAL = "industrial", _("Industrial or chemical accident")
    PANDEMIC = "pandemic", _("Pandemic")
    TERROR = "terror", _("Terrorist threat")
    LARGE_EVENT = "large_event", _("Incident at a large event")
    DRINKING_WATER = "drinking_water", _("Drinking-water problem")
    COLD = "cold", _("Cold, snow and ice")
    FIRE = "fire", _("Fire")


class PartnerDiscipline(models.TextChoices):
    """The five disciplines of Belgian emergency planning, plus the other partners."""

    FIRE = "fire", _("Fire and rescue services (D1)")
    MEDICAL = "medical", _("Medical, health and psychosocial aid (D2)")
    POLICE = "police", _("Police (D3)")
    CIVIL_PROTECTION = "civil_protection", _("Civil protection and logistics (D4)")
    INFORMATION = "information", _("Information to the population (D5)")
    TRANSPORT = "transport", _("Public transport")
    UTILITIES = "utilities", _("Utilities (water, energy)")
    HOSPITAL = "hospital", _("Hospitals")
    ASSOCIATION = "association", _("Associations")
    EXPERT = "expert", _("Experts")


class FieldAudience(models.TextChoices):
    """Who a training or an exercise is for."""

    EMERGENCY_PLANNING = "emergency_planning", _("Municipal emergency planning officers")
    FIRST_RESPONDERS = "first_responders", _("Fire, medical and police responders")
    VOLUNTEERS = "volunteers", _("Volunteers and associations")
    SCHOOL_STAFF = "school_staff", _("School staff")
    COMMUNICATION = "communication", _("Crisis communication officers")


class TrainingKind(models.TextChoices):
    TRAINING = "training", _("Training")
    EXERCISE = "exercise", _("Exercise")
