from django import template

from alerts.delivery.models import DeliveryState
from alerts.subscriptions.models import ChannelName

register = template.Library()


@register.filter
def get_count(counts: dict, state: str) -> int:
    return counts.get(state, 0)


@register.filter
def delivery_state_label(state: str) -> str:
    return DeliveryState(state).label


@register.filter
def channel_label(channel: str) -> str:
    """A channel's name in the reader's language ("E-mail", "Notification push", "SMS");
    an unknown key is shown as it is."""
    try:
        return str(ChannelName(channel).label)
    except ValueError:
        return channel


@register.filter
def channel_labels(channels) -> str:
    return ", ".join(channel_label(channel) for channel in channels)
