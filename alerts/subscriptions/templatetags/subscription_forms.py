"""The error summary's entries: each error of a form, in the order the page asks for the
fields, linked to the field a person has to correct."""

from django import template
from django.utils.translation import gettext as _

register = template.Library()


def error_anchor(field) -> str:
    """The id the summary links to for an error of `field` (a bound field): its input, the
    first of its choices for a list of checkboxes or radio buttons (whose label is a
    legend), or, for a value a script fills in, the message next to the button that does."""
    if field.is_hidden:
        return f"{field.auto_id}_error"
    widget = field.field.widget
    if getattr(widget, "allow_multiple_selected", False) or getattr(widget, "input_type", "") == (
        "radio"
    ):
        return f"{field.auto_id}_0"
    return field.id_for_label


@register.simple_tag
def error_summary_items(form, page_order: str = "", non_field_target: str = "") -> list[dict]:
    """[{"anchor", "text"}] for every error of `form`: errors of the whole form first (linked
    to `non_field_target` when given), then the fields named in `page_order` (space
    separated, as the page shows them), then any other field in the form's order."""
    items = [{"anchor": non_field_target, "text": str(error)} for error in form.non_field_errors()]
    named = page_order.split()
    ordered = [name for name in named if name in form.fields]
    ordered += [name for name in form.fields if name not in ordered]
    for name in ordered:
        field = form[name]
        for error in field.errors:
            text = (
                str(error)
                if field.is_hidden
                else _("%(label)s: %(error)s")
                % {
                    "label": field.label,
                    "error": error,
                }
            )
            items.append({"anchor": error_anchor(field), "text": text})
    return items
