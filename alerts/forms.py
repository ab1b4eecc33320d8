"""Admin forms of the alert composer. They only collect input: services decide."""

from django import forms
from django.db.models import Max
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from alerts.cap_vocab import MsgType, Scope
from alerts.models import Alert, AlertTemplate, Commune
from alerts.models.alerts import SCOPE_CHOICES, STATUS_CHOICES
from alerts.rendering import sms_prefix, sms_suffix
from alerts.widgets import AreaMapWidget, SmsTextWidget

LANGUAGE_NAMES = {"fr": _("French"), "nl": _("Dutch"), "en": _("English")}


class DateTimeLocalInput(forms.DateTimeInput):
    """The browser's own date and time picker (phones included). Wagtail's picker prints an
    inline script, which the alert pages' Content-Security-Policy does not run."""

    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%dT%H:%M")


class GuidancePageField(forms.ModelChoiceField):
    """A live page of the site in one language, chosen from a plain list (no chooser modal,
    whose widget prints an inline script)."""

    def label_from_instance(self, page) -> str:
        return f"{'– ' * max(0, page.depth - 3)}{page.title}"


class AlertStartForm(forms.Form):
    template = forms.ModelChoiceField(
        label=_("Template"),
        queryset=AlertTemplate.objects.prefetch_related("texts"),
        widget=forms.RadioSelect,
        empty_label=None,
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=STATUS_CHOICES,
        widget=forms.RadioSelect,
        help_text=_("Exercise and Test reach only the test audience."),
    )
    scope = forms.ChoiceField(label=_("Scope"), choices=SCOPE_CHOICES, initial="Public")
    whole_region = forms.BooleanField(label=_("The whole region"), required=False)
    communes = forms.ModelMultipleChoiceField(
        label=_("Communes"),
        queryset=Commune.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )


