"""Workflow and task names read in French and Dutch wherever Wagtail shows them."""

import pytest
from wagtail.models import Task, Workflow

from campaigns import services

pytestmark = pytest.mark.django_db

ENGLISH = {"Campaigns and guides review", "Editors approve", "Moderators approval"}


def test_no_workflow_or_task_keeps_an_english_only_name(demo_site):
    services.editorial_workflow_setup(listing_pages=[])
    names = set(Workflow.objects.values_list("name", flat=True)) | set(
        Task.objects.values_list("name", flat=True)
    )
    assert names  # Wagtail's default workflow and the editorial one
    assert not names & ENGLISH
    assert services.EDITORIAL_WORKFLOW in names and services.EDITORIAL_TASK in names
    assert "Approbation des modérateurs / Goedkeuring door de moderatoren" in names
