"""Wagtail's users app, with its viewsets naming groups in the reader's language.

Listed in INSTALLED_APPS in place of "wagtail.users" (Wagtail's documented way to replace
its user and group viewsets); the viewsets are in `portal.users_admin`.
"""

from wagtail.users.apps import WagtailUsersAppConfig


class UsersAppConfig(WagtailUsersAppConfig):
    group_viewset = "portal.users_admin.GroupViewSet"
    user_viewset = "portal.users_admin.UserViewSet"
