"""The subscribe page as served: an error summary that leads to each field after a failed
submit, consent beside the button, the communes folded, and browser notifications offered
only when the site holds its VAPID keys."""

import pytest
from bs4 import BeautifulSoup
from django.utils import translation

from tests.paths import path_in
from tests.peers.push import vapid_private_key
from tests.subscriptions.helpers import subscribe_data

pytestmark = pytest.mark.django_db

PUBLIC_KEY = (
    "BEl62iUYgUivxIkv69yViEuiBIa-Ib9-SkvMeAtA3LFgDzkrxZJjSgSnfckjBJuBkr3qBUYIHBQFLXYp5Nksh8U"
)


def _page(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def _subscribe(client, language="en", **overrides):
    with translation.override(language):
        path = path_in(language, "subscriptions:subscribe")
        return client.post(path, subscribe_data(**overrides))


def test_a_failed_submit_opens_with_a_focused_summary_whose_links_lead_to_each_field(client):
    response = _subscribe(client, email="not an address", communes=None, consent=None)
    assert response.status_code == 400
    page = _page(response)
    assert page.title.text.startswith("Error: ")
    summary = page.select_one("[data-error-summary]")
    # First in the article, before the title, and focused as the page loads.
    assert summary.find_previous("h1") is None
    assert summary["tabindex"] == "-1" and summary.has_attr("autofocus")
    assert summary.h2.text == "There is a problem"
    links = {a["href"]: a.text for a in summary.select("a")}
    assert list(links) == ["#id_email", "#id_communes_0", "#id_consent"]  # as on the page
    for anchor in links:
        target = page.select_one(anchor)
        assert target is not None and target.name == "input", anchor
    assert links["#id_communes_0"].startswith("Communes: Choose at least one commune")
    # Each field keeps its own message too.
    assert page.select_one("#id_consent_error").text.strip() == "This field is required."


def test_the_summary_sends_the_no_way_to_reach_you_error_to_the_email_field(client):
    page = _page(_subscribe(client))
    (link,) = page.select("[data-error-summary] a")
    assert link["href"] == "#id_email"
    assert "at least one way to reach you" in link.text


def test_a_page_without_errors_has_no_summary(client):
    with translation.override("en"):
        response = client.get(path_in("en", "subscriptions:subscribe"))
    assert "data-error-summary" not in response.content.decode()
    assert not _page(response).title.text.startswith("Error")


def test_consent_is_marked_required_and_sits_just_before_the_button(client):
    with translation.override("en"):
        page = _page(client.get(path_in("en", "subscriptions:subscribe")))
    consent = page.select_one("#id_consent")
    label = consent.find_parent("label")
    assert "(required)" in label.text
    following = consent.find_all_next(["input", "button", "select", "textarea"])
    assert following[0].name == "button" and following[0]["type"] == "submit"


def test_the_communes_are_folded_until_some_are_chosen_or_one_is_missing(client):
    with translation.override("en"):
        page = _page(client.get(path_in("en", "subscriptions:subscribe")))
    picker = page.select_one("details[data-commune-picker]")
    assert not picker.has_attr("open")
    assert len(picker.select("input[name=communes]")) == 19
    # The search box needs the script: hidden without it, the plain list is there.
    assert page.select_one("[data-commune-search]").has_attr("hidden")
    ixelles = page.select_one("input[value='21009']").find_parent(
        attrs={"data-commune-terms": True}
    )
    terms = ixelles["data-commune-terms"]
    assert "1050" in terms and "Elsene" in terms

    page = _page(_subscribe(client, communes=None))
    assert page.select_one("details[data-commune-picker]").has_attr("open")
    page = _page(_subscribe(client, communes=["21004", "21009"], consent=None))
    picker = page.select_one("details[data-commune-picker]")
    assert picker.has_attr("open") and "(2 chosen)" in picker.summary.text
    assert picker.select_one("input[value='21009']").has_attr("checked")


@pytest.mark.parametrize(
    "public, private",
    [("", ""), (PUBLIC_KEY, ""), ("", "private")],
    ids=["no keys", "public key only", "private key only"],
)
def test_without_both_vapid_keys_no_notification_button_is_offered(
    client, settings, public, private
):
    settings.VAPID_PUBLIC_KEY = public
    settings.VAPID_PRIVATE_KEY = private
    with translation.override("en"):
        response = client.get(path_in("en", "subscriptions:subscribe"))
    text = response.content.decode()
    assert 'id="push-enable"' not in text and 'id="push-field"' not in text
    assert "notification" not in _page(response).select_one("#subscribe-form").text.lower()
    assert "not available" not in text


def test_with_the_vapid_keys_the_notification_button_is_offered(client, settings):
    settings.VAPID_PUBLIC_KEY = PUBLIC_KEY
    settings.VAPID_PRIVATE_KEY = vapid_private_key()
    with translation.override("en"):
        page = _page(client.get(path_in("en", "subscriptions:subscribe")))
    field = page.select_one("#push-field")
    assert field["data-vapid-public-key"] == PUBLIC_KEY
    assert field.select_one("#push-enable").text == "Turn on notifications in this browser"
