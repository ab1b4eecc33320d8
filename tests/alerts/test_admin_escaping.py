"""Alert text is hostile: every admin page that shows it escapes it, and the alert pages
run no script that the site did not serve as a file."""

import pytest

from alerts.factories import AlertFactory
from alerts.models import AlertInfo, AlertState
from tests.alerts.test_admin_views import _login

pytestmark = pytest.mark.django_db

HOSTILE = "</pre></textarea><script>window.pwned=1</script><img src=x onerror=alert(1)>"


def _hostile_alert(**kwargs):
    alert = AlertFactory(event=f"Flood {HOSTILE}"[:200], **kwargs)
    AlertInfo.objects.filter(alert=alert).update(
        headline=f"H {HOSTILE}"[:160],
        description=f"D {HOSTILE}",
        instruction=f"I {HOSTILE}",
        sms_text=f"S {HOSTILE}",
    )
    return alert


@pytest.mark.parametrize("page", ["", "approve/", "edit/", "delivery/"])
def test_hostile_alert_text_is_shown_escaped_on_every_alert_admin_page(
    client, demo_site, approver, page
):
    alert = _hostile_alert(state=AlertState.DRAFT if page == "edit/" else AlertState.SUBMITTED)
    user = alert.created_by if page == "edit/" else approver
    _login(client, user)
    response = client.get(f"/admin/alerts/{alert.pk}/{page}")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>window.pwned" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;window.pwned=1&lt;/script&gt;" in html


def test_the_email_preview_is_plain_text_escaped_where_it_is_shown(client, demo_site, approver):
    alert = _hostile_alert(state=AlertState.SUBMITTED)
    _login(client, approver)
    html = client.get(f"/admin/alerts/{alert.pk}/approve/").content.decode()
    # The description reaches the email preview: escaped, inside its <pre>.
    assert "D &lt;/pre&gt;&lt;/textarea&gt;&lt;script&gt;" in html


def test_alert_admin_pages_allow_no_inline_script_and_no_eval(client, demo_site, approver):
    alert = AlertFactory(state=AlertState.SUBMITTED)
    _login(client, approver)
    for path in ("", "new/", "events/", f"{alert.pk}/", f"{alert.pk}/approve/"):
        policy = client.get(f"/admin/alerts/{path}")["Content-Security-Policy"]
        script_src = next(d for d in policy.split(";") if d.strip().startswith("script-src"))
        assert script_src.split() == ["script-src", "'self'"], path


def test_the_composer_prints_no_inline_script(client, demo_site, author):
    alert = AlertFactory(created_by=author)
    _login(client, author)
    html = client.get(f"/admin/alerts/{alert.pk}/edit/").content.decode()
    inline = [part for part in html.split("<script")[1:] if "src=" not in part.split(">")[0]]
    executable = [part for part in inline if 'type="application/json"' not in part.split(">")[0]]
    assert executable == []
