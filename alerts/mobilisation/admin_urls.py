from django.urls import path

from . import admin_views

app_name = "mobilisation_admin"

urlpatterns = [
    path("", admin_views.index, name="index"),
    path("new/", admin_views.new, name="new"),
    path("<int:pk>/", admin_views.board, name="board"),
    path("<int:pk>/csv/", admin_views.board_csv, name="board_csv"),
    path("<int:pk>/close/", admin_views.close, name="close"),
]
