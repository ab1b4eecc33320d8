"""Factories for alert tests and demos."""

from datetime import timedelta

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from alerts import roles
from alerts.cap_vocab import MsgType, Status
from alerts.models import Alert, AlertInfo, AlertState, AlertTemplate, Commune


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.invalid")
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery")

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        _add_groups(self, create, extracted or ())


def _add_groups(user, create, names) -> None:
    if not create:
        return
    for name in names:
        user.groups.add(Group.objects.get_or_create(name=name)[0])
    user.save()


class AuthorFactory(UserFactory):
    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        _add_groups(self, create, extracted or (roles.AUTHORS_GROUP,))


class ApproverFactory(UserFactory):
    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        _add_groups(self, create, extracted or (roles.APPROVERS_GROUP,))


EVENTS = {"fr": "Rejet chimique", "nl": "Chemische lozing", "en": "Chemical release"}
INFO_TEXTS = {
    "fr": (
        "Rejet chimique : mettez-vous à l'abri",
        "Un nuage toxique se déplace.",
        "Rentrez et fermez les fenêtres.",
        "ALERTE: rentrez, fermez les fenetres.",
    ),
    "nl": (
        "Chemische lozing: ga naar binnen",
        "Een giftige wolk verplaatst zich.",
        "Ga naar binnen en sluit de ramen.",
        "ALARM: ga naar binnen, sluit de ramen.",
    ),
    "en": (
        "Chemical release: go indoors",
        "A toxic cloud is moving.",
        "Go indoors and close the windows.",
        "ALERT: go indoors, close the windows.",
    ),
}


class AlertFactory(factory.django.DjangoModelFactory):
    """A complete draft alert with FR, NL and EN texts over one commune."""

    class Meta:
        model = Alert
        skip_postgeneration_save = True

    status = Status.ACTUAL
    msg_type = MsgType.ALERT
    category = "CBRNE"
    event = "Chemical release"
    response_type = "Shelter"
    effective = factory.LazyFunction(lambda: timezone.now().replace(microsecond=0))
    expires = factory.LazyFunction(
        lambda: (timezone.now() + timedelta(hours=6)).replace(microsecond=0)
    )
    created_by = factory.SubFactory(AuthorFactory)

    @factory.post_generation
    def languages(self, create, extracted, **kwargs):
        if not create:
            return
        for language in extracted if extracted is not None else ("fr", "nl", "en"):
            headline, description, instruction, sms = INFO_TEXTS[language]
            AlertInfo.objects.create(
                alert=self,
                language=language,
                event=EVENTS[language],
                headline=headline,
                description=description,
                instruction=instruction,
                sms_text=sms,
            )

    @factory.post_generation
    def area(self, create, extracted, **kwargs):
        if create and (extracted or not (self.whole_region or self.polygons or self.circles)):
            self.communes.set(Commune.objects.filter(pk__in=extracted or ["21004"]))


class SentAlertFactory(AlertFactory):
    state = AlertState.SENT
    sent = factory.LazyFunction(lambda: timezone.now().replace(microsecond=0))
    submitted_by = factory.SelfAttribute("created_by")
    approved_by = factory.SubFactory(ApproverFactory)


def all_clear_template() -> AlertTemplate:
    return AlertTemplate.objects.get(slug="all-clear")
