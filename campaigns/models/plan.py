"""The household emergency plan: a page that prints as a blank plan, and that a script turns
into a plan filled in and kept in the reader's browser only (nothing is sent)."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField

from portal.site_urls import page_absolute_url

from .mixins import PreparednessPage
from .pages import EmergencyKitPage, RiskPage

# What a printed plan keeps of each risk page: its first reflexes "during" the event.
REFLEXES_PER_RISK = 4
# Blank lines of a plan printed without JavaScript.
BLANK_MEMBERS = 4


@dataclass(frozen=True)
class PlanRisk:
    page: RiskPage
    reflexes: list[str]

    @property
    def field(self) -> str:
        """The key of the household's own note on this risk, the same in every language."""
        return f"risk-{self.page.translation_key}"


def risk_reflexes(risk: RiskPage, limit: int = REFLEXES_PER_RISK) -> list[str]:
    """The first things to do during the event, as the risk page says them: the titles of
    its numbered steps and the items of its checklists, in order."""
    reflexes = []
    for block in risk.during:
        if block.block_type == "steps":
            reflexes += [step["title"] for step in block.value["steps"]]
        elif block.block_type == "checklist":
            reflexes += list(block.value["items"])
    return reflexes[:limit]


class HouseholdPlanPage(PreparednessPage):
    """Who lives here and what they need, where to meet, whom to call, what to do for each
    main risk and where the kit is: a plan each household fills in on its own device."""

    risks = StreamField(
        [("risk", blocks.PageChooserBlock(page_type="campaigns.RiskPage", label=_("risk")))],
        verbose_name=_("main risks"),
        blank=True,
        help_text=_(
            "The risks the plan says what to do for, in this order (the first reflexes of "
            "each risk page are printed). Leave empty for every risk page."
        ),
    )

    content_panels = [*PreparednessPage.content_panels[:2], FieldPanel("risks"), FieldPanel("body")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("household emergency plan")

    def main_risks(self) -> list[PlanRisk]:
        """The chosen risk pages in this page's language (live ones only), or every live
        risk page of this language when none is chosen; each with its first reflexes."""
        if self.risks:
            pages = []
            for block in self.risks:
                chosen = block.value
                if chosen is None:
                    continue
                translated = chosen.get_translation_or_none(self.locale)
                if translated is not None and translated.live:
                    pages.append(translated.specific)
        else:
            pages = list(RiskPage.objects.live().public().filter(locale=self.locale))
        return [PlanRisk(page, risk_reflexes(page)) for page in pages]

    def kit_page(self):
        """The emergency kit in this page's language, if it is published."""
        return EmergencyKitPage.objects.live().public().filter(locale=self.locale).first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["plan_risks"] = self.main_risks()
        context["kit_page"] = self.kit_page()
        context["blank_members"] = range(1, BLANK_MEMBERS + 1)
        # Strings and the page's public address for the script (the calendar file is read
        # outside the browser: its link is absolute, from SITE_BASE_URL).
        context["plan_strings"] = {
            "person": str(_("Person %(number)s")),
            "contact": str(_("Contact %(number)s")),
            "remove": str(_("Remove")),
            "confirm_clear": str(_("Clear the whole plan on this device?")),
            "next_review": str(_("Next review: %(date)s")),
            "reminder_summary": str(_("Review our household emergency plan")),
            "reminder_description": str(
                _(
                    "Six months have passed: check the meeting points, the telephone "
                    "numbers, each person's needs and the emergency kit."
                )
            ),
            "reminder_filename": str(_("household-plan-reminder.ics")),
            "url": page_absolute_url(self),
        }
        return context
