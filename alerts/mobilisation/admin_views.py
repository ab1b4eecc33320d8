"""The crisis centre's pages: find partners and mobilise them, the common table of each
request (it refreshes itself), its CSV export with the drill figures, and closing it.
Every rule is in the services; these views only gather and show."""

import csv
import io

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from alerts.admin_views import require_alert_role

from . import selectors, services
from .admin_forms import MobilisationForm, PartnerSearchForm
from .models import MobilisationRequest, RequestState

REFRESH_SECONDS = 15
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value) -> str:
    """A CSV cell a spreadsheet never reads as a formula (OWASP's CSV injection advice)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def index(request):
    require_alert_role(request)
    requests = MobilisationRequest.objects.order_by("state", "-created_at")[:100]
    return TemplateResponse(request, "mobilisation/admin/index.html", {"requests": requests})


def new(request):
    """GET: search partners; POST: send the request to the partners ticked."""
    require_alert_role(request)
    search = PartnerSearchForm(request.GET or None)
    partners = []
    if search.is_valid():
        data = search.cleaned_data
        partners = selectors.partners_search(
            resource_type=data["resource_type"],
            min_quantity=data["min_quantity"],
            communes=data["communes"],
            available_at=timezone.now() if data["available_now"] else None,
        )
    elif not request.GET:
        partners = selectors.partners_search()
    if request.method == "POST":
        form = MobilisationForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                sent = services.mobilisation_send(
                    user=request.user,
                    data=services.RequestData(
                        need_fr=data["need_fr"],
                        need_nl=data["need_nl"],
                        need_en=data["need_en"],
                        status=data["status"],
                        resource_type=data["resource_type"],
                        quantity_needed=data["quantity_needed"],
                        place=data["place"],
                        needed_from=data["needed_from"],
                        escalate_after_minutes=data["escalate_after_minutes"],
                        incident=data["incident"],
                        centre_phone=data["centre_phone"],
                    ),
                    partners=list(data["partners"]),
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Request sent: the first contacts are being asked."))
                return redirect("mobilisation_admin:board", sent.pk)
    else:
        form = MobilisationForm(partners=partners)
    now = timezone.now()
    rows = [(partner, partner.is_stale_at(now)) for partner in partners]
    status = 400 if request.method == "POST" else 200
    return TemplateResponse(
        request,
        "mobilisation/admin/new.html",
        {"search": search, "form": form, "rows": rows},
        status=status,
    )


def _request(pk) -> MobilisationRequest:
    return get_object_or_404(
        MobilisationRequest.objects.select_related("resource_type", "incident"), pk=pk
    )


def board(request, pk):
    require_alert_role(request)
    mobilisation = _request(pk)
    table = selectors.board(mobilisation)
    response = TemplateResponse(
        request,
        "mobilisation/admin/board.html",
        {
            "mobilisation": mobilisation,
            "board": table,
            "rows": selectors.board_rows(table),
            "refresh_seconds": REFRESH_SECONDS if mobilisation.state == RequestState.OPEN else 0,
        },
    )
    response["Cache-Control"] = "no-store"
    return response


def board_csv(request, pk):
    require_alert_role(request)
    mobilisation = _request(pk)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [
            _("partner"),
            _("state"),
            _("answer"),
            _("quantity"),
            _("contacts asked"),
            _("escalations"),
            _("minutes to first answer"),
            _("answered by"),
        ]
    )
    for row in selectors.board_rows(selectors.board(mobilisation)):
        writer.writerow(
            [
                _cell(row.target.partner.name),
                _cell(row.target.get_state_display()),
                _cell(row.target.get_answer_display() if row.target.answer else ""),
                _cell(row.target.quantity),
                _cell(row.target.contacts_asked),
                _cell(row.escalations),
                _cell(row.minutes_to_first_answer),
                _cell(row.target.answered_by.name if row.target.answered_by else ""),
            ]
        )
    response = HttpResponse("\ufeff" + out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="mobilisation-{mobilisation.pk}.csv"'
    return response


@require_POST
def close(request, pk):
    require_alert_role(request)
    services.mobilisation_close(user=request.user, request=_request(pk))
    messages.success(request, _("Request closed: no more escalation, answers no longer taken."))
    return redirect("mobilisation_admin:board", pk)
