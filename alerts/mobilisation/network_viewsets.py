"""The network in the admin: resource types (a vocabulary the region extends) and
partners with their capabilities, communes, availability and ordered contacts.

Only alert authors and approvers (alerts.roles.has_alert_role) see or change any of it;
partners and resource types are never deleted here (a partner is made inactive: its past
requests keep pointing at it; a resource type in use is protected)."""

from datetime import timedelta

import django_filters
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import View
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy

from alerts import roles
from alerts.subscriptions.models import ContactPoint
from alerts.subscriptions.ratelimit import RateLimited
from portal.client_ip import client_ip

from . import network_services
from .models import NetworkPartner, ResourceType
from .network_forms import AddressForm, CapabilityFormSet, ContactForm, NetworkPartnerAdminForm

REFUSED_ACTIONS = {"delete"}


class AlertRolePolicy(BasePermissionPolicy):
    """Everything for alert authors and approvers, nothing for anyone else; never delete."""

    def user_has_permission(self, user, action):
        return action not in REFUSED_ACTIONS and roles.has_alert_role(user)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        if not set(actions) - REFUSED_ACTIONS:
            return get_user_model().objects.none()
        return (
            get_user_model()
            .objects.filter(
                is_active=True, groups__name__in=[roles.AUTHORS_GROUP, roles.APPROVERS_GROUP]
            )
            .distinct()
        )

    def users_with_permission(self, action):
        return self.users_with_any_permission([action])


register_permission_policy(NetworkPartner, AlertRolePolicy(NetworkPartner), exact_class=True)
register_permission_policy(ResourceType, AlertRolePolicy(ResourceType), exact_class=True)


def stale_cutoff(now=None):
    now = now or timezone.now()
    return now - timedelta(days=settings.MOBILISATION_STALE_AFTER_DAYS)


def stale_partners(now=None):
    """Active partners whose entry was not confirmed current for too long: to review."""
    return NetworkPartner.objects.filter(active=True).filter(
        Q(reviewed_at__isnull=True) | Q(reviewed_at__lt=stale_cutoff(now))
    )


class StaleColumn(Column):
    def get_value(self, instance):
        return gettext("Stale: to review") if instance.is_stale_at(timezone.now()) else ""


class NetworkPartnerFilterSet(WagtailFilterSet):
    stale = django_filters.BooleanFilter(
        label=_("Entries to review (stale)"), method="filter_stale"
    )

    class Meta:
        model = NetworkPartner
        fields = ["language", "availability", "active"]

    def filter_stale(self, queryset, name, value):
        if value is None:
            return queryset
        stale = Q(reviewed_at__isnull=True) | Q(reviewed_at__lt=stale_cutoff())
        return queryset.filter(stale) if value else queryset.exclude(stale)


class CapabilitiesMixin:
    """The partner's capabilities (resource type, quantity, note) on the same page."""

    def get_capability_formset(self):
        if not hasattr(self, "_capability_formset"):
            instance = getattr(self, "object", None) or NetworkPartner()
            self._capability_formset = CapabilityFormSet(
                self.request.POST if self.request.method == "POST" else None,
                instance=instance,
                prefix="capabilities",
            )
        return self._capability_formset

    def form_valid(self, form):
        if not self.get_capability_formset().is_valid():
            return self.form_invalid(form)
        return super().form_valid(form)

    def save_instance(self):
        instance = super().save_instance()
        formset = self.get_capability_formset()
        formset.instance = instance
        formset.save()
        return instance

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["capability_formset"] = self.get_capability_formset()
        partner = getattr(self, "object", None)
        if partner is not None and partner.pk:
            context["contacts_url"] = reverse("network_partners:contacts", args=[partner.pk])
            context["partner_contacts"] = partner.contacts.filter(active=True).order_by(
                "position", "pk"
            )
        return context


class PartnerCreateView(CapabilitiesMixin, generic.CreateView):
    pass


class PartnerEditView(CapabilitiesMixin, generic.EditView):
    pass


