"""Language-neutral alert documents for machines: CAP XML, Atom feed, JSON API, import, and
the commune outlines the maps draw."""

from django.urls import path, re_path

from alerts import api, banner_views, views

app_name = "alerts_data"

urlpatterns = [
    path("alerts/feed.atom", views.alert_feed, name="feed"),
    path("alerts/communes.geojson", views.communes_geojson, name="communes"),
    path("alerts/banner/<str:language>.html", banner_views.banner, name="banner"),
    re_path(r"^alerts/(?P<identifier>[A-Za-z0-9_.:-]+)\.xml$", views.alert_cap, name="cap"),
    path("api/alerts/", api.alert_list, name="api_list"),
    path("api/alerts/import", api.alert_import, name="import"),
    path("api/alerts/<str:identifier>/", api.alert_detail, name="api_detail"),
]
