"""Wagtail's users and groups screens with the groups named in the reader's language.

Wagtail lets a project replace its user and group viewsets through the `wagtail.users`
app config (`user_viewset`, `group_viewset`); `portal.users_app.UsersAppConfig` points them
here. Only how a group is named changes: the list, the edit page's title, the user form's
checkboxes and the users list's filter.
"""

from wagtail.admin.ui.tables import TitleColumn
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views import groups, users

from portal.groups import group_label


class GroupIndexView(groups.IndexView):
    columns = [
        TitleColumn(
            "name",
            label=groups.IndexView.columns[0].label,
            accessor=group_label,
            sort_key="name",
            url_name="wagtailusers_groups:edit",
        ),
    ]


class GroupEditView(groups.EditView):
    def get_page_subtitle(self):
        return group_label(self.object)


class GroupViewSet(groups.GroupViewSet):
    index_view_class = GroupIndexView
    edit_view_class = GroupEditView


class _GroupLabels:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "groups" in self.fields:
            self.fields["groups"].label_from_instance = group_label


class UserEditFormWithGroupLabels(_GroupLabels, UserEditForm):
    pass


class UserCreationFormWithGroupLabels(_GroupLabels, UserCreationForm):
    pass


class UserFilterSet(users.UserFilterSet):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "group" in self.filters:
            self.filters["group"].field.label_from_instance = group_label


class UserViewSet(users.UserViewSet):
    filterset_class = UserFilterSet

    def get_form_class(self, for_update=False):
        return UserEditFormWithGroupLabels if for_update else UserCreationFormWithGroupLabels
