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

from alerts import geometry, roles, services
from alerts.cap import alert_to_cap, validate_cap
from alerts.delivery.targeting import audience_estimate
from alerts.exceptions import AlertChangedError
from alerts.forms import (
    LANGUAGE_NAMES,
    AlertForm,
    AlertStartForm,
    ApproveForm,
    ReasonForm,
    info_forms,
)
from alerts.models import (
    Alert,
    AlertEvent,
    AlertInfo,
    AlertState,
    AlertVersion,
    FastTrackKind,
)
from alerts.models.alerts import INFO_LANGUAGES
from alerts.outgoing import (
    CHANNEL_LABELS,
    fingerprint,
    outgoing_payload,
    payload_changes,
    payload_rows,
)
from alerts.rendering import render_email, render_push, sms_preview, voice_preview
from alerts.services import ACKNOWLEDGED_FIELDS as ACKNOWLEDGED
from alerts.sms_substitution import plain_changes, plain_text, ucs2_characters
from portal.two_factor import second_factor_refusal


def require_alert_role(request):
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
    require_alert_role(request)
    alerts = Alert.objects.select_related("created_by").prefetch_related("infos")[:200]
    return TemplateResponse(
        request,
        "alerts/admin/index.html",
        {"alerts": alerts, "is_author": roles.is_author(request.user)},
    )


def start(request):
    require_alert_role(request)
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
    require_alert_role(request)
    alert = _alert(pk)
    if alert.state != AlertState.DRAFT:
        messages.error(request, _("Only drafts can be edited."))
        return redirect(_detail(alert))
    data = request.POST or None
    simplify = data is not None and "simplify_polygons" in data
    if simplify:
        data = data.copy()
        data["polygons"] = _simplified(data.get("polygons", ""))
        messages.info(
            request,
            _(
                "Each polygon now has at most %(max)s points: check its outline on the map, "
                "then save."
            )
            % {"max": geometry.MAX_POLYGON_VERTICES},
        )
    data, substituted = _plain_sms(request, data)
    form = AlertForm(data, instance=alert)
    infos = info_forms(alert, data, status=form["status"].value())
    if (
        request.method == "POST"
        and not simplify
        and not substituted
        and form.is_valid()
        and all(f.is_valid() for f in infos)
    ):
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
            "offer_simplify": any(
                len(line.split()) > geometry.MAX_POLYGON_VERTICES + 1
                for line in (form["polygons"].value() or "").splitlines()
            ),
        },
    )


# The composer's buttons that replace the characters forcing UCS-2 in one language's SMS
# text, and whether accented letters are replaced too.
PLAIN_SMS_BUTTONS = {"sms_plain": False, "sms_plain_letters": True}


def _plain_sms(request, data):
    """When a "Replace with plain characters" button was pressed: the form data with that
    language's SMS text substituted, to be shown and read again; nothing is saved. Only the
    SMS text changes: the other texts of the alert keep their typography."""
    if data is None:
        return data, False
    for button, letters in PLAIN_SMS_BUTTONS.items():
        if button not in data:
            continue
        language = data[button]
        if language not in INFO_LANGUAGES:
            messages.error(request, _("There is no SMS text in that language."))
            return data, True
        key = f"{language}-sms_text"
        before = data.get(key, "")
        replaced = [
            f"{c.shown} → {c.shown_replacement} ×{c.count}"
            for c in plain_changes(before, letters=letters)
        ]
        data = data.copy()
        data[key] = plain_text(before, letters=letters)
        name = LANGUAGE_NAMES[language]
        if replaced:
            messages.info(
                request,
                _("SMS text (%(language)s): replaced %(changes)s. Read it again, then save.")
                % {"language": name, "changes": ", ".join(replaced)},
            )
        else:
            messages.info(
                request, _("SMS text (%(language)s): nothing to replace.") % {"language": name}
            )
        return data, True
    return data, False


def _simplified(text: str) -> str:
    """Every polygon with too many points simplified to the limit; the others untouched."""
    lines = []
    for line in text.splitlines():
        try:
            lines.append(geometry.simplify_polygon(line) if line.strip() else line)
        except geometry.AreaError:
            lines.append(line)  # not a polygon at all: its error is shown as it is
    return "\n".join(lines)


