"""Forms of the partner network: the partner's self-service page and the admin."""

from django import forms
from django.forms import inlineformset_factory
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from alerts.models import Commune
from alerts.subscriptions.addresses import normalise_email, normalise_phone
from alerts.subscriptions.forms import CodeForm
from alerts.subscriptions.models import Language

from .models import Availability, NetworkPartner, PartnerCapability
from .network_services import PartnerData

MAX_QUANTITY = 1_000_000


def _check_hours(form: forms.Form, cleaned: dict) -> None:
    if cleaned.get("availability") == Availability.HOURS:
        for name in ("available_from", "available_until"):
            if cleaned.get(name) is None and not form.errors.get(name):
                form.add_error(name, _("Give the hours when you are available only at set hours."))


class PartnerDetailsForm(forms.Form):
    """What the partner changes on its self-service page: one quantity per capability,
    communes and availability."""

    whole_region = forms.BooleanField(label=_("We cover the whole region"), required=False)
    communes = forms.ModelMultipleChoiceField(
        label=_("Communes we cover"),
        queryset=Commune.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    availability = forms.ChoiceField(label=_("Availability"), choices=Availability.choices)
    available_from = forms.TimeField(label=_("Available from"), required=False)
    available_until = forms.TimeField(label=_("Available until"), required=False)

    def __init__(self, *args, partner: NetworkPartner, **kwargs):
        kwargs.setdefault(
            "initial",
            {
                "whole_region": partner.whole_region,
                "communes": list(partner.communes.all()),
                "availability": partner.availability,
                "available_from": partner.available_from,
                "available_until": partner.available_until,
            },
        )
        super().__init__(*args, **kwargs)
        self.capabilities = list(partner.capabilities.select_related("resource_type"))
        language = translation.get_language()
        for capability in self.capabilities:
            label = capability.resource_type.name_in(language)
            unit = capability.resource_type.unit_in(language)
            self.fields[f"quantity_{capability.pk}"] = forms.IntegerField(
                label=f"{label} ({unit})" if unit else label,
                min_value=0,
                max_value=MAX_QUANTITY,
                initial=capability.quantity,
            )

    def quantity_fields(self):
        return [(capability, self[f"quantity_{capability.pk}"]) for capability in self.capabilities]

    def clean(self):
        cleaned = super().clean()
        _check_hours(self, cleaned)
        if (
            not cleaned.get("whole_region")
            and not cleaned.get("communes")
            and not self.errors.get("communes")
        ):
            self.add_error("communes", _("Tick the communes you cover, or the whole region."))
        return cleaned

    def data_for_service(self) -> PartnerData:
        cleaned = self.cleaned_data
        return PartnerData(
            quantities={
                capability.pk: cleaned[f"quantity_{capability.pk}"]
                for capability in self.capabilities
            },
            whole_region=cleaned["whole_region"],
            communes=list(cleaned["communes"]),
            availability=cleaned["availability"],
            available_from=cleaned["available_from"],
            available_until=cleaned["available_until"],
        )


class ContactForm(forms.Form):
    """A new contact at the partner; their addresses stay pending until confirmed."""

    name = forms.CharField(label=_("Name"), max_length=120)
    role = forms.CharField(label=_("Role"), max_length=120, required=False)
    language = forms.ChoiceField(
        label=_("Language of messages"),
        choices=[(Language.FR, Language.FR.label), (Language.NL, Language.NL.label)],
    )
    email = forms.CharField(label=_("Email"), max_length=254, required=False)
    phone = forms.CharField(label=_("Mobile phone (SMS)"), max_length=40, required=False)

    def clean_email(self):
        value = self.cleaned_data.get("email", "")
        return normalise_email(value) if value.strip() else ""

    def clean_phone(self):
        value = self.cleaned_data.get("phone", "")
        return normalise_phone(value) if value.strip() else ""

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not cleaned.get("email") and not cleaned.get("phone"):
            raise forms.ValidationError(_("Give an email address or a mobile number."))
        return cleaned


class AddressForm(forms.Form):
    """A new or changed address for an existing contact."""

    email = ContactForm.base_fields["email"]
    phone = ContactForm.base_fields["phone"]
    clean_email = ContactForm.clean_email
    clean_phone = ContactForm.clean_phone

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not cleaned.get("email") and not cleaned.get("phone"):
            raise forms.ValidationError(_("Give an email address or a mobile number."))
        return cleaned


class ContactCodeForm(CodeForm):
    """The SMS code a new phone number received."""


# ---------------------------------------------------------------- admin


class NetworkPartnerAdminForm(WagtailAdminModelForm):
    class Meta:
        model = NetworkPartner
        fields = [
            "name",
            "language",
            "page",
            "whole_region",
            "communes",
            "availability",
            "available_from",
            "available_until",
            "reviewed_at",
            "active",
        ]
        widgets = {"communes": forms.CheckboxSelectMultiple}

    def clean(self):
        cleaned = super().clean()
        _check_hours(self, cleaned)
        return cleaned


CapabilityFormSet = inlineformset_factory(
    NetworkPartner,
    PartnerCapability,
    fields=["resource_type", "quantity", "note"],
    extra=1,
    can_delete=True,
)
