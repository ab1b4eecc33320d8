"""A Dutch page is never live with French text: submitting a page for translation, a
synchronised locale's placeholders and the translation editor's "Publish" leave the Dutch
page unpublished until its texts are translated and an editor approves it in the workflow;
and the dashboard lists what is left to do."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Locale, Page, TaskState, WorkflowPage
from wagtail.users.models import UserProfile
from wagtail_localize.models import LocaleSynchronization, StringTranslation, Translation
from wagtail_localize.operations import translate_object
from wagtail_localize.synctree import create_aliases_for_new_page

from campaigns import factories, services, translations
from campaigns.models import GuidePage
from tests.campaigns.conftest import publish, translate
from tests.conftest import login_with_second_factor

pytestmark = pytest.mark.django_db

FRENCH_TITLE = "Préparer son logement à une coupure de gaz"
DUTCH = {
    FRENCH_TITLE: "Uw woning voorbereiden op een gasonderbreking",
    "preparer-son-logement-a-une-coupure-de-gaz": "uw-woning-voorbereiden-op-een-gasonderbreking",
    "Fermez le robinet de gaz.": "Draai de gaskraan dicht.",
}


@pytest.fixture
def guides(sections):
    return sections["guides"]


@pytest.fixture
def workflow(guides):
    return services.editorial_workflow_setup(listing_pages=[guides["fr"], guides["nl"]])


def _in_english(user):
    """The admin speaks English to `user`, whatever the site's default language."""
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


def _user(django_user_model, username, group):
    user = django_user_model.objects.create_user(username, password="x")
    user.groups.add(Group.objects.get(name=group))
    return _in_english(user)


@pytest.fixture
def editor(django_user_model, workflow):
    return _user(django_user_model, "editor", services.EDITORS)


def _french_guide(guides):
    return publish(
        factories.GuidePageFactory(
            parent=guides["fr"],
            title=FRENCH_TITLE,
            slug="preparer-son-logement-a-une-coupure-de-gaz",
            intro="Fermez le robinet de gaz.",
        )
    )


def _dutch(page) -> GuidePage:
    return GuidePage.objects.get(translation_key=page.translation_key, locale__language_code="nl")


def _localize(page) -> Translation:
    return Translation.objects.get(
        source__object_id=page.translation_key, target_locale__language_code="nl"
    )


def _translate_texts(page, *, leave_out=()):
    """The translator's work in wagtail-localize's editor: every text of the French page
    translated into Dutch, except `leave_out`."""
    localize = _localize(page)
    for segment in localize.source.stringsegment_set.select_related("string", "context"):
        french = segment.string.data
        if french in leave_out:
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=localize.target_locale,
            context=segment.context,
            defaults={"data": DUTCH.get(french, f"NL {french}")},
        )
    return localize


def _public(client, page):
    return client.get(page.url)


def _listed(client, index, title) -> bool:
    return title in client.get(index.url).content.decode()


def test_submitting_a_live_page_for_translation_keeps_the_dutch_page_unpublished(
    client, guides, editor, django_capture_on_commit_callbacks
):
    french = _french_guide(guides)

    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes then
        translate_object(french, [Locale.objects.get(language_code="nl")], user=editor)

    dutch = _dutch(french)
    assert not dutch.live
    assert _public(client, dutch).status_code == 404
    assert not _listed(client, guides["nl"], FRENCH_TITLE)


def test_a_bulk_publish_of_an_untranslated_dutch_draft_keeps_it_off_the_site(
    client, guides, editor, django_capture_on_commit_callbacks
):
    french = _french_guide(guides)
    with django_capture_on_commit_callbacks(execute=True):
        translate_object(french, [Locale.objects.get(language_code="nl")], user=editor)
    _translate_texts(french, leave_out=("Fermez le robinet de gaz.",))
    dutch = _dutch(french)

    # What Wagtail's bulk "Publish" in a page listing does: publish the latest revision,
    # calling no admin hook.
    dutch.save_revision(user=editor).publish(user=editor)

    dutch.refresh_from_db()
    assert not dutch.live
    assert _public(client, dutch).status_code == 404
    assert not _listed(client, guides["nl"], FRENCH_TITLE)


