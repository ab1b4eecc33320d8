"""Configuring the official feeds in the admin (name, address, kind, interval)."""

from django.template.defaultfilters import truncatechars
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet

from alerts.relay.models import ExternalFeed
from portal import localization


def _when(value) -> str:
    return localization.format_datetime(value, "medium") if value else "—"


class ExternalFeedViewSet(ModelViewSet):
    model = ExternalFeed
    name = "official_feeds"
    url_prefix = "official-feeds"
    icon = "link-external"
    menu_label = _("Official feeds")
    add_to_settings_menu = True
    menu_order = 800
    form_fields = ["name", "url", "kind", "enabled", "poll_minutes"]
    list_display = [
        "name",
        "url",
        Column("kind", label=_("Kind"), accessor="get_kind_display"),
        "enabled",
        Column(
            "last_success_at",
            label=_("Last success"),
            accessor=lambda feed: _when(feed.last_success_at),
        ),
        Column(
            "last_error",
            label=_("Last error"),
            accessor=lambda feed: truncatechars(feed.last_error, 120),
        ),
    ]
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = True
