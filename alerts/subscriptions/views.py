"""Citizen pages and provider webhooks for subscriptions. Thin: forms parse, services act."""

import json

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import ValidationError
from django.http import (
    Http404,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseForbidden,
    JsonResponse,
)
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from twilio.twiml.messaging_response import MessagingResponse

from alerts.cap_vocab import ALWAYS_DELIVERED_SEVERITIES
from alerts.channels.twilio_signature import twilio_request_is_signed
from portal.client_ip import client_ip
from portal.public_forms import public_form

from . import inbound, selectors, services, tokens
from .addresses import normalise_phone
from .forms import (
    AddChannelForm,
    CodeForm,
    EraseForm,
    ManageAccessForm,
    PlaceFormSet,
    PreferencesForm,
    SubscribeForm,
    parse_push_subscription,
)
from .models import ChannelName, ContactPoint, DeactivationReason, VerificationPurpose
from .ratelimit import RateLimited

SESSION_PENDING = "subscriptions_pending"
# Whatever a malformed JSON body can raise on its way through the parser.
BAD_PUSH_BODY = (ValueError, TypeError, KeyError, AttributeError, ValidationError)
SESSION_MANAGE_PHONE = "subscriptions_manage_phone"


def _rate_limited_message() -> str:
    return _(
        "Too many requests from this connection or for this address. Nothing was sent. "
        "Please wait an hour and try again; your answers are kept below."
    )


def _code_error_message(reason: str) -> str:
    if reason == "expired":
        return _("This code has expired. Ask for a new one.")
    if reason == "attempts":
        return _("Too many wrong codes. Ask for a new one.")
    return _("This code is not correct. Check the message and try again.")


def _link_problem(request, error: tokens.InvalidLink, status: int = 400):
    expired = isinstance(error, tokens.ExpiredLink)
    return render(request, "subscriptions/link_problem.html", {"expired": expired}, status=status)


def _push_public_key() -> str:
    """The VAPID public key the browser subscribes with, when the site can also sign pushes
    (both keys set); empty otherwise, and the pages offer no notifications."""
    return settings.VAPID_PUBLIC_KEY if settings.VAPID_PRIVATE_KEY else ""


def _context(**extra):
    return {
        "always_severities": ALWAYS_DELIVERED_SEVERITIES,
        "vapid_public_key": _push_public_key(),
        "position_max_age_days": settings.SUBSCRIPTIONS_POSITION_MAX_AGE_DAYS,
        **extra,
    }


# ------------------------------------------------------------------ subscribe


@public_form
@require_http_methods(["GET", "POST"])
def subscribe(request):
    form = SubscribeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if form.is_bot():
            # Answer like a success; nothing is stored or sent.
            request.session[SESSION_PENDING] = {"email": False, "sms": None}
            return redirect("subscriptions:pending")
        data = form.cleaned_data
        try:
            subscriber = services.subscription_create(
                language=data["language"],
                topics=data["topics"],
                places=[form.place_data(label=_("My place"))],
                client_ip=client_ip(request),
                email=data["email"],
                phone=data["phone"],
                push_subscription=data["push_subscription"],
            )
        except RateLimited:
            form.add_error(None, _rate_limited_message())
            return render(request, "subscriptions/subscribe.html", _context(form=form), status=429)
        sms = subscriber.contact_points.filter(channel=ChannelName.SMS).first()
        request.session[SESSION_PENDING] = {
            "email": bool(data["email"]),
            "sms": sms.pk if sms else None,
            "push": bool(data["push_subscription"]),
        }
        return redirect("subscriptions:pending")
    status = 400 if request.method == "POST" else 200
    return render(request, "subscriptions/subscribe.html", _context(form=form), status=status)


