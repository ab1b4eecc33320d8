"""The alert composer in the Wagtail admin. Views only collect input and show results:
every rule (roles, four-eyes approval, states) is enforced by alerts.services."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from alerts import roles, services
from alerts.cap import alert_to_cap, validate_cap
from alerts.delivery.targeting import audience_estimate
from alerts.forms import AlertForm, AlertStartForm, ReasonForm, info_forms
from alerts.models import Alert, AlertEvent, AlertState
from alerts.rendering import render_email, render_push, sms_preview
from portal.two_factor import second_factor_refusal


def _require_role(request):
    if second_factor_refusal(request.user):
        raise PermissionDenied(second_factor_refusal(request.user))
    if not roles.has_alert_role(request.user):
        raise PermissionDenied(_("Only alert authors and approvers may use the alert composer."))


def _alert(pk) -> Alert:
    return get_object_or_404(
        Alert.objects.select_related("created_by", "submitted_by", "approved_by", "references"),
        pk=pk,
    )


def _detail(alert) -> str:
    return reverse("alerts_admin:detail", args=[alert.pk])


def _run(request, action, success: str):
    """Call a service; its refusal becomes an error message, never a crash."""
    try:
        result = action()
    except PermissionDenied as error:
        messages.error(request, str(error))
        return None
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return None
    messages.success(request, success)
    return result


def index(request):
    _require_role(request)
    alerts = Alert.objects.select_related("created_by").prefetch_related("infos")[:200]
    return TemplateResponse(
        request,
        "alerts/admin/index.html",
        {"alerts": alerts, "is_author": roles.is_author(request.user)},
    )


def start(request):
    _require_role(request)
    form = AlertStartForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        alert = _run(
            request,
            lambda: services.alert_create_from_template(
                user=request.user,
                template=data["template"],
                status=data["status"],
                scope=data["scope"],
                communes=data["communes"],
                whole_region=data["whole_region"],
            ),
            _("Draft created from the template. Check the texts and the area, then preview."),
        )
        if alert is not None:
            return redirect("alerts_admin:edit", alert.pk)
    return TemplateResponse(request, "alerts/admin/start.html", {"form": form})


def edit(request, pk):
    _require_role(request)
    alert = _alert(pk)
    if alert.state != AlertState.DRAFT:
        messages.error(request, _("Only drafts can be edited."))
        return redirect(_detail(alert))
    data = request.POST or None
    form = AlertForm(data, instance=alert)
    infos = info_forms(alert, data)
    if request.method == "POST" and form.is_valid() and all(f.is_valid() for f in infos):
        saved = _run(
            request,
            lambda: services.alert_edit(
                alert=alert,
                user=request.user,
                fields=form.service_fields(),
                infos={f.language: f.cleaned_data for f in infos},
                communes=form.cleaned_data["communes"],
            ),
            _("Draft saved."),
        )
        if saved is not None:
            return redirect(_detail(alert))
    return TemplateResponse(
        request,
        "alerts/admin/edit.html",
        {
            "alert": alert,
            "form": form,
            "info_forms": infos,
        },
    )


def _previews(alert: Alert) -> dict:
    infos = alert.infos_by_language()
    languages = [language for language in ("fr", "nl", "en") if language in infos]
    sms = [sms_preview(alert, language) for language in languages]
    cap = alert_to_cap(alert).decode()
    estimate = audience_estimate(alert)
    sms_counts = estimate.get("sms", {})
    return {
        "sms": sms,
        "estimate": [
            (channel, sorted(per_language.items()), sum(per_language.values()))
            for channel, per_language in sorted(estimate.items())
        ],
        "sms_total_cost_eur": round(
            sum(p.cost_per_recipient_eur * sms_counts.get(p.language, 0) for p in sms), 2
        ),
        "push": [(language, render_push(alert, language)) for language in languages],
        "emails": [(language, render_email(alert, language)) for language in languages],
        "cap_xml": cap,
        "cap_errors": validate_cap(cap.encode()),
        "price_per_segment": settings.SMS_PRICE_PER_SEGMENT_EUR,
    }


def detail(request, pk):
    _require_role(request)
    alert = _alert(pk)
    user = request.user
    context = {
        "alert": alert,
        "events": alert.events.select_related("user"),
        "problems": services.alert_problems(alert) if alert.state == AlertState.DRAFT else [],
        "can_edit": alert.state == AlertState.DRAFT and roles.is_author(user),
        "can_submit": alert.state == AlertState.DRAFT and roles.is_author(user),
        "can_approve": alert.state == AlertState.SUBMITTED
        and not services.approval_refusal(alert, user),
        "approval_refusal": services.approval_refusal(alert, user)
        if alert.state == AlertState.SUBMITTED
        else "",
        "can_follow_up": alert.state == AlertState.SENT
        and alert.msg_type != "Cancel"
        and roles.is_author(user),
        "can_fast_cancel": alert.state == AlertState.SENT
        and alert.msg_type != "Cancel"
        and roles.is_approver(user),
        "followups": alert.followups.all(),
        **_previews(alert),
    }
    return TemplateResponse(request, "alerts/admin/detail.html", context)


@require_POST
def submit(request, pk):
    _require_role(request)
    alert = _alert(pk)
    _run(
        request,
        lambda: services.alert_submit(alert=alert, user=request.user),
        _("Submitted: another person must now approve it."),
    )
    return redirect(_detail(alert))


def approve(request, pk):
    """GET: the confirmation screen (live and exercise look unmistakably different);
    POST: approve and hand over for sending."""
    _require_role(request)
    alert = _alert(pk)
    if request.method == "POST":
        _run(
            request,
            lambda: services.alert_approve(alert=alert, user=request.user),
            _("Approved and handed over for sending."),
        )
        return redirect(_detail(alert))
    return TemplateResponse(
        request,
        "alerts/admin/approve.html",
        {
            "alert": alert,
            "refusal": services.approval_refusal(alert, request.user),
            **_previews(alert),
        },
    )


@require_POST
def reject(request, pk):
    _require_role(request)
    alert = _alert(pk)
    form = ReasonForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    _run(
        request,
        lambda: services.alert_reject(alert=alert, user=request.user, reason=reason),
        _("Sent back to the author."),
    )
    return redirect(_detail(alert))


@require_POST
def prepare_update(request, pk):
    _require_role(request)
    original = _alert(pk)
    update = _run(
        request,
        lambda: services.alert_prepare_update(original=original, user=request.user),
        _("Update drafted: change what is new, then submit it."),
    )
    return redirect("alerts_admin:edit", update.pk) if update else redirect(_detail(original))


@require_POST
def prepare_cancel(request, pk):
    _require_role(request)
    original = _alert(pk)
    cancel = _run(
        request,
        lambda: services.alert_prepare_cancel(original=original, user=request.user),
        _("All-clear drafted from the all-clear template: check it, then submit it."),
    )
    return redirect(_detail(cancel)) if cancel else redirect(_detail(original))


def fast_cancel(request, pk):
    _require_role(request)
    original = _alert(pk)
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        cancel = _run(
            request,
            lambda: services.alert_cancel_fast_track(
                original=original, user=request.user, reason=form.cleaned_data["reason"]
            ),
            _("All-clear approved and handed over for sending."),
        )
        if cancel is not None:
            return redirect(_detail(cancel))
    return TemplateResponse(
        request, "alerts/admin/fast_cancel.html", {"alert": original, "form": form}
    )


def events(request):
    _require_role(request)
    return TemplateResponse(
        request,
        "alerts/admin/events.html",
        {"events": AlertEvent.objects.select_related("alert").order_by("-created_at")[:500]},
    )
