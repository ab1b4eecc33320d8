"""Demo content for test days (idempotent): one planned test of every channel, next month."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone, translation

from .models import PlannedTest
from .services import planned_test_save

DEMO_TITLE_FR = "Test des canaux d'alerte"


def seed(context) -> None:
    if PlannedTest.objects.filter(title_fr=DEMO_TITLE_FR).exists():
        return
    start = (timezone.now() + timedelta(days=30)).replace(
        hour=10, minute=0, second=0, microsecond=0
    )
    planned_test_save(
        user=get_user_model().objects.get(username="alert-author"),
        test=PlannedTest(
            title_fr=DEMO_TITLE_FR,
            title_nl="Test van de alarmkanalen",
            title_en="Test of the alert channels",
            description_fr="Vous recevrez un message marqué TEST. Il n'y a rien à faire.",
            description_nl="U ontvangt een bericht met de vermelding TEST. U hoeft niets te doen.",
            description_en="You will receive a message marked TEST. There is nothing to do.",
            start=start,
            end=start + timedelta(hours=1),
            whole_region=True,
            channels=["sms", "email", "push"],
        ),
    )
    with translation.override("fr"):
        context.messages.append(
            f"Test days: one planned test announced at {reverse('testdays:index')}"
        )
