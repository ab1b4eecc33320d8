"""The area field of the composer: the CAP polygon text with a map to draw polygons and
circles on. The map's base layer is the 19 commune outlines served by this site; tiles from
a map server are added on top only when settings.ALERTS_MAP_TILE_URL is set. Leaflet is
vendored in static. The textareas stay the source of truth: the form works without
JavaScript."""

from django import forms
from django.conf import settings
from django.urls import reverse

from alerts.geometry import MAX_CIRCLE_RADIUS_KM

MAP_CSS = ["alerts/vendor/leaflet/leaflet.css", "alerts/css/area-map.css"]
MAP_JS = ["alerts/vendor/leaflet/leaflet.js", "alerts/js/area-map.js"]


def map_settings() -> dict:
    """What every area map needs: where the commune outlines are and, when one is
    configured, the tile server."""
    return {
        "communes_url": reverse("alerts_data:communes"),
        "tile_url": settings.ALERTS_MAP_TILE_URL,
        "attribution": settings.ALERTS_MAP_TILE_ATTRIBUTION,
    }


class AreaMapWidget(forms.Textarea):
    template_name = "alerts/widgets/area_map.html"

    def __init__(
        self,
        attrs=None,
        circles_field_id="id_circles",
        communes_field_name="communes",
        whole_region_field_id="id_whole_region",
    ):
        super().__init__(attrs={"rows": 3, **(attrs or {})})
        self.circles_field_id = circles_field_id
        self.communes_field_name = communes_field_name
        self.whole_region_field_id = whole_region_field_id

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["map"] = map_settings()
        context["circles_field_id"] = self.circles_field_id
        context["communes_field_name"] = self.communes_field_name
        context["whole_region_field_id"] = self.whole_region_field_id
        context["max_radius_km"] = MAX_CIRCLE_RADIUS_KM
        return context

    @property
    def media(self):
        return forms.Media(css={"all": MAP_CSS}, js=MAP_JS)
