"""Admin hooks of the network: partners, their capabilities and contacts, resource types."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from . import network_services


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
