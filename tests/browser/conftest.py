"""Shared fixtures for the real-browser tests: one Chromium per test, the demo content,
signed-in admin contexts and the axe-core accessibility checker."""

import json
from pathlib import Path

import pytest
from django.conf import settings as django_settings

from tests.browser import chromium

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
WCAG_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"


@pytest.fixture
def demo_content(live_server, settings):
    """The portal and preparedness demo: home pages, risks, the kit, guides, campaigns,
    events, trainings and partners, in French and Dutch; links in messages point at the
    live server."""
    from campaigns import demo as campaigns_demo
    from portal import demo

    settings.SITE_BASE_URL = live_server.url
    settings.ALERTS_MAP_TILE_URL = chromium.map_tiles(live_server.url)
    context = demo.DemoContext()
    demo.seed(context)
    campaigns_demo.seed(context)
    return context


def signed_in_context(browser, live_server, client, user):
    """A browser context whose session has `user` signed in with a verified second factor."""
    from tests.conftest import login_with_second_factor

    login_with_second_factor(client, user)
    session = client.cookies[django_settings.SESSION_COOKIE_NAME].value
    client.cookies.clear()
    context = browser.new_context()
    context.add_cookies(
        [{"name": django_settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
    )
    return context


# Wagtail's admin starts its transitions (the messages fading in) only once its scripts have
# marked the body ready; a transition may also start a moment after the page loaded.
ADMIN_READY = (
    "() => !document.body.dataset.wInitReadyClass"
    " || document.body.classList.contains(document.body.dataset.wInitReadyClass)"
)
SETTLED = """async () => {
  const finite = a => a.playState === 'running' && a.effect
    && a.effect.getComputedTiming().endTime !== Infinity;
  const deadline = performance.now() + 10000;
  let quiet = 0;  // nothing moving for three checks 100 ms apart
  while (quiet < 3 && performance.now() < deadline) {
    const running = document.getAnimations().filter(finite);
    if (running.length) {
      quiet = 0;
      await Promise.all(running.map(a => a.finished.catch(() => null)));
    } else {
      quiet += 1;
      await new Promise(resolve => setTimeout(resolve, 100));
    }
  }
}"""


def axe_violations(page) -> list[dict]:
    """axe-core's WCAG 2.0/2.1 A and AA violations on the page once its finite CSS
    transitions and animations have ended and none has started for 300 ms (a colour caught
    half-way through a fade, such as the admin's messages, is not what the reader sees)."""
    page.wait_for_function(ADMIN_READY)
    page.evaluate(SETTLED)
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # Through the DevTools protocol: the page's Content-Security-Policy forbids an
        # inline script tag, not this.
        page.evaluate(AXE.read_text())
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})"
        ".then(r => r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " targets: v.nodes.map(n => n.target.join(' '))})))",
        WCAG_A_AA,
    )
    return result


def describe(violations: list[dict]) -> str:
    return json.dumps(violations, indent=1, ensure_ascii=False)