def test_a_synchronised_locales_placeholder_never_shows_the_french_text(
    client, guides, editor, django_capture_on_commit_callbacks
):
    LocaleSynchronization.objects.create(
        locale=Locale.objects.get(language_code="nl"),
        sync_from=Locale.objects.get(language_code="fr"),
    )
    french = _french_guide(guides)
    create_aliases_for_new_page(french)  # what the admin does after creating a page
    placeholder = _dutch(french)
    assert placeholder.alias_of_id == french.pk
    assert not placeholder.live

    french.intro = "Fermez le robinet de gaz et aérez."
    french.save_revision().publish()  # Wagtail republishes the page's aliases

    placeholder.refresh_from_db()
    assert not placeholder.live
    assert _public(client, placeholder).status_code == 404
    assert not _listed(client, guides["nl"], FRENCH_TITLE)
    (gap,) = translations.translation_gaps()
    assert (gap.source.pk, gap.state) == (french.pk, translations.MISSING)

    # Translating the placeholder converts it into a page of its own, still a draft.
    with django_capture_on_commit_callbacks(execute=True):
        translate_object(french, [Locale.objects.get(language_code="nl")], user=editor)
    converted = _dutch(french)
    assert converted.alias_of_id is None
    assert not converted.live
    assert _public(client, converted).status_code == 404


def test_an_alias_in_the_same_language_stays_live(guides):
    french = _french_guide(guides)
    alias = french.create_alias(update_slug="copie")
    assert alias.live


def _publish_in_dutch(client, user, page):
    """ "Publish in Dutch" in wagtail-localize's translation editor."""
    login_with_second_factor(client, user)
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    return client.post(url, {"action": "publish"}, follow=True)


def test_the_translation_editor_refuses_to_publish_untranslated_texts(client, guides, editor):
    french = _french_guide(guides)
    translate_object(french, [Locale.objects.get(language_code="nl")], user=editor)
    _translate_texts(french, leave_out={"Fermez le robinet de gaz."})

    response = _publish_in_dutch(client, editor, _dutch(french))

    dutch = _dutch(french)
    assert not dutch.live
    assert dutch.current_workflow_state is None
    html = response.content.decode()
    assert "cannot go live in Dutch yet: 1 of" in html
    assert _public(client, dutch).status_code == 404


def test_a_translated_page_goes_live_only_once_an_editor_approves_it(
    client, guides, editor, django_user_model
):
    french = _french_guide(guides)
    translate_object(french, [Locale.objects.get(language_code="nl")], user=editor)
    _translate_texts(french)

    response = _publish_in_dutch(client, editor, _dutch(french))

    dutch = _dutch(french)
    assert not dutch.live
    assert f"was submitted to {services.EDITORIAL_WORKFLOW}" in response.content.decode()
    state = dutch.current_workflow_state
    assert state.current_task_state.task.name == services.EDITORIAL_TASK
    assert _public(client, dutch).status_code == 404

    approver = _user(django_user_model, "approver", services.EDITORS)
    task_state = state.current_task_state.specific
    task_state.task.specific.on_action(task_state, approver, "approve")

    dutch = _dutch(french)
    assert dutch.live
    assert task_state.__class__.objects.get(pk=task_state.pk).status == TaskState.STATUS_APPROVED
    assert dutch.title == DUTCH[FRENCH_TITLE]
    assert dutch.slug == "uw-woning-voorbereiden-op-een-gasonderbreking"
    page = _public(client, dutch)
    assert page.status_code == 200
    assert "Draai de gaskraan dicht." in page.content.decode()
    assert FRENCH_TITLE not in page.content.decode()
    assert _listed(client, guides["nl"], DUTCH[FRENCH_TITLE])


