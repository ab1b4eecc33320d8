"""What a field actor does on a training page: read the sessions, register, see their
registration, cancel it.

These views are routed under the training page's own address (TrainingPage is a
RoutablePageMixin page whose URLconf is campaigns.training_urls), so each receives the
page first, as a route method would. The page itself is the same for everyone and may be
cached; what belongs to one person (their registration, the cancellation) lives on pages
reached by a signed link, never cached.
"""

from django.shortcuts import redirect
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _

from campaigns.forms import RegistrationForm
from campaigns.registration_links import registration_path
from campaigns.selectors import (
    RegistrationLinkRefused,
    registration_for_link,
    session_places_left,
    sessions_with_places,
)
from campaigns.services import RegistrationRefused, registration_cancel, registration_create
from portal.client_ip import client_ip
from portal.counters import counter_allows
from portal.public_forms import shown_again

# Each registration sends an email to the address typed in the form: at most this many per
# hour for one address, and for one client address.
REGISTRATIONS_PER_EMAIL_PER_HOUR = 3
REGISTRATIONS_PER_CLIENT_PER_HOUR = 20

REGISTRATION_TEMPLATE = "campaigns/training_registration.html"
CANCEL_TEMPLATE = "campaigns/training_cancel.html"
LINK_REFUSED_TEMPLATE = "campaigns/training_link_refused.html"


def training_page(page, request):
    """The page with its sessions and the registration form; a successful registration
    leads (POST/redirect/GET) to the registrant's own page."""
    sessions = sessions_with_places(page)
    places = {s.pk: s.places_left for s in sessions}
    if request.method != "POST":
        # A form sent without its token (no JavaScript on a cached page) comes back as a
        # GET with the visitor's answers (portal.public_forms): shown, never acted on.
        answers = request.POST if shown_again(request) else None
        form = RegistrationForm(answers, sessions=sessions, places_left=places)
        return _page(page, request, sessions, form)

    form = RegistrationForm(request.POST, sessions=sessions, places_left=places)
    if not form.is_valid():
        return _page(page, request, sessions, form, status=400)
    if not _registration_allowed(request, form.cleaned_data["email"]):
        form.add_error(
            None,
            _(
                "Too many registrations from this connection or for this address. "
                "Please try again in an hour."
            ),
        )
        return _page(page, request, sessions, form, status=429)
    try:
        registration = registration_create(
            session_id=form.cleaned_data["session"].pk,
            name=form.cleaned_data["name"],
            email=form.cleaned_data["email"],
            organisation=form.cleaned_data["organisation"],
            language=translation.get_language(),
        )
    except RegistrationRefused as refusal:
        form.add_error("session", refusal.message)
        # Places may have gone since the page was drawn: show them as they are now.
        places = session_places_left(sessions)
        for session in sessions:
            session.places_left = places[session.pk]
        form.show_places(places)
        return _page(page, request, sessions, form, status=400)
    return redirect(registration_path(page, registration.pk), permanent=False)


def registration_detail(page, request, token):
    """The registrant's own page: their session, what happens next, the cancel link."""
    try:
        registration = registration_for_link(token, page=page)
    except RegistrationLinkRefused as refusal:
        return _link_refused(page, request, refusal)
    context = {
        "registration": registration,
        "session": registration.session,
        "cancel_url": registration_path(page, registration.pk, "cancel"),
    }
    return _private(page.render(request, template=REGISTRATION_TEMPLATE, context_overrides=context))


def registration_cancel_view(page, request, token):
    """GET asks to confirm (a link opened by a mail scanner cancels nothing); POST cancels
    and the place goes back to the session."""
    try:
        registration = registration_for_link(token, page=page)
    except RegistrationLinkRefused as refusal:
        return _link_refused(page, request, refusal)
    context = {"registration": registration, "session": registration.session, "cancelled": False}
    if request.method == "POST":
        try:
            registration_cancel(registration_id=registration.pk)
        except RegistrationRefused as refusal:
            context["refusal"] = refusal.message
            return _private(
                page.render(request, template=CANCEL_TEMPLATE, context_overrides=context),
                status=410,
            )
        context["cancelled"] = True
    return _private(page.render(request, template=CANCEL_TEMPLATE, context_overrides=context))


def _page(page, request, sessions, form, status=200):
    response = page.render(request, context_overrides={"sessions": sessions, "form": form})
    response.status_code = status
    return response


def _link_refused(page, request, refusal: RegistrationLinkRefused):
    response = page.render(
        request, template=LINK_REFUSED_TEMPLATE, context_overrides={"refusal": refusal}
    )
    return _private(response, status=refusal.status)


def _private(response, status=200):
    """One person's page: never kept by the page cache, a proxy or the browser."""
    response.status_code = status
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex"
    return response


def _registration_allowed(request, email: str) -> bool:
    return counter_allows(
        "registration-email", email.lower(), limit=REGISTRATIONS_PER_EMAIL_PER_HOUR, window=3600
    ) and counter_allows(
        "registration-client",
        client_ip(request),
        limit=REGISTRATIONS_PER_CLIENT_PER_HOUR,
        window=3600,
    )
