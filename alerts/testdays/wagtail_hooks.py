from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from .services import REPORT_PUBLISH_ACTION
from .viewsets import PlannedTestViewSet


@hooks.register("register_admin_viewset")
def register_planned_test_viewset():
    return PlannedTestViewSet("planned_tests")


@hooks.register("register_log_actions")
def register_testdays_log_actions(actions):
    actions.register_action(
        REPORT_PUBLISH_ACTION,
        _("Publish reach report"),
        _("Reach report of an exercise or test published on the site"),
    )
