"""Model fields shared by the content pages: a multiple-choice field that works on SQLite
and PostgreSQL alike, and the language of an organiser's name."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _


class MultipleChoiceField(models.JSONField):
    """Stores a list of choice values as JSON; edited as check boxes."""

    def __init__(self, *args, choices_class=None, **kwargs):
        self.choices_class = choices_class
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("choices_class", None)
        if kwargs.get("default") is list:
            kwargs.pop("default")
        kwargs.pop("blank", None)
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=self.choices_class.choices if self.choices_class else [],
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
        )

    def labels(self, values) -> list[str]:
        known = dict(self.choices_class.choices) if self.choices_class else {}
        return [known.get(value, value) for value in values or []]


NAME_LANGUAGES = [("fr", "Français"), ("nl", "Nederlands"), ("en", "English")]


def organiser_language_field() -> models.CharField:
    """The language of an organiser's name when it is not the page's (a French name on the
    Dutch page): the page marks it with `lang`, so screen readers pronounce it right. A
    choice, so wagtail-localize keeps it the same on every translation of the page."""
    return models.CharField(
        _("language of the organiser's name"),
        max_length=2,
        blank=True,
        choices=NAME_LANGUAGES,
        help_text=_("Only when the name is in another language than the page's."),
    )
