"""What every preparedness page shares: an introduction, a body made of the shared blocks,
and the fields the search indexes."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from campaigns.blocks import BaseStreamBlock


class PreparednessPage(Page):
    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("One or two sentences shown in listings.")
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro", boost=1.5),
        index.SearchField("body"),
    ]

    class Meta:
        abstract = True


class SectionIndexPage(Page):
    """A listing of one section (risks, guides…): its live children in menu order."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["portal.HomePage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True

    def entries(self):
        return self.get_children().live().public().specific().order_by("path")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["entries"] = self.entries()
        return context