def _approval_context(request, alert: Alert) -> dict:
    """The approve page: the messages as they will leave, and the fingerprint of exactly
    that content, which the approval form sends back."""
    payload = outgoing_payload(alert)
    previous = alert.references if alert.references_id else None
    return {
        "alert": alert,
        "refusal": services.approval_refusal(alert, request.user),
        "form": ApproveForm(initial={"fingerprint": fingerprint(payload)}),
        "previous": previous,
        "since_previous": payload_changes(outgoing_payload(previous), payload, include_cap=False)
        if previous is not None
        else None,
        **_previews(alert),
    }


def _previews(alert: Alert) -> dict:
    infos = alert.infos_by_language()
    languages = [language for language in ("fr", "nl", "en") if language in infos]
    sms = [sms_preview(alert, language) for language in languages]
    voice = [voice_preview(alert, language) for language in languages]
    cap = alert_to_cap(alert).decode()
    estimate = audience_estimate(alert)
    sms_counts = estimate.get("sms", {})
    return {
        # Each SMS with the characters that make it UCS-2, named and counted.
        "sms": [(preview, ucs2_characters(preview.text)) for preview in sms],
        "estimate": [
            (channel, sorted(per_language.items()), sum(per_language.values()))
            for channel, per_language in sorted(estimate.items())
        ],
        "sms_total_cost_eur": round(
            sum(p.cost_per_recipient_eur * sms_counts.get(p.language, 0) for p in sms), 2
        ),
        "voice": voice,
        "voice_total_cost_eur": round(
            sum(v.cost_per_call_eur * estimate.get("voice", {}).get(v.language, 0) for v in voice),
            2,
        ),
        "push": [(language, render_push(alert, language)) for language in languages],
        "emails": [(language, render_email(alert, language)) for language in languages],
        "cap_xml": cap,
        "cap_errors": validate_cap(cap.encode()),
        # Blocks kept from an imported document in a language the portal does not write
        # (German from MeteoAlarm): published in the CAP document, so read before approval.
        "republished_only": [info for info in infos.values() if info.is_republished_only],
        "price_per_segment": settings.SMS_PRICE_PER_SEGMENT_EUR,
    }


def detail(request, pk):
    require_alert_role(request)
    alert = _alert(pk)
    user = request.user
    labels = {name: AlertInfo._meta.get_field(name).verbose_name for name in ACKNOWLEDGED}
    context = {
        "alert": alert,
        "events": alert.events.select_related("user", "version"),
        "problems": services.alert_problems(alert) if alert.state == AlertState.DRAFT else [],
        "can_edit": alert.state == AlertState.DRAFT and roles.is_author(user),
        "can_submit": alert.state == AlertState.DRAFT and roles.is_author(user),
        "can_approve": alert.state == AlertState.SUBMITTED
        and not services.approval_refusal(alert, user),
        "approval_refusal": services.approval_refusal(alert, user)
        if alert.state == AlertState.SUBMITTED
        else "",
        "can_withdraw": alert.state == AlertState.SUBMITTED
        and roles.is_author(user)
        and user.pk in services.alert_contributor_ids(alert),
        "can_follow_up": alert.state == AlertState.SENT
        and alert.msg_type != "Cancel"
        and roles.is_author(user),
        "can_fast_cancel": alert.state == AlertState.SENT
        and alert.msg_type != "Cancel"
        and roles.is_approver(user),
        "followups": alert.followups.all(),
        "unchanged": [
            (f"{language}.{name}", f"{language.upper()} · {labels[name]}", text)
            for language, name, text in services.unchanged_texts(alert)
        ]
        if alert.state == AlertState.DRAFT
        else [],
        **_previews(alert),
    }
    return TemplateResponse(request, "alerts/admin/detail.html", context)


@require_POST
def submit(request, pk):
    require_alert_role(request)
    alert = _alert(pk)
    acknowledged = request.POST.getlist("acknowledged")
    _run(
        request,
        lambda: services.alert_submit(alert=alert, user=request.user, acknowledged=acknowledged),
        _("Submitted: another person must now approve it."),
    )
    return redirect(_detail(alert))


