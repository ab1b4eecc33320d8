"""The admin form for test-audience members and partner contacts."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from alerts.cap_vocab import Category
from alerts.models import Commune
from campaigns.models import PartnerPage

from . import services
from .addresses import normalise_email, normalise_phone
from .models import Audience, AudienceMember, ChannelName


class AudienceMemberForm(WagtailAdminModelForm):
    audience = forms.ChoiceField(
        choices=[(Audience.TEST, Audience.TEST.label), (Audience.PARTNER, Audience.PARTNER.label)],
        label=_("audience"),
    )
    topics = forms.MultipleChoiceField(
        choices=Category.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Topics"),
        initial=list(Category.values),
    )
    email = forms.CharField(required=False, max_length=254, label=_("Email address"))
    phone = forms.CharField(required=False, max_length=32, label=_("Mobile phone number (SMS)"))
    whole_region = forms.BooleanField(required=False, initial=True, label=_("Whole region"))
    communes = forms.ModelMultipleChoiceField(
        queryset=Commune.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Communes"),
    )

    class Meta:
        model = AudienceMember
        fields = ["audience", "partner", "organisation", "language", "topics"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # One choice per organisation: the French page (the source of its translations).
        self.fields["partner"].queryset = PartnerPage.objects.filter(
            locale__language_code="fr"
        ).order_by("title")
        if self.instance.pk:
            for channel, field in ((ChannelName.EMAIL, "email"), (ChannelName.SMS, "phone")):
                current = self.instance.contact_points.filter(channel=channel, active=True).first()
                if current:
                    self.fields[field].initial = current.address
            place = self.instance.places.first()
            if place:
                self.fields["whole_region"].initial = place.whole_region
                self.fields["communes"].initial = list(place.communes.all())

    def clean_email(self):
        value = self.cleaned_data["email"]
        return normalise_email(value) if value.strip() else ""

    def clean_phone(self):
        value = self.cleaned_data["phone"]
        return normalise_phone(value) if value.strip() else ""

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("partner") and not cleaned.get("organisation"):
            cleaned["organisation"] = cleaned["partner"].title
            self.instance.organisation = cleaned["organisation"]
        if cleaned.get("audience") == Audience.PARTNER and not cleaned.get("organisation"):
            self.add_error("organisation", _("Choose the partner organisation, or give its name."))
        if not (cleaned.get("whole_region") or cleaned.get("communes")):
            self.add_error("communes", _("Choose communes or the whole region."))
        return cleaned

    def save(self, commit=True):
        subscriber = super().save(commit=False)
        if not commit:
            return subscriber
        return services.audience_member_save(
            subscriber=subscriber,
            email=self.cleaned_data["email"],
            phone=self.cleaned_data["phone"],
            places=[
                services.PlaceData(
                    label=str(_("Work")),
                    whole_region=self.cleaned_data["whole_region"],
                    communes=list(self.cleaned_data["communes"]),
                )
            ],
        )
