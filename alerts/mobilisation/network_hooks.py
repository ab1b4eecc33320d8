"""Admin hooks of the network: partners, their capabilities and contacts, resource types."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from alerts import roles

from . import network_services, network_viewsets


@hooks.register("register_log_actions")
def register_network_log_actions(actions):
    actions.register_action(
        network_services.ACTION_UPDATE, _("Partner entry updated"), _("Partner entry updated")
    )
    actions.register_action(
        network_services.ACTION_CONFIRM,
        _("Partner entry confirmed current"),
        _("Partner entry confirmed current"),
    )
    actions.register_action(
        network_services.ACTION_CONTACT_ADD,
        _("Partner contact or address added"),
        _("Partner contact or address added (pending confirmation)"),
    )
    actions.register_action(
        network_services.ACTION_CONTACT_REMOVE,
        _("Partner contact removed"),
        _("Partner contact removed"),
    )
    actions.register_action(
        network_services.ACTION_CONTACT_ORDER,
        _("Partner contacts reordered"),
        _("Partner contacts reordered"),
    )
    actions.register_action(
        network_services.ACTION_REMIND,
        _("Partner reminded to review its entry"),
        _("Partner reminded to review its entry"),
    )


@hooks.register("register_admin_viewset")
def register_network_viewsets():
    return network_viewsets.CrisisCentreGroup()


@hooks.register("construct_homepage_panels")
def add_network_review_panel(request, panels):
    if roles.has_alert_role(request.user):
        panels.append(network_viewsets.NetworkReviewPanel())
