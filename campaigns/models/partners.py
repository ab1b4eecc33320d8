"""The partner organisations the authority can mobilise."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from campaigns.choices import PartnerDiscipline
from campaigns.permissions import user_can_see_partner_contacts

from .mixins import PreparednessPage


class PartnerPage(PreparednessPage):
    """A partner: what it does for the public, and how authorities reach it.

    The contact block is shown only to authorities (see campaigns.permissions)."""

    discipline = models.CharField(_("discipline"), max_length=32, choices=PartnerDiscipline.choices)
    expertise = models.TextField(_("expertise"), blank=True)
    resources = RichTextField(_("resources"), blank=True, features=["bold", "italic", "ul", "link"])
    website = models.URLField(_("public website"), blank=True)
    contact_name = models.CharField(_("contact person or desk"), max_length=160, blank=True)
    contact_phone = models.CharField(_("contact telephone"), max_length=40, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_notes = models.TextField(
        _("how to mobilise"),
        blank=True,
        help_text=_("Procedure and availability. Visible to authorities only."),
    )

    content_panels = [
        *PreparednessPage.content_panels[:2],
        FieldPanel("discipline"),
        FieldPanel("expertise"),
        FieldPanel("resources"),
        FieldPanel("website"),
        FieldPanel("body", heading=_("Public description")),
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldPanel("contact_phone"),
                FieldPanel("contact_email"),
                FieldPanel("contact_notes"),
            ],
            heading=_("Contact for authorities"),
        ),
    ]
    search_fields = [
        *PreparednessPage.search_fields,
        index.SearchField("expertise"),
        index.SearchField("resources"),
    ]
    parent_page_types = ["campaigns.PartnerIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("partner")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["show_contact"] = user_can_see_partner_contacts(request.user)
        return context