@never_cache
@require_http_methods(["GET", "POST"])
def pending(request):
    """After sign-up: check your email, and enter the SMS code here."""
    state = request.session.get(SESSION_PENDING)
    if state is None:
        return redirect("subscriptions:subscribe")
    contact_point = None
    if state.get("sms"):
        contact_point = ContactPoint.objects.filter(pk=state["sms"]).first()
    form = CodeForm(request.POST or None)
    confirmed = bool(contact_point and contact_point.confirmed_at)
    status = 200
    notice = problem = ""
    if request.method == "POST" and contact_point is not None and not confirmed:
        if "resend" in request.POST:
            form = CodeForm()
            try:
                services.code_resend(contact_point=contact_point, client_ip=client_ip(request))
                notice = _("A new code has been sent.")
            except RateLimited:
                problem = _rate_limited_message()
                status = 429
        elif form.is_valid():
            try:
                services.verification_check(
                    contact_point=contact_point,
                    purpose=VerificationPurpose.CONFIRM,
                    code=form.cleaned_data["code"],
                )
                confirmed = True
            except services.CodeError as error:
                form.add_error("code", _code_error_message(error.reason))
                status = 400
        else:
            status = 400
    return render(
        request,
        "subscriptions/pending.html",
        _context(
            form=form,
            notice=notice,
            problem=problem,
            state=state,
            contact_point=contact_point,
            confirmed=confirmed,
            manage_url=(
                reverse(
                    "subscriptions:manage", args=[tokens.manage_token(contact_point.subscriber)]
                )
                if confirmed
                else ""
            ),
        ),
        status=status,
    )


@never_cache
@require_http_methods(["GET", "POST"])
def confirm_email(request, token):
    """The link in the confirmation email. GET shows a button (mail scanners follow links);
    POST confirms."""
    try:
        contact_point = tokens.read_confirm_token(token)
    except tokens.InvalidLink as error:
        return _link_problem(request, error)
    if request.method == "POST":
        contact_point = services.contact_point_confirm(
            contact_point=contact_point, method="email link"
        )
    return render(
        request,
        "subscriptions/confirm_email.html",
        _context(
            contact_point=contact_point,
            done=request.method == "POST" or contact_point.confirmed_at is not None,
            manage_url=reverse(
                "subscriptions:manage", args=[tokens.manage_token(contact_point.subscriber)]
            ),
        ),
    )


# ------------------------------------------------------------------ manage


