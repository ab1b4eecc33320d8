from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Answer


class AnswerForm(forms.Form):
    answer = forms.ChoiceField(choices=Answer.choices)
    quantity = forms.IntegerField(
        label=_("How many can you provide? (optional)"),
        required=False,
        min_value=0,
        max_value=1_000_000,
    )
