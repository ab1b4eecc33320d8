"""The capacity rule under concurrency: real parallel transactions need a server database
(SQLite serialises write transactions by construction, see settings), so this runs on
PostgreSQL (`.ci/run` phase 2, or DATABASE_URL=postgres://…)."""

import threading

import pytest
from django.db import connection

from campaigns import factories, services
from campaigns.models import TrainingRegistration

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_several_people_cannot_take_the_last_place_together(demo_site):
    index = factories.TrainingIndexPageFactory(parent=demo_site.homes["fr"])
    page = factories.TrainingPageFactory(parent=index)
    session = factories.TrainingSessionFactory(page=page, capacity=1)
    start = threading.Barrier(4)
    outcomes = []

    def register(n):
        try:
            start.wait()
            services.registration_create(
                session_id=session.pk,
                name=f"Person {n}",
                email=f"p{n}@example.org",
                organisation="Commune",
                language="fr",
            )
            outcomes.append("registered")
        except services.RegistrationRefused:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=register, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["refused", "refused", "refused", "registered"]
    assert TrainingRegistration.objects.count() == 1
