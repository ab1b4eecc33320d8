"""The partner's self-service page, reached from the signed, expiring link in its
reminders (no account): quantities, communes, availability, contacts, and "all is
current". Never cached, never indexed; every change goes through network_services."""

from django.core import signing
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from alerts.subscriptions.models import ContactPoint
from alerts.subscriptions.ratelimit import RateLimited
from alerts.subscriptions.services import CodeError
from portal.client_ip import client_ip

from . import network_services, tokens
from .models import NetworkPartner, PartnerContact
from .network_forms import AddressForm, ContactCodeForm, ContactForm, PartnerDetailsForm

# Lazy: read in the partner's language when shown, not in the server's at import.
CODE_ERRORS = {
    "expired": gettext_lazy(
        "This code has expired. Ask the crisis centre to send the address again."
    ),
    "attempts": gettext_lazy(
        "Too many wrong codes. Ask the crisis centre to send the address again."
    ),
    "wrong": gettext_lazy("This code is not right. Check the SMS and try again."),
}


def _noindex(response):
    response["X-Robots-Tag"] = "noindex, nofollow"
    # The link is the key: never passed to another site. Not "no-referrer": Chromium then
    # posts forms with "Origin: null", which the CSRF check refuses.
    response["Referrer-Policy"] = "same-origin"
    return response


def _link_problem(request, *, expired: bool):
    status = 410 if expired else 404
    return _noindex(
        render(
            request, "mobilisation/partner_link_problem.html", {"expired": expired}, status=status
        )
    )


def _contacts(partner: NetworkPartner) -> list[PartnerContact]:
    points = ContactPoint.objects.filter(active=True, channel__in=["email", "sms"]).order_by("pk")
    return list(
        partner.contacts.filter(active=True)
        .select_related("subscriber")
        .prefetch_related(Prefetch("subscriber__contact_points", queryset=points))
        .order_by("position", "pk")
    )


def _contact(partner: NetworkPartner, raw_id) -> PartnerContact | None:
    try:
        return partner.contacts.filter(active=True).get(pk=int(raw_id))
    except (TypeError, ValueError, PartnerContact.DoesNotExist):
        return None


@never_cache
@require_http_methods(["GET", "POST"])
def partner_update(request, token):
    try:
        partner_id = tokens.read_partner_token(token)
    except signing.SignatureExpired:
        return _link_problem(request, expired=True)
    except signing.BadSignature:
        return _link_problem(request, expired=False)
    partner = NetworkPartner.objects.filter(pk=partner_id, active=True).first()
    if partner is None:
        return _link_problem(request, expired=False)

    action = request.POST.get("action", "") if request.method == "POST" else ""
    details_form = PartnerDetailsForm(
        request.POST if action == "details" else None, partner=partner
    )
    contact_form = ContactForm(
        request.POST if action == "contact_add" else None,
        prefix="contact",
        initial={"language": partner.language},
    )
    address_form = AddressForm(request.POST if action == "address_add" else None, prefix="address")
    code_form = ContactCodeForm(request.POST if action == "code" else None)
    status, problem, notice = 200, "", ""

    if action == "details":
        if details_form.is_valid():
            try:
                network_services.partner_update(
                    partner=partner, data=details_form.data_for_service()
                )
                return redirect(f"{request.path}?done=details")
            except ValidationError as error:
                details_form.add_error(None, error)
        status = 400
    elif action == "confirm":
        network_services.partner_confirm_current(partner=partner)
        return redirect(f"{request.path}?done=confirm")
    elif action == "contact_add":
        if contact_form.is_valid():
            data = contact_form.cleaned_data
            try:
                network_services.partner_contact_add(
                    partner=partner,
                    name=data["name"],
                    role=data["role"],
                    language=data["language"],
                    email=data["email"],
                    phone=data["phone"],
                    client_ip=client_ip(request),
                )
                return redirect(f"{request.path}?done=contact")
            except RateLimited:
                problem, status = _("Too many requests: try again in a while."), 429
        else:
            status = 400
    elif action in {"address_add", "remove", "up", "down", "code"}:
        contact = _contact(partner, request.POST.get("contact"))
        if contact is None:
            problem, status = _("This contact is no longer on the list."), 400
        elif action == "address_add":
            if address_form.is_valid():
                try:
                    network_services.partner_contact_address_add(
                        contact=contact,
                        email=address_form.cleaned_data["email"],
                        phone=address_form.cleaned_data["phone"],
                        client_ip=client_ip(request),
                    )
                    return redirect(f"{request.path}?done=contact")
                except RateLimited:
                    problem, status = _("Too many requests: try again in a while."), 429
            else:
                problem, status = (
                    " ".join(str(e) for errors in address_form.errors.values() for e in errors),
                    400,
                )
        elif action == "remove":
            try:
                network_services.partner_contact_remove(contact=contact)
                return redirect(f"{request.path}?done=removed")
            except ValidationError as error:
                problem, status = " ".join(error.messages), 400
        elif action in {"up", "down"}:
            network_services.partner_contact_move(
                contact=contact, offset=-1 if action == "up" else 1
            )
            return redirect(f"{request.path}?done=order")
        elif action == "code":
            raw = request.POST.get("contact_point", "")
            pending = contact.subscriber.contact_points.filter(
                channel="sms", active=True, confirmed_at__isnull=True
            )
            point = pending.filter(pk=int(raw)).first() if raw.isdigit() else None
            if point is None:
                problem, status = _("This number is no longer waiting for a code."), 400
            elif code_form.is_valid():
                try:
                    network_services.partner_contact_code_check(
                        contact_point=point, code=code_form.cleaned_data["code"]
                    )
                    return redirect(f"{request.path}?done=code")
                except CodeError as error:
                    problem, status = CODE_ERRORS.get(error.reason, CODE_ERRORS["wrong"]), 400
            else:
                problem, status = _("The code has 6 digits."), 400
    elif action:
        problem, status = _("Unknown action."), 400

    done = request.GET.get("done", "") if request.method == "GET" else ""
    notices = {
        "details": _("Thank you: your changes are saved."),
        "confirm": _("Thank you: the crisis centre knows your entry is current."),
        "contact": _(
            "Thank you. The new address is used once its owner confirms it: by the link in "
            "the email, or the code sent by SMS (enter it below)."
        ),
        "removed": _("The contact was removed."),
        "order": _("The order of calls is saved."),
        "code": _("The number is confirmed."),
    }
    notice = notices.get(done, "")
    partner.refresh_from_db()
    context = {
        "partner": partner,
        "details_form": details_form,
        "contact_form": contact_form,
        "address_form": address_form,
        "code_form": code_form,
        "contacts": _contacts(partner),
        "problem": problem,
        "notice": notice,
        "action": action,
    }
    return _noindex(render(request, "mobilisation/partner_update.html", context, status=status))
