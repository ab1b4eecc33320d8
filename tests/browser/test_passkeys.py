"""The second factor in a real browser. Passkeys, with Chromium's virtual authenticator
(DevTools protocol): an alert author signs in with TOTP, adds a passkey, signs out, signs in
again with password and passkey and reaches the alert composer. Someone without a second
factor is refused, and cannot set one up with a password alone; with an enrolment link they
set up an authenticator, are shown their recovery codes, and one of them signs them in.
No page of these journeys reports a Content-Security-Policy violation."""

import base64
import re
from urllib.parse import urlsplit

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from alerts.factories import AuthorFactory
from portal import enrolment
from portal.models import LoginEvent, LoginEventKind

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "correct horse battery"  # alerts.factories


def _code(device) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0):06d}"


def _virtual_authenticator(context, page):
    cdp = context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
            }
        },
    )
    return cdp


def _sign_in_with_password(page, base_url, username):
    page.goto(f"{base_url}/admin/login/?next=/admin/alerts/new/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#id_password").press("Enter")


def _csp_violations(messages) -> list[str]:
    """Violations on the second-factor pages (the verify page and the passkeys page)."""
    return [
        text for url, text in messages if "/admin/2fa/" in url and "Content Security Policy" in text
    ]


INLINE_SCRIPTS = (
    "() => [...document.querySelectorAll('script:not([src])')]"
    ".filter(s => s.type !== 'application/json').map(s => s.outerHTML.slice(0, 120))"
)


@pytest.fixture
def passkey_origin(live_server, settings):
    settings.OTP_WEBAUTHN_RP_ID = "localhost"
    settings.OTP_WEBAUTHN_ALLOWED_ORIGINS = [live_server.url]
    assert live_server.url.startswith("http://localhost:")
    return live_server.url


def test_an_author_adds_a_passkey_and_signs_in_with_it(browser, passkey_origin):
    from playwright.sync_api import expect

    author = AuthorFactory(username="author")
    device = TOTPDevice.objects.create(user=author, name="phone", confirmed=True)
    context = browser.new_context(locale="en")
    page = context.new_page()
    page.set_default_timeout(15_000)
    console = []
    page.on("console", lambda message: console.append((page.url, message.text)))
    _virtual_authenticator(context, page)

    # First sign-in: password, then the authenticator code.
    _sign_in_with_password(page, passkey_origin, "author")
    expect(page).to_have_url(re.compile(r"/admin/2fa/verify/"))
    expect(page.get_by_role("button", name="Use a passkey")).to_have_count(0)
    page.get_by_label(re.compile("code", re.IGNORECASE)).fill(_code(device))
    page.get_by_role("button", name="Verify").click()
    expect(page).to_have_url(re.compile(r"/admin/alerts/new/$"))

    # Add a passkey from the account page.
    page.goto(f"{passkey_origin}/admin/account/")
    page.get_by_role("tab", name="More actions").click()
    page.get_by_role("link", name="Passkeys").click()
    expect(page).to_have_url(re.compile(r"/admin/2fa/passkeys/$"))
    expect(page.get_by_text("You have no passkey yet.")).to_be_visible()
    assert page.evaluate(INLINE_SCRIPTS) == []
    page.get_by_role("button", name="Add a passkey").click()
    expect(page.get_by_role("cell", name="Passkey 1", exact=True)).to_be_visible()
    assert WebAuthnCredential.objects.filter(user=author, confirmed=True).count() == 1

    # Sign out; sign in again with the password and the passkey.
    context.clear_cookies()
    _sign_in_with_password(page, passkey_origin, "author")
    expect(page).to_have_url(re.compile(r"/admin/2fa/verify/"))
    assert page.evaluate(INLINE_SCRIPTS) == []
    page.get_by_role("button", name="Use a passkey").click()
    expect(page).to_have_url(re.compile(r"/admin/alerts/new/$"))
    expect(page.get_by_role("button", name="Create the draft")).to_be_visible()

    kinds = list(LoginEvent.objects.filter(username="author").values_list("kind", flat=True))
    assert LoginEventKind.SECOND_FACTOR in kinds
    assert LoginEventKind.PASSKEY_ADDED in kinds
    assert LoginEventKind.PASSKEY in kinds
    assert _csp_violations(console) == []
    context.close()


