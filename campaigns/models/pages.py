"""Campaigns, guides, risk pages and the emergency kit."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from alerts.cap_vocab import Category
from campaigns.blocks import BaseStreamBlock, DocumentBlock
from campaigns.choices import GUIDE_FAMILY_OF_TOPIC, Audience, GuideTopic, Hazard
from campaigns.fields import MultipleChoiceField

from .mixins import PreparednessPage


class CampaignPage(PreparednessPage):
    """A prevention campaign: who it speaks to, about what, and what to do."""

    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    audiences = MultipleChoiceField(_("audiences"), choices_class=Audience)
    hazards = MultipleChoiceField(_("hazards"), choices_class=Hazard)
    key_messages = StreamField(
        [("message", blocks.CharBlock(label=_("key message"), max_length=200))],
        verbose_name=_("key messages"),
        blank=True,
    )
    call_to_action_text = models.CharField(_("call to action"), max_length=120, blank=True)
    call_to_action_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("call to action page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    materials = StreamField(
        [("document", DocumentBlock())], verbose_name=_("downloadable materials"), blank=True
    )
    related_guides = StreamField(
        [("guide", blocks.PageChooserBlock(page_type="campaigns.GuidePage", label=_("guide")))],
        verbose_name=_("related guides"),
        blank=True,
    )

    content_panels = [
        *PreparednessPage.content_panels[:2],
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")], heading=_("period")),
        FieldPanel("audiences"),
        FieldPanel("hazards"),
        FieldPanel("key_messages"),
        MultiFieldPanel(
            [FieldPanel("call_to_action_text"), FieldPanel("call_to_action_page")],
            heading=_("call to action"),
        ),
        FieldPanel("body"),
        FieldPanel("materials"),
        FieldPanel("related_guides"),
    ]
    search_fields = [*PreparednessPage.search_fields, index.SearchField("key_messages")]
    parent_page_types = ["campaigns.CampaignIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("campaign")

    @property
    def is_current(self) -> bool:
        today = timezone.localdate()
        return self.start_date <= today and (self.end_date is None or today <= self.end_date)

    def audience_labels(self):
        return self._meta.get_field("audiences").labels(self.audiences)

    def hazard_labels(self):
        return self._meta.get_field("hazards").labels(self.hazards)

    def risk_pages(self):
        """The risk pages of this campaign's hazards, in the campaign's language."""
        return RiskPage.objects.live().filter(locale=self.locale, hazard__in=self.hazards)


class GuidePage(PreparednessPage):
    """A good-practice guide for households or for buildings and public space."""

    topic = models.CharField(_("topic"), max_length=32, choices=GuideTopic.choices)
    audiences = MultipleChoiceField(_("audiences"), choices_class=Audience)

    content_panels = [
        *PreparednessPage.content_panels[:2],
        FieldPanel("topic"),
        FieldPanel("audiences"),
        FieldPanel("body"),
    ]
    parent_page_types = ["campaigns.GuideIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("guide")

    @property
    def family(self) -> str:
        return GUIDE_FAMILY_OF_TOPIC[self.topic]

    def get_family_display(self) -> str:
        return GUIDE_FAMILY_OF_TOPIC[self.topic].label

    def audience_labels(self):
        return self._meta.get_field("audiences").labels(self.audiences)


class RiskPage(PreparednessPage):
    """One hazard: what it is, and what to do before, during and after."""

    hazard = models.CharField(_("hazard"), max_length=32, choices=Hazard.choices)
    cap_category = models.CharField(
        _("CAP event category"),
        max_length=16,
        choices=Category.choices,
        help_text=_("Alerts of this category link to this page."),
    )
    before = StreamField(BaseStreamBlock(), verbose_name=_("before"), blank=True)
    during = StreamField(BaseStreamBlock(), verbose_name=_("during"), blank=True)
    after = StreamField(BaseStreamBlock(), verbose_name=_("after"), blank=True)

    content_panels = [
        *PreparednessPage.content_panels[:2],
        FieldRowPanel([FieldPanel("hazard"), FieldPanel("cap_category")]),
        FieldPanel("body", heading=_("What it is")),
        FieldPanel("before"),
        FieldPanel("during"),
        FieldPanel("after"),
    ]
    search_fields = [
        *PreparednessPage.search_fields,
        index.SearchField("before"),
        index.SearchField("during"),
        index.SearchField("after"),
        index.FilterField("cap_category"),
    ]
    parent_page_types = ["campaigns.RiskIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("risk")

    def current_campaigns(self):
        """Live campaigns about this hazard, running today, in this page's language."""
        campaigns = CampaignPage.objects.live().public().filter(locale=self.locale)
        return [
            c
            for c in campaigns.order_by("-start_date")
            if self.hazard in c.hazards and c.is_current
        ]


class KitSectionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=120)
    items = blocks.ListBlock(
        blocks.StructBlock(
            [
                ("label", blocks.CharBlock(label=_("item"), max_length=160)),
                ("detail", blocks.CharBlock(label=_("detail"), max_length=250, required=False)),
            ]
        ),
        label=_("items"),
        min_num=1,
    )

    class Meta:
        icon = "tasks"
        label = _("Kit section")


class EmergencyKitPage(PreparednessPage):
    """The emergency-kit checklist, ticked on a phone and printable on one page."""

    kit = StreamField([("section", KitSectionBlock())], verbose_name=_("kit"))

    content_panels = [*PreparednessPage.content_panels[:2], FieldPanel("kit"), FieldPanel("body")]
    search_fields = [*PreparednessPage.search_fields, index.SearchField("kit")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("emergency kit")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Strings for the progressive-enhancement script.
        context["kit_strings"] = {
            "progress": str(_("Ready: %(done)s of %(total)s")),
        }
        return context