class PartnerContactsView(View):
    """The partner's contacts in order: add (addresses pending until confirmed), add or
    change an address, move, remove. Every change goes through network_services."""

    template_name = "mobilisation/admin/network/contacts.html"

    def dispatch(self, request, pk):
        if not roles.has_alert_role(request.user):
            raise PermissionDenied
        self.partner = get_object_or_404(NetworkPartner, pk=pk)
        return super().dispatch(request, pk)

    def render(self, contact_form=None, address_form=None, status=200):
        points = ContactPoint.objects.filter(active=True, channel__in=["email", "sms"])
        contacts = [
            (contact, points.filter(subscriber=contact.subscriber).order_by("pk"))
            for contact in self.partner.contacts.filter(active=True)
            .select_related("subscriber")
            .order_by("position", "pk")
        ]
        context = {
            "partner": self.partner,
            "contacts": contacts,
            "contact_form": contact_form
            or ContactForm(prefix="contact", initial={"language": self.partner.language}),
            "address_form": address_form or AddressForm(prefix="address"),
            "edit_url": reverse("network_partners:edit", args=[self.partner.pk]),
            "header_title": gettext("Contacts of %(partner)s") % {"partner": self.partner.name},
            "page_title": gettext("Contacts of %(partner)s") % {"partner": self.partner.name},
        }
        return TemplateResponse(self.request, self.template_name, context, status=status)

    def get(self, request, pk):
        return self.render()

    def post(self, request, pk):
        action = request.POST.get("action", "")
        user = request.user
        here = request.path
        try:
            if action == "contact_add":
                form = ContactForm(request.POST, prefix="contact")
                if not form.is_valid():
                    return self.render(contact_form=form, status=400)
                data = form.cleaned_data
                network_services.partner_contact_add(
                    partner=self.partner,
                    name=data["name"],
                    role=data["role"],
                    language=data["language"],
                    email=data["email"],
                    phone=data["phone"],
                    client_ip=client_ip(request),
                    user=user,
                )
                messages.success(
                    request,
                    gettext(
                        "Contact added. Their addresses are used once confirmed (link by "
                        "email, code by SMS to enter on the partner's self-service page)."
                    ),
                )
                return redirect(here)
            raw = request.POST.get("contact", "")
            contacts = self.partner.contacts.filter(active=True)
            contact = contacts.filter(pk=int(raw)).first() if raw.isdigit() else None
            if contact is None:
                messages.error(request, gettext("This contact is no longer on the list."))
                return redirect(here)
            if action == "address_add":
                form = AddressForm(request.POST, prefix="address")
                if not form.is_valid():
                    return self.render(address_form=form, status=400)
                network_services.partner_contact_address_add(
                    contact=contact,
                    email=form.cleaned_data["email"],
                    phone=form.cleaned_data["phone"],
                    client_ip=client_ip(request),
                    user=user,
                )
                messages.success(request, gettext("Confirmation sent to the new address."))
            elif action == "remove":
                network_services.partner_contact_remove(contact=contact, user=user)
                messages.success(request, gettext("Contact removed."))
            elif action in {"up", "down"}:
                network_services.partner_contact_move(
                    contact=contact, offset=-1 if action == "up" else 1, user=user
                )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        except RateLimited:
            messages.error(request, gettext("Too many requests: try again in a while."))
        return redirect(here)


class ResourceTypeViewSet(ModelViewSet):
    model = ResourceType
    icon = "tag"
    menu_label = _("Resource types")
    list_display = ["code", "name_fr", "name_nl", "unit_fr"]
    search_fields = ["code", "name_fr", "name_nl", "name_en"]
    form_fields = ["code", "name_fr", "name_nl", "name_en", "unit_fr", "unit_nl", "unit_en"]
    copy_view_enabled = False
    inspect_view_enabled = False


class NetworkPartnerViewSet(ModelViewSet):
    model = NetworkPartner
    icon = "group"
    menu_label = _("Network partners")
    add_view_class = PartnerCreateView
    edit_view_class = PartnerEditView
    list_display = [
        "name",
        "language",
        "availability",
        StaleColumn("stale", label=_("Review")),
        "reviewed_at",
        "reminded_at",
        "active",
    ]
    filterset_class = NetworkPartnerFilterSet
    search_fields = ["name"]
    copy_view_enabled = False
    inspect_view_enabled = False
    template_prefix = "mobilisation/admin/network/"
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("language"),
            FieldPanel("page"),
            FieldPanel("whole_region"),
            FieldPanel("communes"),
            FieldPanel("availability"),
            FieldPanel("available_from"),
            FieldPanel("available_until"),
            FieldPanel("reviewed_at"),
            FieldPanel("active"),
        ],
        base_form_class=NetworkPartnerAdminForm,
    )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("contacts/<int:pk>/", PartnerContactsView.as_view(), name="contacts"),
        ]


class NetworkReviewPanel(Component):
    """Dashboard panel for the crisis centre: partners whose entry is stale."""

    name = "mobilisation_network_review"
    order = 160
    template_name = "mobilisation/admin/network/review_panel.html"
    shown = 10

    def get_context_data(self, parent_context=None):
        context = super().get_context_data(parent_context)
        stale = stale_partners().order_by("reviewed_at", "name")
        context["count"] = stale.count()
        context["stale"] = list(stale[: self.shown])
        context["list_url"] = reverse("network_partners:index") + "?stale=true"
        return context


class CrisisCentreGroup(ViewSetGroup):
    menu_label = _("Crisis centre")
    menu_icon = "warning"
    menu_order = 160
    items = (
        NetworkPartnerViewSet("network_partners", url_prefix="network/partners"),
        ResourceTypeViewSet("network_resource_types", url_prefix="network/resource-types"),
    )