def test_someone_without_a_second_factor_is_still_refused(browser, passkey_origin):
    from playwright.sync_api import expect

    AuthorFactory(username="newcomer")
    context = browser.new_context(locale="en")
    page = context.new_page()
    page.set_default_timeout(15_000)
    _virtual_authenticator(context, page)

    _sign_in_with_password(page, passkey_origin, "newcomer")
    expect(page).to_have_url(re.compile(r"/admin/2fa/setup/"))
    # A password alone sets nothing up: no secret, no QR code, no code field.
    expect(
        page.get_by_role("heading", name="Ask an administrator for an enrolment link")
    ).to_be_visible()
    expect(page.get_by_role("img")).to_have_count(0)
    expect(page.get_by_label(re.compile("code", re.IGNORECASE))).to_have_count(0)
    page.goto(f"{passkey_origin}/admin/alerts/new/")
    expect(page).to_have_url(re.compile(r"/admin/2fa/setup/"))
    page.goto(f"{passkey_origin}/admin/2fa/passkeys/")
    expect(page).not_to_have_url(re.compile(r"/admin/2fa/passkeys/"))
    # Registering a passkey with the password alone: the server never gets that far.
    status = page.evaluate(
        """async () => {
            const token = document.querySelector("[name=csrfmiddlewaretoken]").value;
            const response = await fetch("/admin/2fa/webauthn/registration/begin/", {
                method: "POST", headers: {"X-CSRFToken": token}, redirect: "manual"});
            return response.type === "opaqueredirect" ? "redirect" : response.status;
        }"""
    )
    assert status == "redirect"
    assert not WebAuthnCredential.objects.exists()
    context.close()


def test_a_newcomer_enrols_with_a_link_and_signs_in_with_a_recovery_code(browser, passkey_origin):
    from playwright.sync_api import expect

    newcomer = AuthorFactory(username="newcomer")
    link = urlsplit(enrolment.enrolment_link_issue(user=newcomer).url).path
    context = browser.new_context(locale="en")
    page = context.new_page()
    page.set_default_timeout(15_000)
    console = []
    page.on("console", lambda message: console.append((page.url, message.text)))

    # The link asks for the password first, then a click, then the authenticator's code.
    page.goto(f"{passkey_origin}{link}")
    expect(page).to_have_url(re.compile(r"/admin/login/"))
    page.locator("#id_username").fill("newcomer")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#id_password").press("Enter")
    expect(page).to_have_url(re.compile(re.escape(link) + "$"))
    page.get_by_role("button", name="Set up my authenticator").click()
    expect(page).to_have_url(re.compile(r"/admin/2fa/setup/"))
    secret = page.locator("main code").first.inner_text()
    code = f"{totp(base64.b32decode(secret)):06d}"
    page.get_by_label(re.compile("code", re.IGNORECASE)).fill(code)
    page.get_by_role("button", name="Confirm").click()

    # The recovery codes, once.
    expect(page.get_by_role("heading", name="Your recovery codes")).to_be_visible()
    codes = page.locator("ol.recovery-codes code").all_inner_texts()
    assert len(codes) == 10
    page.get_by_role("link", name="I have kept them: continue").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))

    # Phone left at home: password, then a recovery code.
    context.clear_cookies()
    _sign_in_with_password(page, passkey_origin, "newcomer")
    expect(page).to_have_url(re.compile(r"/admin/2fa/verify/"))
    page.get_by_label(re.compile("code", re.IGNORECASE)).fill(codes[0])
    page.get_by_role("button", name="Verify").click()
    expect(page).to_have_url(re.compile(r"/admin/2fa/recovery-codes/"))
    expect(page.get_by_text("9 codes are left")).to_be_visible()
    page.get_by_role("link", name="Continue").click()
    expect(page).to_have_url(re.compile(r"/admin/alerts/new/$"))

    assert _csp_violations(console) == []
    context.close()