def test_a_page_without_workflow_publishes_once_translated(
    client, guides, django_user_model, django_capture_on_commit_callbacks
):
    WorkflowPage.objects.all().delete()  # not even Wagtail's default one on the root
    french = _french_guide(guides)
    admin = _in_english(django_user_model.objects.create_superuser("admin", password="x"))
    translate_object(french, [Locale.objects.get(language_code="nl")], user=admin)
    _translate_texts(french)

    with django_capture_on_commit_callbacks(execute=True):
        _publish_in_dutch(client, admin, _dutch(french))

    dutch = _dutch(french)
    assert dutch.live
    assert dutch.title == DUTCH[FRENCH_TITLE]


def test_syncing_a_changed_source_never_republishes_french_text_on_the_dutch_page(
    client, guides, django_user_model, django_capture_on_commit_callbacks
):
    WorkflowPage.objects.all().delete()
    french = _french_guide(guides)
    admin = _in_english(django_user_model.objects.create_superuser("admin", password="x"))
    translate_object(french, [Locale.objects.get(language_code="nl")], user=admin)
    localize = _translate_texts(french)
    with django_capture_on_commit_callbacks(execute=True):
        localize.save_target(user=admin, publish=True)
    french.intro = "Aérez la pièce et quittez le bâtiment."
    french.save_revision().publish()
    login_with_second_factor(client, admin)
    sync = reverse("wagtail_localize:update_translations", args=[localize.source_id])

    form = client.get(sync).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(sync, {"publish_translations": "on"})

    assert 'name="publish_translations"' not in form
    page = _public(client, _dutch(french)).content.decode()
    assert "Draai de gaskraan dicht." in page
    assert "Aérez la pièce" not in page
    (gap,) = translations.translation_gaps()
    assert (gap.state, gap.progress.missing) == ("partial", 1)


# -- the dashboard --------------------------------------------------------------------------


def test_translation_gaps_missing_and_outdated(guides):
    index = guides["fr"]
    publish(factories.GuidePageFactory(parent=index, title="Sans traduction"))
    changed = publish(factories.GuidePageFactory(parent=index, title="Modifié"))
    translate(changed, "nl", title="Gewijzigd")
    current = publish(factories.GuidePageFactory(parent=index, title="À jour"))
    translate(current, "nl", title="Actueel")
    changed.intro = "Nouvelle introduction."
    changed.save_revision()  # a new draft of the source, after the translation

    gaps = {(gap.source.title, gap.language): gap.state for gap in translations.translation_gaps()}
    assert gaps == {("Sans traduction", "nl"): "missing", ("Modifié", "nl"): "outdated"}


def test_a_dutch_page_without_french_version_is_a_gap(guides):
    dutch_only = publish(factories.GuidePageFactory(parent=guides["nl"], title="Alleen Nederlands"))
    (gap,) = translations.translation_gaps()
    assert (gap.source.pk, gap.language, gap.state) == (dutch_only.pk, "fr", "missing")


def test_an_untranslated_wagtail_localize_alias_counts_as_missing(guides):
    page = publish(factories.GuidePageFactory(parent=guides["fr"], title="Voisins"))
    page.copy_for_translation(Locale.objects.get(language_code="nl"), alias=True)
    (gap,) = translations.translation_gaps()
    assert (gap.source.pk, gap.language, gap.state) == (page.pk, "nl", "missing")


