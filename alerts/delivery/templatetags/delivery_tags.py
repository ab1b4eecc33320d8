from django import template

from alerts.delivery.models import DeliveryState

register = template.Library()


@register.filter
def get_count(counts: dict, state: str) -> int:
    return counts.get(state, 0)


@register.filter
def delivery_state_label(state: str) -> str:
    return DeliveryState(state).label
