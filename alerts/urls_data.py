"""Language-neutral alert documents for machines: CAP XML, Atom feed, JSON API, import, and
the commune outlines the maps draw; and the short links SMS carry to an alert's page."""

from django.urls import path, re_path

from alerts import api, banner_views, short_links, views

app_name = "alerts_data"

urlpatterns = [
    path("alerts/feed.atom", views.alert_feed, name="feed"),
    path("alerts/communes.geojson", views.communes_geojson, name="communes"),
    path("alerts/banner/<str:language>.html", banner_views.banner, name="banner"),
    re_path(r"^alerts/(?P<identifier>[A-Za-z0-9_.:-]+)\.xml$", views.alert_cap, name="cap"),
    path("api/alerts/", api.alert_list, name="api_list"),
    path("api/alerts/import", api.alert_import, name="import"),
    path("api/alerts/<str:identifier>/", api.alert_detail, name="api_detail"),
    # No trailing slash: every character of an SMS counts.
    re_path(
        r"^a/(?P<pk>[0-9]+)/(?P<language>fr|nl|en)$", short_links.alert_short_link, name="short"
    ),
    re_path(r"^a/(?P<pk>[0-9]+)$", short_links.alert_short_link, name="short_negotiated"),
]
