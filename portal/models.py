from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index


class HomePage(Page):
    """The root of each language tree: what a citizen sees first."""

    intro = models.TextField(_("introduction"), blank=True)
    body = RichTextField(_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Facts shown on every page, editable by communication officers."""

    emergency_number = models.CharField(_("emergency number"), max_length=20, default="112")
    police_number = models.CharField(_("police number"), max_length=20, default="101")
    info_line = models.CharField(
        _("information line"),
        max_length=40,
        blank=True,
        help_text=_("Telephone line opened for the public during a crisis."),
    )

    panels = [FieldPanel("emergency_number"), FieldPanel("police_number"), FieldPanel("info_line")]

    class Meta:
        verbose_name = _("site settings")
