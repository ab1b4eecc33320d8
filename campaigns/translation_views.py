"""Admin views of the translations: sending a translated page to review, and
wagtail-localize's own views where they would put untranslated text live."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail.models import Page
from wagtail_localize.views.update_translations import UpdateTranslationsView

from campaigns.translations import SubmitOutcome, page_translation, translation_submit


def translation_submit_report(request, outcome: SubmitOutcome, translation, page) -> None:
    """What `translation_submit` did, as a message to the translator."""
    names = {
        "page": page.get_admin_display_title(),
        "language": translation.target_locale.get_display_name(),
        "workflow": outcome.workflow_name,
    }
    if outcome.status == "incomplete":
        messages.error(
            request,
            _(
                "“%(page)s” cannot go live in %(language)s yet: %(missing)s of %(total)s texts "
                "are not translated."
            )
            % {**names, "missing": outcome.progress.missing, "total": outcome.progress.total},
        )
    elif outcome.status == "submitted":
        messages.success(
            request,
            _(
                "“%(page)s” in %(language)s was submitted to %(workflow)s; it goes live once "
                "approved."
            )
            % names,
        )
    elif outcome.status == "updated":
        messages.success(
            request,
            _(
                "“%(page)s” in %(language)s is already in %(workflow)s; the approver will "
                "publish this version."
            )
            % names,
        )
    else:
        messages.error(
            request,
            _("“%(page)s” has no moderation workflow: publish it from the translation editor.")
            % names,
        )


@require_POST
def translation_submit_view(request, page_id):
    """The dashboard's "Submit for review" of a translated draft: what the translation
    editor's "Publish" does, for whoever may edit the page (writers included, who have no
    "Publish" button there)."""
    page = get_object_or_404(Page, id=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    translation = page_translation(page)
    if translation is None:
        raise Http404
    outcome = translation_submit(translation=translation, page=page, user=request.user)
    translation_submit_report(request, outcome, translation, page)
    return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_home"))


class UpdateTranslationsWithoutPublishingView(UpdateTranslationsView):
    """wagtail-localize's "Sync translated pages" without its "Publish immediately".

    That option republishes every translation at once with the source's new texts in the
    source language (French on the Dutch site) until someone translates them. Here syncing
    only brings the new texts to the translators; each translation goes live as any other,
    once translated and approved (campaigns.translations.translation_submit).
    """

    def get_form(self):
        form = super().get_form()
        del form.fields["publish_translations"]
        return form

    def form_valid(self, form):
        form.cleaned_data["publish_translations"] = False
        return super().form_valid(form)
