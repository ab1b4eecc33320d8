"""The partner contact's pages, reached from a signed link (no account, no login):
answer a request in one tap, and the situation page of an incident for partners who said
they are available. Never cached publicly, never indexed."""

from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from . import links, selectors, services, tokens
from .forms import AnswerForm
from .models import Answer, MobilisationTarget, PartnerContact, RequestState


def _noindex(response):
    response["X-Robots-Tag"] = "noindex, nofollow"
    # The link is the key: never passed to another site. Not "no-referrer": Chromium then
    # posts forms with "Origin: null", which the CSRF check refuses.
    response["Referrer-Policy"] = "same-origin"
    return response


def _from_token(token: str) -> tuple[MobilisationTarget, PartnerContact]:
    try:
        target_id, contact_id = tokens.read_answer_token(token)
    except signing.BadSignature as error:
        raise Http404("unknown link") from error
    found = selectors.target_and_contact(target_id, contact_id)
    if found is None:
        raise Http404("unknown link")
    return found


@never_cache
@require_http_methods(["GET", "POST"])
def answer(request, token):
    target, contact = _from_token(token)
    form = AnswerForm(request.POST or None)
    status = 200
    done = False
    if request.method == "POST":
        if form.is_valid():
            try:
                target = services.mobilisation_answer(
                    target=target,
                    contact=contact,
                    answer=form.cleaned_data["answer"],
                    quantity=form.cleaned_data["quantity"],
                    via="link",
                )
                done = True
            except ValidationError as error:
                form.add_error(None, error)
                status = 409
            except PermissionDenied as error:
                raise Http404("unknown link") from error
        else:
            status = 400
    context = {
        "target": target,
        "mobilisation": target.request,
        "contact": contact,
        "form": form,
        "done": done,
        "closed": target.request.state != RequestState.OPEN,
        "need": target.request.need_in(request.LANGUAGE_CODE),
        "situation_url": (
            links.situation_url(target.pk, contact.pk, request.LANGUAGE_CODE)
            if target.answer == Answer.AVAILABLE
            else ""
        ),
    }
    return _noindex(render(request, "mobilisation/answer.html", context, status=status))


@never_cache
def situation(request, token):
    """Only for a partner that said "available" to an open request."""
    target, contact = _from_token(token)
    if target.answer != Answer.AVAILABLE or target.request.state != RequestState.OPEN:
        raise Http404("no situation page for this link")
    language = request.LANGUAGE_CODE
    context = {
        "target": target,
        "mobilisation": target.request,
        "contact": contact,
        "need": target.request.need_in(language),
        "messages_in_force": selectors.incident_messages(target.request, language),
    }
    return _noindex(render(request, "mobilisation/situation.html", context))
