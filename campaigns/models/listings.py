"""The section listing pages, one per kind of preparedness content."""

from django.utils.translation import gettext_lazy as _

from campaigns.choices import GUIDE_FAMILY_OF_TOPIC, Audience, GuideFamily

from .mixins import SectionIndexPage


class RiskIndexPage(SectionIndexPage):
    subpage_types = ["campaigns.RiskPage"]

    class Meta:
        verbose_name = _("risk listing")


class GuideIndexPage(SectionIndexPage):
    """Guides, which a reader can narrow by family and by audience."""

    subpage_types = ["campaigns.GuidePage"]

    class Meta:
        verbose_name = _("guide listing")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        family = request.GET.get("family", "")
        audience = request.GET.get("audience", "")
        guides = list(context["entries"])
        if family in GuideFamily.values:
            topics = [t for t, f in GUIDE_FAMILY_OF_TOPIC.items() if f == family]
            guides = [g for g in guides if g.topic in topics]
        if audience in Audience.values:
            guides = [g for g in guides if audience in g.audiences]
        context.update(
            entries=guides,
            families=GuideFamily.choices,
            audiences=Audience.choices,
            selected_family=family,
            selected_audience=audience,
        )
        return context


class CampaignIndexPage(SectionIndexPage):
    subpage_types = ["campaigns.CampaignPage"]

    class Meta:
        verbose_name = _("campaign listing")

    def entries(self):
        return super().entries().order_by("-campaignpage__start_date")


class TrainingIndexPage(SectionIndexPage):
    subpage_types = ["campaigns.TrainingPage"]

    class Meta:
        verbose_name = _("training listing")


class PartnerIndexPage(SectionIndexPage):
    subpage_types = ["campaigns.PartnerPage"]

    class Meta:
        verbose_name = _("partner listing")

    def entries(self):
        return super().entries().order_by("partnerpage__discipline", "title")
