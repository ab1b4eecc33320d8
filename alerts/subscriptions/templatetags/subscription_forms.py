"""Where an error in the error summary leads: the field a person has to correct."""

from django import template

register = template.Library()


@register.filter
def error_anchor(field) -> str:
    """The id the summary links to for an error of `field` (a bound field): its input, the
    first of its choices for a list of checkboxes or radio buttons (whose label is a
    legend), or, for a value a script fills in, the message next to the button that does."""
    if field.is_hidden:
        return f"{field.auto_id}-error"
    if getattr(field.field.widget, "allow_multiple_selected", False) or (
        getattr(field.field.widget, "input_type", "") == "radio"
    ):
        return f"{field.auto_id}_0"
    return field.id_for_label
