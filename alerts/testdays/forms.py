from django import forms
from django.utils.translation import gettext_lazy as _

from .models import PlannedTest


class PublishForm(forms.Form):
    planned_test = forms.ModelChoiceField(
        queryset=PlannedTest.objects.order_by("-start"),
        required=False,
        label=_("Planned test this alert carried out"),
        help_text=_("The report is shown under this test on the public page."),
    )