@public_form
@require_http_methods(["GET", "POST"])
def manage_access(request):
    """Ask for a management link (email) or code (SMS); never says whether we know you."""
    form = ManageAccessForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        address = form.cleaned_data["address"]
        if not form.is_bot():
            try:
                services.manage_access_request(
                    client_ip=client_ip(request),
                    email=address if form.channel == "email" else "",
                    phone=address if form.channel == "sms" else "",
                )
            except RateLimited:
                form.add_error(None, _rate_limited_message())
                return render(
                    request, "subscriptions/manage_access.html", {"form": form}, status=429
                )
        if form.channel == "sms":
            request.session[SESSION_MANAGE_PHONE] = address
            return redirect("subscriptions:manage_code")
        return render(request, "subscriptions/manage_access.html", {"sent": True})
    status = 400 if request.method == "POST" else 200
    return render(request, "subscriptions/manage_access.html", {"form": form}, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
def manage_code(request):
    phone = request.session.get(SESSION_MANAGE_PHONE)
    if not phone:
        return redirect("subscriptions:manage_access")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            subscriber = services.manage_code_check(phone=phone, code=form.cleaned_data["code"])
        except services.CodeError as error:
            form.add_error("code", _code_error_message(error.reason))
        else:
            del request.session[SESSION_MANAGE_PHONE]
            return redirect("subscriptions:manage", token=tokens.manage_token(subscriber))
    status = 400 if request.method == "POST" else 200
    return render(request, "subscriptions/manage_code.html", {"form": form}, status=status)


def _manage_subscriber(token):
    return tokens.read_manage_token(token)


def _place_initial(subscriber):
    return [
        {
            "label": place.label,
            "whole_region": place.whole_region,
            "communes": list(place.communes.all()),
            "latitude": place.latitude,
            "longitude": place.longitude,
        }
        for place in subscriber.places.prefetch_related("communes")
    ]


@never_cache
@require_http_methods(["GET", "POST"])
def manage(request, token):
    try:
        subscriber = _manage_subscriber(token)
    except tokens.InvalidLink as error:
        return _link_problem(request, error)
    initial = {"language": subscriber.language, "topics": subscriber.topics}
    preferences = PreferencesForm(request.POST or None, initial=initial)
    places = PlaceFormSet(request.POST or None, initial=_place_initial(subscriber), prefix="places")
    saved = False
    if request.method == "POST" and preferences.is_valid() and places.is_valid():
        services.subscriber_update(
            subscriber=subscriber,
            language=preferences.cleaned_data["language"],
            topics=preferences.cleaned_data["topics"],
            places=[
                form.place_data()
                for form in places.forms
                if form.cleaned_data and not form.cleaned_data.get("DELETE")
            ],
        )
        saved = True
        preferences = PreferencesForm(
            initial={"language": subscriber.language, "topics": subscriber.topics}
        )
        places = PlaceFormSet(initial=_place_initial(subscriber), prefix="places")
    status = 400 if request.method == "POST" and not saved else 200
    return render(
        request,
        "subscriptions/manage.html",
        _context(
            subscriber=subscriber,
            token=token,
            preferences=preferences,
            places=places,
            add_form=AddChannelForm(),
            contact_points=subscriber.contact_points.filter(active=True).order_by("pk"),
            # a browser's position stored before this no longer counts (shown as such)
            position_cutoff=timezone.now() - services.position_max_age(),
            saved=saved,
        ),
        status=status,
    )


@never_cache
@require_POST
def manage_add_channel(request, token):
    try:
        subscriber = _manage_subscriber(token)
    except tokens.InvalidLink as error:
        return _link_problem(request, error)
    form = AddChannelForm(request.POST)
    status = 400
    added = []
    if form.is_valid() and not form.is_bot():
        data = form.cleaned_data
        if data["email"] or data["phone"] or data["push_subscription"]:
            try:
                added = services.contact_point_add(
                    subscriber=subscriber,
                    client_ip=client_ip(request),
                    email=data["email"],
                    phone=data["phone"],
                    push_subscription=data["push_subscription"],
                )
                status = 200
            except RateLimited:
                form.add_error(None, _rate_limited_message())
                status = 429
    sms = next((cp for cp in added if cp.channel == ChannelName.SMS), None)
    if sms is not None:
        request.session[SESSION_PENDING] = {"email": False, "sms": sms.pk}
        return redirect("subscriptions:pending")
    return render(
        request,
        "subscriptions/manage_added.html",
        {"form": form, "added": added, "token": token},
        status=status,
    )


@never_cache
@require_POST
def manage_stop_channel(request, token, pk):
    try:
        subscriber = _manage_subscriber(token)
    except tokens.InvalidLink as error:
        return _link_problem(request, error)
    contact_point = subscriber.contact_points.filter(pk=pk).first()
    if contact_point is None:
        raise Http404
    services.contact_point_deactivate(
        contact_point=contact_point, reason=DeactivationReason.UNSUBSCRIBED, method="manage page"
    )
    return redirect("subscriptions:manage", token=token)


@never_cache
@require_GET
def manage_export(request, token):
    try:
        subscriber = _manage_subscriber(token)
    except tokens.InvalidLink as error:
        return _link_problem(request, error)
    data = selectors.subscriber_export(subscriber)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json"
    )
    response["Content-Disposition"] = 'attachment; filename="lux-response-my-data.json"'
    return response


@never_cache
@require_http_methods(["GET", "POST"])
def manage_erase(request, token):
    try:
        subscriber = _manage_subscriber(token)
    except tokens.InvalidLink as error:
        return _link_problem(request, error)
    form = EraseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.subscriber_erase(subscriber=subscriber)
        return render(request, "subscriptions/erased.html")
    return render(request, "subscriptions/erase.html", {"form": form, "token": token})


# ------------------------------------------------------------------ leave


