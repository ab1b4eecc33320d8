from datetime import timedelta

import pytest
from django.utils import timezone

from alerts.subscriptions.factories import ContactPointFactory
from alerts.subscriptions.models import ContactPoint
from alerts.subscriptions.tasks import purge_unconfirmed


@pytest.mark.django_db
def test_purge_task_runs_the_service():
    stale = ContactPointFactory(confirmed_at=None)
    ContactPoint.objects.filter(pk=stale.pk).update(created_at=timezone.now() - timedelta(days=3))
    result = purge_unconfirmed.enqueue()
    assert result.return_value == 1
    assert not ContactPoint.objects.exists()
