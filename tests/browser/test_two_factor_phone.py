"""The second-factor pages on a phone: every button label can be read whole (Wagtail's
sign-in layout kept labels on one line, and "This is not my account: sign out" was cut off
at 390 px)."""

from urllib.parse import urlsplit

import pytest

from alerts.factories import AuthorFactory
from portal import enrolment

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "correct horse battery"  # alerts.factories


def _cut_buttons(page) -> list[str]:
    """The labels of the buttons whose text is wider than the button, or than the page."""
    return page.evaluate(
        """() => [...document.querySelectorAll('main button, main a.button')]
            .filter((b) => b.scrollWidth > b.clientWidth + 1
                || b.getBoundingClientRect().right > document.documentElement.clientWidth)
            .map((b) => b.textContent.trim())"""
    )


@pytest.mark.parametrize("language", ["fr", "nl", "en"])
def test_enrolment_page_buttons_fit_a_phone(browser, live_server, language):
    newcomer = AuthorFactory(username=f"newcomer-{language}")
    link = urlsplit(enrolment.enrolment_link_issue(user=newcomer).url).path
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale=language)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(f"{live_server.url}{link}")
    page.locator("#id_username").fill(newcomer.username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#id_password").press("Enter")
    page.wait_for_url(f"**{link}")

    assert page.locator("main button").count() == 2
    assert _cut_buttons(page) == []
    context.close()
