from django import forms
from django.utils.translation import gettext_lazy as _

from campaigns.models import TrainingSession


class SessionSelect(forms.Select):
    """A session list where a full session can be read but not chosen."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.full: set[int] = set()

    def create_option(self, name, value, *args, **kwargs):
        option = super().create_option(name, value, *args, **kwargs)
        if getattr(value, "value", value) in self.full:
            option["attrs"]["disabled"] = True
        return option


class SessionChoiceField(forms.ModelChoiceField):
    """Sessions, the full ones marked "(full)" and not selectable (the service still has
    the last word: a place may go between the page and the submit)."""

    widget = SessionSelect

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.places_left: dict[int, int] = {}

    def show_places(self, places_left: dict[int, int]) -> None:
        self.places_left = dict(places_left)
        self.widget.full = {pk for pk, left in self.places_left.items() if left <= 0}

    def label_from_instance(self, obj):
        label = str(obj)
        if self.places_left.get(obj.pk) == 0:
            return _("%(session)s (full)") % {"session": label}
        return label


class RegistrationForm(forms.Form):
    # Nothing chosen until the visitor chooses: the first session may be full.
    session = SessionChoiceField(
        label=_("Session"),
        queryset=TrainingSession.objects.none(),
        empty_label=_("Choose a session"),
    )
    name = forms.CharField(label=_("Full name"), max_length=160)
    email = forms.EmailField(label=_("Email"))
    organisation = forms.CharField(label=_("Organisation"), max_length=160)

    def __init__(self, *args, sessions=(), places_left=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["session"].queryset = TrainingSession.objects.filter(
            pk__in=[s.pk for s in sessions]
        ).order_by("start")
        self.show_places(places_left or {})
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["organisation"].widget.attrs["autocomplete"] = "organization"

    def show_places(self, places_left: dict[int, int]) -> None:
        """Mark the full sessions (again, after a refusal: places may have gone since)."""
        self.fields["session"].show_places(places_left)
