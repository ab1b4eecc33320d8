"""Debian's Chromium, headless, as every browser test starts it (never a downloaded build)."""

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
