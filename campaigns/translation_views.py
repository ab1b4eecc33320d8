"""wagtail-localize's admin views, where they would put untranslated text live."""

from wagtail_localize.views.update_translations import UpdateTranslationsView


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
