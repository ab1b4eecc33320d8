"""The fast-track texts in the admin: the all-clear and the "sent in error" correction
that one approver may send alone. A new version is proposed by one person and takes
effect when another approves exactly what they were shown (alerts.services)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from alerts import services
from alerts.admin_views import require_alert_role
from alerts.exceptions import AlertChangedError
from alerts.forms import ApproveForm, FastTrackTextForm
from alerts.models import FastTrackKind, FastTrackText
from alerts.models.alerts import INFO_LANGUAGES
from alerts.models.fast_track import TEXT_FIELDS


def _in_force(kind):
    try:
        return services.fast_track_text(kind)
    except ValidationError:
        return None


def index(request):
    require_alert_role(request)
    kinds = [
        (
            kind,
            label,
            _in_force(kind),
            FastTrackText.objects.filter(kind=kind, approved_at__isnull=True).select_related(
                "proposed_by"
            ),
        )
        for kind, label in FastTrackKind.choices
    ]
    return TemplateResponse(request, "alerts/admin/fast_track/index.html", {"kinds": kinds})


def propose(request, kind):
    require_alert_role(request)
    if kind not in FastTrackKind.values:
        raise PermissionDenied
    current = _in_force(kind)
    initial = {
        f"{language}-{name}": values.get(name, "")
        for language, values in (current.texts.items() if current else [])
        for name in TEXT_FIELDS
    }
    form = FastTrackTextForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            text = services.fast_track_text_propose(
                user=request.user, kind=kind, texts=form.texts()
            )
        except (PermissionDenied, ValidationError) as error:
            for message in getattr(error, "messages", [str(error)]):
                form.add_error(None, message)
        else:
            messages.success(
                request, _("Proposed: it takes effect once another approver approves it.")
            )
            return redirect("alerts_admin:fast_track_detail", text.pk)
    return TemplateResponse(
        request,
        "alerts/admin/fast_track/propose.html",
        {"form": form, "kind": FastTrackKind(kind), "current": current},
    )


def detail(request, pk):
    require_alert_role(request)
    text = get_object_or_404(
        FastTrackText.objects.select_related("proposed_by", "approved_by"), pk=pk
    )
    if request.method == "POST":
        form = ApproveForm(request.POST)
        seen = form.cleaned_data["fingerprint"] if form.is_valid() else ""
        try:
            services.fast_track_text_approve(text=text, user=request.user, fingerprint=seen)
        except AlertChangedError as error:
            messages.error(request, error.messages[0])
        except (PermissionDenied, ValidationError) as error:
            for message in getattr(error, "messages", [str(error)]):
                messages.error(request, message)
        else:
            messages.success(request, _("Approved: the fast-track now sends this version."))
        return redirect("alerts_admin:fast_track_detail", text.pk)
    languages = [
        (language.upper(), [(name, text.texts[language].get(name, "")) for name in TEXT_FIELDS])
        for language in INFO_LANGUAGES
        if language in text.texts
    ]
    return TemplateResponse(
        request,
        "alerts/admin/fast_track/detail.html",
        {
            "text": text,
            "languages": languages,
            "refusal": services.fast_track_approval_refusal(text, request.user),
            "form": ApproveForm(initial={"fingerprint": text.fingerprint}),
            "in_force": _in_force(text.kind),
        },
    )
