"""`{% csrf_token %}` for forms on pages the page cache shares (a template builtin: see
TEMPLATES in the settings, where it replaces Django's tag of the same name).

On such a page (portal.public_forms.renders_without_token) the field is empty: the cached
copy holds no visitor's token, and portal/static/portal/js/live.js fills it with the
visitor's own. Everywhere else it is Django's tag. On a form shown again after a failed
token check it also says why, above the fields.
"""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from portal.public_forms import EMPTY_FIELD, FIELD, renders_without_token, shown_again

register = template.Library()


@register.simple_tag(takes_context=True)
def csrf_token(context):
    request = context.get("request")
    if request is not None and renders_without_token(request):
        return mark_safe(EMPTY_FIELD)  # noqa: S308 - a constant
    token = context.get("csrf_token")
    if not token or token == "NOTPROVIDED":  # noqa: S105 - Django's "no request" marker
        return ""
    field = format_html(FIELD, token)
    if request is not None and shown_again(request):
        notice = _(
            "Your form was not sent: this page could not prove it came from you "
            "(your browser may block scripts or cookies). Your answers are kept below: "
            "please check them and send the form again."
        )
        return format_html('<p class="form-errors" role="alert">{}</p>{}', notice, field)
    return field
