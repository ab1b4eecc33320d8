"""Public paths for tests, in a given language: the path segments are translated
(/fr/alertes/, /nl/waarschuwingen/, /en/alerts/), so tests never spell them out."""

from django.urls import reverse
from django.utils import translation
from django.utils.functional import lazy


def path_in(language: str, name: str, *args) -> str:
    """The path of the view `name` in `language`, whatever language is active."""
    with translation.override(language):
        return reverse(name, args=args or None)


# For module constants: resolved when first used, once the URLconf is loaded.
path_in_lazy = lazy(path_in, str)


def path_before_token(language: str, name: str) -> str:
    """The start of the path of a view taking one token (up to the token), in `language`."""
    return path_in(language, name, "TOKEN").removesuffix("TOKEN/")
