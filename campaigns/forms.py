from django import forms
from django.utils.translation import gettext_lazy as _

from campaigns.models import TrainingSession


class RegistrationForm(forms.Form):
    session = forms.ModelChoiceField(
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
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["organisation"].widget.attrs["autocomplete"] = "organization"
