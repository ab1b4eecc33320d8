"""The crisis centre's forms: find partners by capability, then mobilise the selection."""

from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alerts.cap_vocab import Status
from alerts.models import Alert, AlertState, Commune

from .models import NetworkPartner, ResourceType
from .models.requests import DEFAULT_ESCALATE_AFTER_MINUTES


class PartnerSearchForm(forms.Form):
    resource_type = forms.ModelChoiceField(
        ResourceType.objects.all(), label=_("Resource"), required=False
    )
    min_quantity = forms.IntegerField(
        label=_("At least"), required=False, min_value=1, max_value=1_000_000
    )
    communes = forms.ModelMultipleChoiceField(
        Commune.objects.all(),
        label=_("Communes"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    available_now = forms.BooleanField(label=_("Available now"), required=False)


class MobilisationForm(forms.Form):
    partners = forms.ModelMultipleChoiceField(
        NetworkPartner.objects.filter(active=True),
        label=_("Partners to ask"),
        widget=forms.CheckboxSelectMultiple,
    )
    status = forms.ChoiceField(
        label=_("Live or exercise"),
        choices=[(Status.ACTUAL, _("Actual")), (Status.EXERCISE, _("Exercise"))],
        initial=Status.ACTUAL,
        widget=forms.RadioSelect,
    )
    need_fr = forms.CharField(
        label=_("What is needed (French)"), max_length=600, widget=forms.Textarea(attrs={"rows": 2})
    )
    need_nl = forms.CharField(
        label=_("What is needed (Dutch)"), max_length=600, widget=forms.Textarea(attrs={"rows": 2})
    )
    need_en = forms.CharField(
        label=_("What is needed (English, optional)"),
        max_length=600,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    resource_type = forms.ModelChoiceField(
        ResourceType.objects.all(), label=_("Resource"), required=False
    )
    quantity_needed = forms.IntegerField(
        label=_("Quantity needed"), required=False, min_value=1, max_value=1_000_000
    )
    place = forms.CharField(label=_("Where"), max_length=200)
    needed_from = forms.DateTimeField(
        label=_("Needed from"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    escalate_after_minutes = forms.IntegerField(
        label=_("Minutes before asking the next contact"),
        min_value=1,
        max_value=1440,
        initial=DEFAULT_ESCALATE_AFTER_MINUTES,
    )
    incident = forms.ModelChoiceField(
        Alert.objects.none(), label=_("Incident (optional)"), required=False
    )
    centre_phone = forms.CharField(
        label=_("Crisis centre telephone"), max_length=40, required=False
    )

    def __init__(self, *args, partners=None, **kwargs):
        super().__init__(*args, **kwargs)
        if partners is not None:
            self.fields["partners"].queryset = NetworkPartner.objects.filter(
                pk__in=[p.pk for p in partners]
            )
            self.fields["partners"].initial = [p.pk for p in partners]
        # The incidents of the last week: the first message of each thread sent.
        self.fields["incident"].queryset = Alert.objects.filter(
            state=AlertState.SENT,
            thread_root__isnull=True,
            sent__gte=timezone.now() - timedelta(days=7),
        ).order_by("-sent")
        self.fields["needed_from"].initial = timezone.localtime().replace(second=0, microsecond=0)