@csrf_exempt  # RFC 8058: mail providers POST without a session or token
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """GET shows a confirmation button and changes nothing; POST unsubscribes this address
    (the button, or a mail provider's one-click POST with List-Unsubscribe=One-Click)."""
    try:
        contact_point = tokens.read_unsubscribe_token(token)
    except tokens.InvalidLink as error:
        return _link_problem(request, error)
    done = False
    if request.method == "POST":
        services.contact_point_deactivate(
            contact_point=contact_point,
            reason=DeactivationReason.UNSUBSCRIBED,
            method="one-click" if "List-Unsubscribe" in request.POST else "unsubscribe page",
        )
        done = True
    return render(
        request,
        "subscriptions/unsubscribe.html",
        {"contact_point": contact_point, "done": done, "token": token},
    )


# ------------------------------------------------------------------ webhooks and push


def _twiml(text: str | None) -> HttpResponse:
    response = MessagingResponse()
    if text:
        response.message(text)
    return HttpResponse(str(response), content_type="application/xml")


@csrf_exempt
@require_POST
def twilio_inbound(request):
    """Incoming SMS (STOP/START keywords). Only requests signed by Twilio with our auth
    token, for our public URL, are believed; anything else is refused with 403."""
    if not twilio_request_is_signed(request):
        return HttpResponseForbidden("invalid signature")
    try:
        number = normalise_phone(request.POST.get("From", ""))
    except ValidationError:  # a sender ID or garbage: nothing of ours to change
        return _twiml(None)
    message_sid = request.POST.get("MessageSid", "")
    if len(message_sid) > 64:
        return HttpResponseBadRequest("MessageSid too long")
    outcome = services.sms_keyword_handle(
        from_number=number, body=request.POST.get("Body", ""), message_sid=message_sid
    )
    language = (get_language() or "fr")[:2]
    subscriber_cp = ContactPoint.objects.filter(channel=ChannelName.SMS, address=number).first()
    if subscriber_cp is not None:
        language = subscriber_cp.subscriber.language
    if isinstance(outcome, inbound.Reply):
        return _twiml(outcome.text)
    with translation.override(language):
        if outcome == "stop":
            return _twiml(
                _("LUX response: you will no longer receive alerts by SMS. Send START to resume.")
            )
        if outcome == "start":
            return _twiml(_("LUX response: SMS alerts are on again. Send STOP to stop."))
    return _twiml(None)


@require_POST
def push_subscription(request):
    """A browser's PushSubscription (JSON body, with the CSRF header).

    With a management token, the subscription is added to that subscriber at once (the
    permission prompt after a click is the opt-in). Without one (the sign-up page), it is
    validated and echoed; the page puts it in the sign-up form, sent with the rest.
    """
    try:
        payload = json.loads(request.body or b"{}")
        subscription = parse_push_subscription(json.dumps(payload.get("subscription")))
    except ValidationError as error:
        # Said in words the page can show (a notification service we refuse, a bad key).
        return JsonResponse({"ok": False, "error": error.messages[0]}, status=400)
    except BAD_PUSH_BODY:
        subscription = None
    if subscription is None:
        return JsonResponse({"ok": False}, status=400)
    token = payload.get("token")
    if token:
        try:
            subscriber = tokens.read_manage_token(str(token))
        except tokens.InvalidLink:
            return JsonResponse({"ok": False}, status=403)
        try:
            services.contact_point_add(
                subscriber=subscriber, client_ip=client_ip(request), push_subscription=subscription
            )
        except RateLimited:
            return JsonResponse({"ok": False, "error": _rate_limited_message()}, status=429)
        return JsonResponse({"ok": True, "added": True})
    return JsonResponse({"ok": True, "subscription": subscription})


@csrf_exempt  # sent by the service worker, which has no CSRF token; the old endpoint is
@require_POST  # the secret that authorises the change
def push_subscription_change(request):
    try:
        payload = json.loads(request.body or b"{}")
        old_endpoint = str(payload["old_endpoint"])
        subscription = parse_push_subscription(json.dumps(payload["subscription"]))
    except BAD_PUSH_BODY:
        return JsonResponse({"ok": False}, status=400)
    if not services.push_subscription_change(old_endpoint=old_endpoint, subscription=subscription):
        return JsonResponse({"ok": False, "error": "unknown subscription"}, status=410)
    return JsonResponse({"ok": True})


