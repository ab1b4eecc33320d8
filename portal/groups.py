"""The admin's groups: their stored names and what each reader calls them.

A group's name is an identifier (code, migrations and fixtures look groups up by it) and
stays as it was created, in English. People read it in their own language through
`group_label`: the groups list, the user form, the filters and every message that names a
group. Alerts and campaigns take the names from here, so each is spelt once.
"""

from django.utils.translation import gettext_lazy as _

ALERT_AUTHORS = "Alert authors"
ALERT_APPROVERS = "Alert approvers"
WRITERS = "Writers"
EDITORS = "Editors"
# Created by Wagtail's own migrations.
MODERATORS = "Moderators"

LABELS = {
    ALERT_AUTHORS: _("Alert authors"),
    ALERT_APPROVERS: _("Alert approvers"),
    WRITERS: _("Writers"),
    EDITORS: _("Editors"),
    MODERATORS: _("Moderators"),
}


def group_label(group) -> str:
    """A group (or a group's name) as the reader calls it; a group the region added in
    the admin keeps the name it was given."""
    name = getattr(group, "name", group)
    return str(LABELS.get(name, name))
