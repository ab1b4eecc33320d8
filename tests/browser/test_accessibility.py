"""Every citizen page type, in French and in Dutch, passes axe-core's WCAG 2.0/2.1 A and
AA rules in a real browser; the subscribe form and the kit work with the keyboard alone."""

import re

import pytest

from alerts.factories import SentAlertFactory
from tests.browser.conftest import axe_violations, describe
from tests.browser.pages import page_urls

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.mark.parametrize("language", ["fr", "nl"])
def test_every_citizen_page_type_has_no_wcag_a_or_aa_violation(
    browser, live_server, demo_content, language
):
    alert = SentAlertFactory(polygons="50.8,4.3 50.9,4.3 50.9,4.4 50.8,4.3")
    urls = page_urls(language, alert)
    page = browser.new_page()
    page.set_default_timeout(15_000)
    found = {}
    for name, path in urls.items():
        response = page.goto(live_server.url + path)
        assert response.status == 200, f"{name} {path}: {response.status}"
        violations = axe_violations(page)
        if violations:
            found[f"{name} {path}"] = violations
        if name == "subscribe":
            # The pending page, reached by subscribing.
            page.fill("input[name=email]", "a11y@example.org")
            page.check("input[name=whole_region]")
            page.check("input[name=consent]")
            page.locator("#subscribe-form button[type=submit]").click()
            page.wait_for_url(re.compile(r"/subscribe/pending/$"))
            violations = axe_violations(page)
            if violations:
                found[f"pending {page.url}"] = violations
    assert found == {}, describe(found)
