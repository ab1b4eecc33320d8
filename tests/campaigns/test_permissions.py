import pytest
from django.contrib.auth.models import AnonymousUser, Group

from campaigns.permissions import user_can_see_partner_contacts, user_is_authority

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("group", ["Alert authors", "Alert approvers"])
def test_alert_groups_are_authorities(django_user_model, group):
    user = django_user_model.objects.create_user("u", password="x")
    user.groups.add(Group.objects.get(name=group))
    assert user_is_authority(user)
    assert user_can_see_partner_contacts(user)


def test_superuser_is_an_authority(django_user_model):
    assert user_is_authority(django_user_model.objects.create_superuser("root", password="x"))


def test_others_are_not(django_user_model):
    writer = django_user_model.objects.create_user("w", password="x")
    writer.groups.add(Group.objects.get(name="Writers"))
    inactive = django_user_model.objects.create_user("i", password="x", is_active=False)
    inactive.groups.add(Group.objects.get(name="Alert approvers"))
    assert not user_is_authority(writer)
    assert not user_is_authority(inactive)
    assert not user_is_authority(AnonymousUser())


def test_registrations_are_never_added_by_hand_and_read_by_authorities(django_user_model):
    from campaigns.models import TrainingRegistration
    from campaigns.permissions import RegistrationPermissionPolicy

    policy = RegistrationPermissionPolicy(TrainingRegistration)
    approver = django_user_model.objects.create_user("a", password="x")
    approver.groups.add(Group.objects.get(name="Alert approvers"))
    superuser = django_user_model.objects.create_superuser("root", password="x")
    citizen = django_user_model.objects.create_user("c", password="x")

    assert policy.user_has_permission(approver, "view")
    assert policy.user_has_permission(approver, "change")
    assert not policy.user_has_permission(citizen, "view")
    assert not policy.user_has_permission(superuser, "add")
