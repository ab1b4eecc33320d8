"""The area field of the composer: the CAP polygon text, with a map to draw on when a tile
server is configured (settings.ALERTS_MAP_TILE_URL; Leaflet is vendored in static)."""

from django import forms
from django.conf import settings


class AreaMapWidget(forms.Textarea):
    template_name = "alerts/widgets/area_map.html"

    def __init__(self, attrs=None, circles_field_id="id_circles"):
        super().__init__(attrs={"rows": 3, **(attrs or {})})
        self.circles_field_id = circles_field_id

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["tile_url"] = settings.ALERTS_MAP_TILE_URL
        context["attribution"] = settings.ALERTS_MAP_TILE_ATTRIBUTION
        context["circles_field_id"] = self.circles_field_id
        return context

    @property
    def media(self):
        if not settings.ALERTS_MAP_TILE_URL:
            return forms.Media()
        return forms.Media(
            css={"all": ["alerts/vendor/leaflet/leaflet.css"]},
            js=["alerts/vendor/leaflet/leaflet.js", "alerts/js/area-map.js"],
        )
