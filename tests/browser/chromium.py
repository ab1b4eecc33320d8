"""Debian's Chromium, headless, as every browser test starts it (never a downloaded build)."""

import os
from contextlib import contextmanager

EXECUTABLE = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def launch(playwright):
    return playwright.chromium.launch(executable_path=EXECUTABLE, headless=True, args=ARGS)


@contextmanager
def session():
    """Playwright driving Debian's Chromium, for one test.

    While Playwright's sync API is active an event loop runs in this thread, so Django
    hands the test's own code a second, context-local database connection (and its async
    guard would refuse the ORM: a false alarm, the live server answers from its own
    thread). That connection is closed on the way out: none may outlive the test database.
    """
    from django.db import connections
    from playwright.sync_api import sync_playwright

    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = launch(playwright)
            try:
                yield browser
            finally:
                browser.close()
                connections.close_all()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


def map_tiles(origin: str) -> str:
    """A tile URL for the maps: one image of ours for every tile, served as a static file.

    No map server is reachable here, and a tile that 404s would make the live server render
    its error page from the database, possibly while the test's teardown empties it.
    """
    return origin + "/static/alerts/vendor/leaflet/images/marker-shadow.png?{z}/{x}/{y}"
