"""Demo content for the portal itself: locales, the home page in each language, the admin.

Every step is idempotent: running the seed twice leaves one of everything.
"""

import secrets
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail.models import Locale, Page, Site

from portal.models import HomePage

HOME_CONTENT = {
    "fr": {
        "title": "Se préparer, être alerté, bien réagir",
        "slug": "accueil",
        "intro": (
            "LUX response est le portail d'alerte et de préparation de la Région de "
            "Bruxelles-Capitale. Vous y trouvez les alertes en cours, les bons réflexes "
            "face aux risques et les guides pour préparer votre foyer et votre bâtiment."
        ),
        "body": (
            "<p>En cas de danger immédiat, appelez le <b>112</b>. Abonnez-vous aux alertes "
            "pour votre commune et recevez-les par SMS, notification ou e-mail, en français "
            "ou en néerlandais.</p>"
        ),
    },
    "nl": {
        "title": "Voorbereid zijn, gewaarschuwd worden, goed reageren",
        "slug": "home",
        "intro": (
            "LUX response is het waarschuwings- en paraatheidsportaal van het Brussels "
            "Hoofdstedelijk Gewest. U vindt er de lopende alarmen, de juiste reflexen bij "
            "risico's en gidsen om uw gezin en uw gebouw voor te bereiden."
        ),
        "body": (
            "<p>Bel bij onmiddellijk gevaar <b>112</b>. Schrijf u in op de waarschuwingen "
            "voor uw gemeente en ontvang ze per sms, melding of e-mail, in het Nederlands "
            "of het Frans.</p>"
        ),
    },
    "en": {
        "title": "Be prepared, be alerted, react well",
        "slug": "home",
        "intro": (
            "LUX response is the public-warning and preparedness portal of the "
            "Brussels-Capital Region: current alerts, the right reflexes for each risk, and "
            "guides to prepare your household and your building."
        ),
        "body": (
            "<p>In immediate danger, call <b>112</b>. Subscribe to alerts for your commune "
            "and receive them by SMS, notification or email, in French or Dutch.</p>"
        ),
    },
}


@dataclass
class DemoContext:
    """What the portal seed hands to the other apps' seeds."""

    homes: dict[str, HomePage] = field(default_factory=dict)
    messages: list[str] = field(default_factory=list)


def _apply(page: HomePage, content: dict) -> None:
    page.title = content["title"]
    page.intro = content["intro"]
    page.body = content["body"]


@transaction.atomic
def seed_locales() -> dict[str, Locale]:
    return {
        code: Locale.objects.get_or_create(language_code=code)[0] for code, _ in settings.LANGUAGES
    }


@transaction.atomic
def seed_home_pages(locales: dict[str, Locale]) -> dict[str, HomePage]:
    site = Site.objects.filter(is_default_site=True).first()
    home_fr = HomePage.objects.filter(locale=locales["fr"]).first()
    if home_fr is None:
        root = Page.get_first_root_node()
        home_fr = HomePage(slug=HOME_CONTENT["fr"]["slug"], locale=locales["fr"])
        _apply(home_fr, HOME_CONTENT["fr"])
        root.add_child(instance=home_fr)
        home_fr.save_revision().publish()
    if site is None:
        site = Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home_fr,
            is_default_site=True,
            site_name="LUX response",
        )
    elif site.root_page_id != home_fr.pk:
        old_root = site.root_page
        site.root_page = home_fr
        site.site_name = "LUX response"
        site.save()
        # Wagtail's placeholder welcome page is replaced, never a page somebody wrote.
        if type(old_root.specific) is Page and old_root.get_children_count() == 0:
            old_root.delete()
    homes = {"fr": home_fr}
    for code in ("nl", "en"):
        translated = home_fr.get_translation_or_none(locales[code])
        if translated is None:
            translated = home_fr.copy_for_translation(locales[code])
            _apply(translated, HOME_CONTENT[code])
            translated.slug = f"{HOME_CONTENT[code]['slug']}-{code}"
            translated.save_revision().publish()
        homes[code] = HomePage.objects.get(pk=translated.pk)
    # Root paths are cached per site; the translated roots must be part of them.
    Site.clear_site_root_paths_cache()
    return homes


def seed_admin(password_file) -> tuple[str, str, bool]:
    """The demo administrator; the password is generated once and kept under var/."""
    user_model = get_user_model()
    password_file.parent.mkdir(parents=True, exist_ok=True)
    if password_file.exists():
        password = password_file.read_text().strip()
    else:
        password = secrets.token_urlsafe(12)
        password_file.write_text(password + "\n")
        password_file.chmod(0o600)
    user, created = user_model.objects.get_or_create(
        username="admin", defaults={"email": "admin@example.invalid"}
    )
    user.is_staff = user.is_superuser = True
    user.set_password(password)
    user.save()
    return "admin", password, created


def seed_second_factor(username: str) -> tuple[str, str] | None:
    """A confirmed TOTP device for a demo account that needs one (alert roles, superusers),
    created once; returns (base32 secret, otpauth URI) to print, None for other accounts."""
    import base64

    from django_otp.plugins.otp_totp.models import TOTPDevice

    from portal.two_factor import requires_second_factor

    user = get_user_model().objects.filter(username=username).first()
    if user is None or not requires_second_factor(user):
        return None
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="demo authenticator", confirmed=True)
    return base64.b32encode(device.bin_key).decode(), device.config_url


def seed(context: DemoContext) -> None:
    locales = seed_locales()
    context.homes = seed_home_pages(locales)
    context.messages.append("Home page published in: " + ", ".join(sorted(context.homes)))
