"""The crisis centre's pages: find partners and mobilise them, the common table of a
request (figures, exercise marking, refreshing itself), its CSV with the drill figures,
closing it; alert roles only."""

import csv
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.users.models import UserProfile

from alerts.factories import UserFactory
from alerts.mobilisation import services
from alerts.mobilisation.factories import (
    NetworkPartnerFactory,
    PartnerCapabilityFactory,
    ResourceTypeFactory,
    partner_contact,
)
from alerts.mobilisation.models import Answer, MobilisationRequest, RequestState
from tests.conftest import login_with_second_factor

pytestmark = pytest.mark.django_db

HOSTILE = '=HYPERLINK("http://evil")<script>alert(1)</script>'


@pytest.fixture
def staff(client, author):
    profile = UserProfile.get_for_user(author)
    profile.preferred_language = "en"
    profile.save()
    return login_with_second_factor(client, author)


def test_an_author_finds_partners_by_capability_and_mobilises_them(staff):
    beds = ResourceTypeFactory(code="beds", name_fr="Lits", name_nl="Bedden")
    big = NetworkPartnerFactory(name="Hôpital Saint-Pierre")
    PartnerCapabilityFactory(partner=big, resource_type=beds, quantity=40)
    small = NetworkPartnerFactory(name="Maison médicale")
    PartnerCapabilityFactory(partner=small, resource_type=beds, quantity=5)
    for partner in (big, small):
        partner_contact(partner, 0, phone=f"+3247055500{partner.pk % 10}")

    found = staff.get(
        reverse("mobilisation_admin:new"), {"resource_type": beds.pk, "min_quantity": 20}
    ).content.decode()
    assert "Hôpital Saint-Pierre" in found and "Maison médicale" not in found

    response = staff.post(
        reverse("mobilisation_admin:new"),
        {
            "partners": [big.pk],
            "status": "Exercise",
            "need_fr": "Lits",
            "need_nl": "Bedden",
            "place": "Midi",
            "needed_from": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
            "escalate_after_minutes": 10,
        },
    )
    request = MobilisationRequest.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("mobilisation_admin:board", args=[request.pk])
    assert [t.partner_id for t in request.targets.all()] == [big.pk]


def test_a_request_without_its_dutch_text_is_refused_on_the_form(staff, network):
    partner = network(1)[0]
    response = staff.post(
        reverse("mobilisation_admin:new"),
        {
            "partners": [partner.pk],
            "status": "Actual",
            "need_fr": "Lits",
            "place": "Midi",
            "needed_from": "2026-12-05T10:00",
            "escalate_after_minutes": 10,
        },
    )
    assert response.status_code == 400
    assert not MobilisationRequest.objects.exists()


def test_the_board_shows_answers_committed_quantities_and_marks_an_exercise(staff, network, send):
    first, second = network(2)
    first.name = HOSTILE
    first.save()
    request = send([first, second], status="Exercise", quantity_needed=60)
    target = request.targets.get(partner=first)
    services.mobilisation_answer(
        target=target, contact=target.contact, answer=Answer.AVAILABLE, quantity=25, via="link"
    )

    page = staff.get(reverse("mobilisation_admin:board", args=[request.pk])).content.decode()

    assert "<script>alert(1)" not in page
    assert "EXERCISE" in page
    assert "25 / 60" in page
    assert '<meta http-equiv="refresh" content="15">' in page  # it refreshes itself


def test_the_csv_carries_the_drill_figures_and_no_formula(staff, network, send):
    (partner,) = network(1)
    partner.name = HOSTILE
    partner.save()
    request = send([partner], status="Exercise")
    target = request.targets.get()
    services.mobilisation_escalate(now=target.asked_at + timezone.timedelta(minutes=11))
    target.refresh_from_db()
    services.mobilisation_answer(
        target=target, contact=target.contact, answer=Answer.CALL_ME, via="sms keyword"
    )

    response = staff.get(reverse("mobilisation_admin:board_csv", args=[request.pk]))

    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")  # spreadsheets read it as UTF-8
    header, row = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert header[:2] == ["partner", "state"]
    assert row[0] == "'" + HOSTILE
    assert row[4:6] == ["2", "1"]  # contacts asked, escalations


def test_closing_the_request_stops_the_refresh(staff, network, send):
    request = send(network(1))

    staff.post(reverse("mobilisation_admin:close", args=[request.pk]))

    request.refresh_from_db()
    assert request.state == RequestState.CLOSED
    page = staff.get(reverse("mobilisation_admin:board", args=[request.pk])).content.decode()
    assert 'http-equiv="refresh"' not in page


def test_only_alert_roles_see_the_pages(client, network, send):
    request = send(network(1))
    login_with_second_factor(client, UserFactory(is_staff=True, groups=["Editors"]))

    for url in (
        reverse("mobilisation_admin:index"),
        reverse("mobilisation_admin:new"),
        reverse("mobilisation_admin:board", args=[request.pk]),
        reverse("mobilisation_admin:board_csv", args=[request.pk]),
    ):
        assert client.get(url).status_code in (302, 403), url


def test_the_request_texts_carry_their_language_on_the_board_and_the_list(staff, network, send):
    request = send(network(1))

    board = staff.get(reverse("mobilisation_admin:board", args=[request.pk])).content.decode()
    listing = staff.get(reverse("mobilisation_admin:index")).content.decode()

    assert f'<strong lang="fr">{request.need_fr}</strong>'.replace("'", "&#x27;") in board
    assert f'<span lang="nl">{request.need_nl}</span>' in board
    assert '<span lang="fr">' in listing
