"""A multiple-choice model field that works on SQLite and PostgreSQL alike."""

from django import forms
from django.db import models


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