def approve(request, pk):
    """GET: the confirmation screen (live and exercise look unmistakably different), with
    every message as it will leave; POST: approve that content and hand it over for
    sending. When the alert changed in between, the page shows what changed and the new
    content, to be approved again."""
    require_alert_role(request)
    alert = _alert(pk)
    changes = None
    if request.method == "POST":
        form = ApproveForm(request.POST)
        seen = form.cleaned_data["fingerprint"] if form.is_valid() else ""
        try:
            services.alert_approve(alert=alert, user=request.user, fingerprint=seen)
        except AlertChangedError as error:
            messages.error(request, error.messages[0])
            changes = error.changes
            alert = _alert(pk)
        except (PermissionDenied, ValidationError) as error:
            for message in getattr(error, "messages", [str(error)]):
                messages.error(request, message)
            return redirect(_detail(alert))
        else:
            messages.success(request, _("Approved and handed over for sending."))
            return redirect(_detail(alert))
    return TemplateResponse(
        request,
        "alerts/admin/approve.html",
        {**_approval_context(request, alert), "changes": changes},
    )


@require_POST
def reject(request, pk):
    require_alert_role(request)
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
def withdraw(request, pk):
    require_alert_role(request)
    alert = _alert(pk)
    _run(
        request,
        lambda: services.alert_withdraw(alert=alert, user=request.user),
        _("Withdrawn: the alert is a draft again; an approval opened before now is refused."),
    )
    return redirect(_detail(alert))


@require_POST
def prepare_update(request, pk):
    require_alert_role(request)
    original = _alert(pk)
    update = _run(
        request,
        lambda: services.alert_prepare_update(original=original, user=request.user),
        _("Update drafted: change what is new, then submit it."),
    )
    return redirect("alerts_admin:edit", update.pk) if update else redirect(_detail(original))


@require_POST
def prepare_cancel(request, pk):
    require_alert_role(request)
    original = _alert(pk)
    cancel = _run(
        request,
        lambda: services.alert_prepare_cancel(original=original, user=request.user),
        _("All-clear drafted from the all-clear template: check it, then submit it."),
    )
    return redirect(_detail(cancel)) if cancel else redirect(_detail(original))


def fast_cancel(request, pk, kind=FastTrackKind.ALL_CLEAR):
    """One approver ends an alert at once with an approved text: the all-clear, or the
    "sent in error" correction. The page shows exactly what would be sent."""
    require_alert_role(request)
    original = _alert(pk)
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        ending = _run(
            request,
            lambda: services.alert_cancel_fast_track(
                original=original,
                user=request.user,
                reason=form.cleaned_data["reason"],
                kind=kind,
            ),
            _("Approved and handed over for sending."),
        )
        if ending is not None:
            return redirect(_detail(ending))
    try:
        text = services.fast_track_text(kind)
    except ValidationError as error:
        text, missing = None, error.messages
    else:
        missing = []
    infos = original.infos_by_language()
    preview = [
        (language.upper(), text.filled(language, services.incident_words(original, language)))
        for language in ("fr", "nl", "en")
        if text is not None and language in infos and language in text.texts
    ]
    return TemplateResponse(
        request,
        "alerts/admin/fast_cancel.html",
        {
            "alert": original,
            "form": form,
            "kind": FastTrackKind(kind),
            "text": text,
            "missing": missing,
            "preview": preview,
        },
    )


# The email's HTML says what its text says: the history shows the text.
READABLE_TEXTS = ("sms", "push_title", "push_body", "push_url", "email_subject", "email_text")


def version(request, pk, version_pk):
    """One kept version of an alert: what it would have sent when it was submitted, sent
    back or approved."""
    require_alert_role(request)
    alert = _alert(pk)
    kept = get_object_or_404(AlertVersion, pk=version_pk, alert=alert)
    return TemplateResponse(
        request,
        "alerts/admin/version.html",
        {
            "alert": alert,
            "version": kept,
            "events": kept.events.select_related("user"),
            "rows": payload_rows(kept.payload),
            "texts": [
                (
                    language.upper(),
                    [(CHANNEL_LABELS[key], texts.get(key)) for key in READABLE_TEXTS],
                )
                for language, texts in kept.payload["texts"].items()
            ],
        },
    )


def events(request):
    require_alert_role(request)
    return TemplateResponse(
        request,
        "alerts/admin/events.html",
        {"events": AlertEvent.objects.select_related("alert").order_by("-created_at")[:500]},
    )