class AlertForm(forms.ModelForm):
    class Meta:
        model = Alert
        fields = [
            "status",
            "scope",
            "category",
            "event",
            "response_type",
            "urgency",
            "severity",
            "certainty",
            "effective",
            "onset",
            "expires",
            "whole_region",
            "communes",
            "polygons",
            "circles",
        ]
        widgets = {
            "effective": DateTimeLocalInput,
            "onset": DateTimeLocalInput,
            "expires": DateTimeLocalInput,
            "communes": forms.CheckboxSelectMultiple,
            "polygons": AreaMapWidget(),
            "circles": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The alert's own event is the language-neutral name (English, as CAP exchanges and
        # the JSON API carry it); readers see each language's event, set with its texts.
        self.fields["event"].label = _("Event name in English (exchanges and API)")
        self.fields["event"].help_text = _(
            "For machines and partner systems; each language's event, shown to people, is "
            "set with that language's texts above."
        )
        if self.instance.thread_root_id:
            # A follow-up keeps its incident's status and scope (the services refuse any
            # other): shown, not offered.
            for name in ("status", "scope"):
                self.fields[name].disabled = True
                self.fields[name].help_text = _(
                    "A follow-up keeps the status and scope of its incident."
                )

    def service_fields(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("communes", None)
        return data


class AlertInfoForm(forms.Form):
    event = forms.CharField(
        label=_("Event in this language"),
        max_length=200,
        required=False,
        help_text=_("Named in the all-clear and in the CAP text of this language."),
    )
    headline = forms.CharField(label=_("Headline"), max_length=160, required=False)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea, required=False)
    instruction = forms.CharField(
        label=_("Instruction"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    sms_text = forms.CharField(label=_("SMS text"), widget=SmsTextWidget, required=False)
    web_page = GuidancePageField(
        label=_("Guidance page"), queryset=Page.objects.none(), required=False
    )

    def __init__(
        self,
        *args,
        language: str,
        sms_prefixes: dict | None = None,
        sms_suffixes: dict | None = None,
        status: str = "",
        **kwargs,
    ):
        """`sms_prefixes`: what the SMS starts with for each status (the markers), and
        `status` the one chosen, for the SMS estimate."""
        super().__init__(*args, prefix=language, **kwargs)
        widget = self.fields["sms_text"].widget
        widget.language, widget.prefixes, widget.status = language, sms_prefixes or {}, status
        widget.suffixes = sms_suffixes or {}
        self.fields["web_page"].queryset = (
            Page.objects.live().filter(depth__gt=1, locale__language_code=language).order_by("path")
        )
        self.language = language
        self.language_name = LANGUAGE_NAMES[language]
        self.required_language = language in ("fr", "nl")

    def clean(self):
        data = super().clean()
        filled = any((data.get(name) or "").strip() for name in ("headline", "description"))
        if self.required_language or filled:
            for name in ("headline", "description", "sms_text"):
                if not (data.get(name) or "").strip():
                    self.add_error(name, _("Required in this language."))
        return data


def _next_alert_id() -> int:
    """The id a new alert will most likely get, for the length of its SMS link (another
    alert saved meanwhile changes it by one: the same number of digits, but rarely)."""
    return (Alert.objects.aggregate(last=Max("pk"))["last"] or 0) + 1


def info_forms(alert: Alert | None, data=None, *, status: str = "") -> list[AlertInfoForm]:
    """The texts of each language. `status` is the one chosen in the composer (the alert's
    own by default): an exercise's SMS starts with its marker."""
    infos = alert.infos_by_language() if alert else {}
    msg_type = alert.msg_type if alert else MsgType.ALERT
    scope = alert.scope if alert else Scope.PUBLIC
    pk = alert.pk if alert and alert.pk else _next_alert_id()
    forms_ = []
    for language in ("fr", "nl", "en"):
        # An unsaved alert of each status: sms_prefix reads only the status and type.
        prefixes = {
            value: sms_prefix(Alert(status=value, msg_type=msg_type), language)
            for value, _label in STATUS_CHOICES
        }
        # And the short link to its page it ends with, under the id it has or will have.
        suffixes = {
            value: sms_suffix(Alert(pk=pk, status=value, scope=scope), language)
            for value, _label in STATUS_CHOICES
        }
        info = infos.get(language)
        initial = (
            {
                "event": info.event,
                "headline": info.headline,
                "description": info.description,
                "instruction": info.instruction,
                "sms_text": info.sms_text,
                "web_page": info.web_page,
            }
            if info
            else {}
        )
        forms_.append(
            AlertInfoForm(
                data,
                language=language,
                initial=initial,
                sms_prefixes=prefixes,
                sms_suffixes=suffixes,
                status=status or (alert.status if alert else ""),
            )
        )
    return forms_


class FastTrackTextForm(forms.Form):
    """A new version of a fast-track text, in the three languages ({event} and {area}
    stand for the incident's)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for language in ("fr", "nl", "en"):
            name = LANGUAGE_NAMES[language]
            for field, label, widget in (
                ("headline", _("Headline"), forms.TextInput),
                ("description", _("Description"), forms.Textarea(attrs={"rows": 3})),
                ("instruction", _("Instruction"), forms.Textarea(attrs={"rows": 3})),
                ("sms_text", _("SMS text"), forms.Textarea(attrs={"rows": 3})),
            ):
                self.fields[f"{language}-{field}"] = forms.CharField(
                    label=f"{label} ({name})", widget=widget, required=False
                )

    def texts(self) -> dict:
        return {
            language: {
                field: self.cleaned_data.get(f"{language}-{field}", "")
                for field in ("headline", "description", "instruction", "sms_text")
            }
            for language in ("fr", "nl", "en")
        }


class ApproveForm(forms.Form):
    """The approval: the fingerprint of the content the approver was shown."""

    fingerprint = forms.RegexField(regex=r"^[0-9a-f]{64}$", widget=forms.HiddenInput)


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))
