import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.users.models import UserProfile

from alerts.subscriptions.factories import ContactPointFactory, PlaceFactory, SubscriberFactory
from alerts.subscriptions.models import AudienceMember, ContactPoint
from tests.conftest import login_with_second_factor

pytestmark = pytest.mark.django_db

STATS = "/admin/subscriptions/stats/"


def _staff(*codenames):
    user = get_user_model().objects.create_user("staff", "staff@example.invalid", "pw")
    group = Group.objects.create(name="editors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in codenames:
        group.permissions.add(Permission.objects.get(codename=codename))
    user.groups.add(group)
    return user


def test_stats_need_the_permission_and_show_no_personal_data(client):
    subscriber = SubscriberFactory()
    PlaceFactory(subscriber=subscriber, communes=["21004"])
    ContactPointFactory(subscriber=subscriber, address="private@example.invalid")
    client.force_login(_staff())
    response = client.get(STATS)
    assert response.status_code in (302, 403)
    assert b"private@example.invalid" not in response.content

    user = get_user_model().objects.get()
    user.groups.first().permissions.add(Permission.objects.get(codename="view_subscriber_stats"))
    client.force_login(user)
    response = client.get(STATS)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Bruxelles" in page
    assert "private@example.invalid" not in page


def test_stats_name_audiences_in_the_readers_language(client):
    ContactPointFactory(subscriber=SubscriberFactory(audience="partner", organisation="SIAMU"))
    user = _staff("view_subscriber_stats")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "nl"
    profile.save()
    client.force_login(user)
    page = client.get(STATS).content.decode()
    assert '<th scope="row">Partnernetwerk</th><td>1</td>' in page
    assert '<th scope="row">partner</th>' not in page


def test_admin_manages_test_audience_but_never_reaches_the_public(client, admin_user):
    public = SubscriberFactory(audience="public")
    login_with_second_factor(client, admin_user)
    assert client.get("/admin/audience_members/").status_code == 200
    response = client.get(reverse("audience_members:edit", args=[public.pk]))
    assert response.status_code != 200  # a 404 (which LocaleMiddleware turns into a redirect)
    assert not AudienceMember.objects.filter(pk=public.pk).exists()

    response = client.post(
        reverse("audience_members:add"),
        {
            "audience": "test",
            "organisation": "",
            "language": "nl",
            "topics": ["Met"],
            "email": "Volunteer@Example.invalid",
            "phone": "0470 99 00 40",
            "whole_region": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    member = AudienceMember.objects.get()
    addresses = set(
        ContactPoint.objects.filter(subscriber=member, confirmed_at__isnull=False).values_list(
            "address", flat=True
        )
    )
    assert addresses == {"volunteer@example.invalid", "+32470990040"}
    assert member.places.get().whole_region


def test_a_partner_needs_an_organisation(client, admin_user):
    login_with_second_factor(client, admin_user)
    response = client.post(
        reverse("audience_members:add"),
        {
            "audience": "partner",
            "language": "fr",
            "email": "p@example.invalid",
            "whole_region": "on",
        },
    )
    assert response.status_code == 200
    assert not AudienceMember.objects.exists()
