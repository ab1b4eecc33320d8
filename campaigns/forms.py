from django import forms
from django.utils.translation import gettext_lazy as _

from campaigns.models import TrainingSession


class SessionChoiceField(forms.ModelChoiceField):
    """Sessions, the full ones marked as such (the service still has the last word)."""

    places_left: dict[int, int] = {}

    def label_from_instance(self, obj):
        label = str(obj)
        if self.places_left.get(obj.pk) == 0:
            return _("%(session)s (full)") % {"session": label}
        return label


class RegistrationForm(forms.Form):
    session = SessionChoiceField(
        label=_("Session"), queryset=TrainingSession.objects.none(), empty_label=None
    )
    name = forms.CharField(label=_("Full name"), max_length=160)
    email = forms.EmailField(label=_("Email"))
    organisation = forms.CharField(label=_("Organisation"), max_length=160)

    def __init__(self, *args, sessions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["session"].queryset = TrainingSession.objects.filter(
            pk__in=[s.pk for s in sessions]
        ).order_by("start")
        self.fields["session"].places_left = {
            s.pk: s.places_left for s in sessions if hasattr(s, "places_left")
        }
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["organisation"].widget.attrs["autocomplete"] = "organization"