def test_unpublished_and_partly_translated_pages_are_gaps(
    guides, editor, django_capture_on_commit_callbacks
):
    french = _french_guide(guides)
    nl = [Locale.objects.get(language_code="nl")]
    translate_object(french, nl, user=editor)
    partly = publish(factories.GuidePageFactory(parent=guides["fr"], title="Guide à moitié"))
    translate_object(partly, nl, user=editor)
    localize = _translate_texts(partly)
    with django_capture_on_commit_callbacks(execute=True):
        localize.save_target(user=editor, publish=True)
    # Live, then one text loses its translation (as when the source gains a text that a
    # sync brings in untranslated): the Dutch page stays live, partly translated.
    StringTranslation.objects.filter(
        translation_of__data="Guide à moitié", locale=localize.target_locale
    ).delete()

    gaps = {gap.source.pk: gap for gap in translations.translation_gaps()}

    draft = gaps[french.pk]
    assert (draft.state, draft.translation.pk, draft.in_review) == (
        "draft",
        _dutch(french).pk,
        False,
    )
    assert draft.progress.translated == 0 and draft.progress.total >= 2
    partial = gaps[partly.pk]
    assert partial.state == "partial" and partial.translation.live
    assert partial.progress.missing == 1


def _panel(client, user):
    login_with_second_factor(client, user)
    html = client.get("/admin/").content.decode()
    start = html.index('<section class="w-panel translation-status"')
    return html[start : html.index("</section>", start)]


def _row(panel, title):
    rows = panel.split("<tr")
    return next(row for row in rows if title in row)


def test_panel_links_each_gap_to_where_to_act(client, guides, editor, django_user_model):
    missing = publish(factories.GuidePageFactory(parent=guides["fr"], title="Guide sans NL"))
    french = _french_guide(guides)
    translate_object(french, [Locale.objects.get(language_code="nl")], user=editor)
    _translate_texts(french)
    _publish_in_dutch(client, editor, _dutch(french))  # in review now
    admin = _in_english(django_user_model.objects.create_superuser("admin", password="x"))

    panel = _panel(client, admin)

    missing_row = _row(panel, "Guide sans NL")
    assert "Translation missing" in missing_row
    submit = reverse("wagtail_localize:submit_page_translation", args=[missing.pk])
    assert f"{submit}?select_locale=nl" in missing_row
    review_row = _row(panel, FRENCH_TITLE)
    assert "Unpublished, in review" in review_row
    assert reverse("wagtailadmin_pages:edit", args=[_dutch(french).pk]) in review_row
    assert "Every live page" not in panel


def test_everything_published_and_translated_says_so(guides):
    french = _french_guide(guides)
    translate(french, "nl", title=DUTCH[FRENCH_TITLE])
    assert translations.translation_gaps() == []
    assert Page.objects.filter(translation_key=french.translation_key, live=True).count() == 2


def test_a_writer_submits_a_translated_draft_for_review_from_the_dashboard(
    client, guides, editor, django_user_model
):
    writer = _user(django_user_model, "writer", services.WRITERS)
    french = _french_guide(guides)
    translate_object(french, [Locale.objects.get(language_code="nl")], user=writer)
    untranslated = publish(factories.GuidePageFactory(parent=guides["fr"], title="Pas fini"))
    translate_object(untranslated, [Locale.objects.get(language_code="nl")], user=writer)
    _translate_texts(french)
    submit = reverse("campaigns_translation_submit", args=[_dutch(french).pk])

    panel = _panel(client, writer)

    assert f'action="{submit}"' in _row(panel, FRENCH_TITLE)
    assert "Submit for review" not in _row(panel, "Pas fini")
    response = client.post(submit, {"next": reverse("wagtailadmin_home")}, follow=True)
    assert f"was submitted to {services.EDITORIAL_WORKFLOW}" in response.content.decode()
    dutch = _dutch(french)
    assert not dutch.live
    assert dutch.current_workflow_state.current_task_state.task.name == services.EDITORIAL_TASK
    refused = client.post(
        reverse("campaigns_translation_submit", args=[_dutch(untranslated).pk]), follow=True
    )
    assert "cannot go live in Dutch yet" in refused.content.decode()
    assert _dutch(untranslated).current_workflow_state is None
