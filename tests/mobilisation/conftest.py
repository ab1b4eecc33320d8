from datetime import timedelta

import pytest
from django.utils import timezone

from alerts.factories import AuthorFactory
from alerts.mobilisation.factories import NetworkPartnerFactory, partner_contact
from alerts.mobilisation.services import RequestData, mobilisation_send


@pytest.fixture
def author(db):
    return AuthorFactory()


@pytest.fixture
def network(db):
    """Two partners with three contacts each (SMS, the second also by email)."""

    def make(partners=2, contacts=3, language="fr"):
        made = []
        for p in range(partners):
            partner = NetworkPartnerFactory(language=language)
            for c in range(contacts):
                partner_contact(
                    partner,
                    c,
                    language=language,
                    phone=f"+324700{p:02d}{c:03d}",
                    email=f"p{p}c{c}@example.invalid" if c == 1 else None,
                )
            made.append(partner)
        return made

    return make


@pytest.fixture
def send(author):
    def make(partners, **fields):
        fields.setdefault("need_fr", "Hébergement d'urgence pour 40 personnes")
        fields.setdefault("need_nl", "Noodopvang voor 40 personen")
        fields.setdefault("place", "Gare du Midi")
        fields.setdefault("needed_from", timezone.now() + timedelta(hours=1))
        return mobilisation_send(user=author, data=RequestData(**fields), partners=partners)

    return make
