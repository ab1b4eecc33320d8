import csv
import html
import io

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from alerts.cap_vocab import Status
from alerts.factories import ApproverFactory, SentAlertFactory, UserFactory
from alerts.testdays.csv_export import safe_cell
from alerts.testdays.models import PublishedReachReport
from alerts.testdays.services import reportable
from tests.conftest import login_with_second_factor

pytestmark = pytest.mark.django_db


def _url(name, alert):
    return reverse(f"alerts_admin:{name}", args=[alert.pk])


def test_the_report_page_shows_the_figures_and_publishes_them(client, exercise, ledger_row):
    ledger_row(exercise, "sms", "fr", "delivered", seconds_after=61)
    approver = ApproverFactory()
    login_with_second_factor(client, approver)
    detail = client.get(_url("detail", exercise)).content.decode()
    assert f'href="{_url("reach_report", exercise)}"' in detail
    html = client.get(_url("reach_report", exercise)).content.decode()
    assert "61 s" in html and _url("reach_report_publish", exercise) in html

    response = client.post(_url("reach_report_publish", exercise), follow=True)
    report = PublishedReachReport.objects.get(alert=exercise)
    assert report.published_by == approver
    html = response.content.decode()
    assert approver.username in html
    assert _url("reach_report_publish", exercise) not in html  # no second publication


def test_a_real_alert_has_a_report_page_but_no_publication(client, ledger_row):
    alert = SentAlertFactory(status=Status.ACTUAL)
    login_with_second_factor(client, ApproverFactory())
    detail = client.get(_url("detail", alert)).content.decode()
    assert _url("reach_report", alert) not in detail
    page = client.get(_url("reach_report", alert)).content.decode()
    assert _url("reach_report_publish", alert) not in page
    response = client.post(_url("reach_report_publish", alert), follow=True)
    assert not PublishedReachReport.objects.exists()
    # the refusal says why, in the admin user's language (French by default)
    with translation.override("fr"):
        refusal = reportable(alert)
    with translation.override("en"):
        assert "exercise or a test" in reportable(alert)
    assert html.unescape(response.content.decode()).count(refusal) == 2  # message and page


def test_people_without_an_alert_role_are_refused(client, exercise):
    editor = UserFactory()
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    for name in ("reach_report", "reach_report_csv"):
        response = client.get(_url(name, exercise), follow=True)
        assert response.redirect_chain[0][0] == "/admin/"
    client.post(_url("reach_report_publish", exercise))
    assert not PublishedReachReport.objects.exists()


def test_the_csv_has_a_header_and_neutralises_formulas(client, exercise, ledger_row):
    ledger_row(exercise, "sms", "nl", "delivered", seconds_after=9)
    ledger_row(exercise, "email", "fr", "failed")
    exercise.infos.filter(language="fr").update(headline='=HYPERLINK("http://evil","x")')
    login_with_second_factor(client, ApproverFactory())
    response = client.get(_url("reach_report_csv", exercise))
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    with translation.override("fr"):
        assert rows[0][2:5] == [_("channel"), _("language"), _("targeted")]
    body = {(row[2], row[3]): row for row in rows[1:]}
    assert body[("sms", "nl")][4:] == ["1", "1", "1", "0", "9"]
    assert body[("email", "fr")][4:] == ["1", "0", "0", "1", ""]
    assert all(row[1] == '\'=HYPERLINK("http://evil","x")' for row in rows[1:])


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_every_formula_start_is_neutralised(text):
    assert safe_cell(text) == "'" + text
    assert safe_cell("Bruxelles") == "Bruxelles" and safe_cell(-3) == -3