# ------------------------------------------------------------------ alert me where I am

POSITION_BODY_HELP = (
    "send a JSON object with endpoint (this browser's push endpoint), latitude and longitude"
)


def _position_answer(status: int, error: str) -> JsonResponse:
    return JsonResponse({"ok": False, "error": error}, status=status)


def _position_payload(request) -> dict:
    """The JSON object of a position request, or ValueError saying what is wrong."""
    try:
        payload = json.loads(request.body or b"")
    except (ValueError, UnicodeDecodeError):
        raise ValueError(f"the body is not JSON: {POSITION_BODY_HELP}") from None
    if not isinstance(payload, dict):
        raise ValueError(f"the body is not a JSON object: {POSITION_BODY_HELP}")
    endpoint = payload.get("endpoint")
    if not isinstance(endpoint, str) or not 0 < len(endpoint) <= 1000:
        raise ValueError("endpoint must be this browser's push endpoint (a URL)")
    return payload


@never_cache
@require_POST
def push_position(request):
    """ "Alert me where I am": the browser sends its position (JSON: endpoint, latitude,
    longitude) after the person opted in with a click. Knowing the push endpoint, a secret
    URL, is the authorisation (as for push_subscription_change); an endpoint we do not
    deliver to gets the same 404 whether it never existed, is pending or unsubscribed."""
    try:
        payload = _position_payload(request)
        stored = services.push_position_update(
            endpoint=payload["endpoint"],
            latitude=payload.get("latitude"),
            longitude=payload.get("longitude"),
            client_ip=client_ip(request),
        )
    except ValueError as error:  # services.PositionError included
        return _position_answer(400, str(error))
    except RateLimited:
        return _position_answer(429, _rate_limited_message())
    if stored is None:
        return _position_answer(404, "unknown subscription")
    return JsonResponse(
        {
            "ok": True,
            "latitude": stored.latitude,
            "longitude": stored.longitude,
            "at": stored.at.isoformat(),
        }
    )


@never_cache
@require_POST
def push_position_erase(request):
    """Forget this browser's position (JSON: endpoint)."""
    try:
        payload = _position_payload(request)
    except ValueError as error:
        return _position_answer(400, str(error))
    if not services.push_position_erase(endpoint=payload["endpoint"]):
        return _position_answer(404, "unknown subscription")
    return JsonResponse({"ok": True})


@never_cache
@require_POST
def manage_position_erase(request, token, pk):
    """The management page's "erase my position" button for one browser."""
    try:
        subscriber = _manage_subscriber(token)
    except tokens.InvalidLink as error:
        return _link_problem(request, error)
    contact_point = subscriber.contact_points.filter(pk=pk, channel=ChannelName.PUSH).first()
    if contact_point is None:
        raise Http404
    services.push_position_erase(contact_point=contact_point)
    return redirect("subscriptions:manage", token=token)


@require_GET
def web_app_manifest(request):
    """The web app manifest of the current language: the portal installs as an app that
    opens on this language's home page (the service worker keeps guidance for offline)."""
    language = get_language()
    manifest = {
        "name": _("LUX response · Brussels-Capital Region"),
        "short_name": _("LUX response"),
        "description": _("Alerts, risks and emergency preparedness in Brussels"),
        "lang": language,
        "start_url": f"/{language}/",
        "scope": "/",
        "display": "standalone",
        "theme_color": "#003c71",
        "background_color": "#ffffff",
        "icons": [
            {
                "src": static(f"subscriptions/icons/icon-{size}.png"),
                "sizes": f"{size}x{size}",
                "type": "image/png",
                "purpose": "any",
            }
            for size in (192, 512)
        ],
    }
    return HttpResponse(
        json.dumps(manifest, ensure_ascii=False),
        content_type="application/manifest+json; charset=utf-8",
    )


def service_worker(request):
    path = finders.find("subscriptions/sw.js")
    if path is None:
        raise Http404
    with open(path, "rb") as handle:
        response = HttpResponse(handle.read(), content_type="application/javascript")
    response["Service-Worker-Allowed"] = "/"
    response["Cache-Control"] = "no-cache"
    return response
