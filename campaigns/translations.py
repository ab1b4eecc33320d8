"""Translations of the preparedness pages: a Dutch (or French) page is never live with the
other language's text, and the dashboard says what is left to translate.

wagtail-localize makes the target page from the source page. Left to its defaults it puts
the source text live on the target site in three ways, each closed here:

- submitting a page for translation publishes the copy at once when the source is live:
  `WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False` (settings) keeps it a draft;
- a synchronised locale (Settings › Locales, "synchronise from") gives every new page an
  alias in the other language, and Wagtail publishes an alias whenever its original is
  published: `alias_keep_unpublished` keeps an alias in another language a draft;
- "Publish" in wagtail-localize's translation editor publishes even with untranslated texts
  (filled in from the source) and outside the moderation workflow: `translation_submit`
  refuses an incomplete translation and sends a complete one through the page's workflow,
  like any page (it goes live when an editor approves it).
"""

import logging
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import Translation

logger = logging.getLogger(__name__)


def alias_keep_unpublished(sender, instance, raw=False, **kwargs):
    """pre_save: an alias of a page in another language is never live.

    Wagtail marks an alias live when it is created from a live page and every time its
    original is published (`Page.update_aliases`); across languages that would serve the
    source text on the other language's site. The alias stays a draft placeholder, listed on
    the dashboard as a missing translation, until it is translated (which converts it into a
    page of its own).
    """
    if raw or not isinstance(instance, Page) or not instance.alias_of_id or not instance.live:
        return
    original_locale = (
        Page.objects.filter(pk=instance.alias_of_id).values_list("locale_id", flat=True).first()
    )
    if original_locale != instance.locale_id:
        instance.live = False
        instance.has_unpublished_changes = True


def incomplete_translation_keep_unpublished(sender, instance, raw=False, **kwargs):
    """pre_save: a page that wagtail-localize translates does not go live while any of its
    texts is untranslated, whatever publishes it.

    The translation editor's "Publish" and the dashboard are refused earlier, with the
    reason; this catches the paths that call no hook, such as Wagtail's bulk "Publish" in a
    page listing, which would put the source language's fill-in text on the other site. A
    page already live is left as it is (unpublishing it would take a reviewed page away).
    """
    if raw or not isinstance(instance, Page) or not instance.live or not instance.pk:
        return
    if instance.alias_of_id:
        return  # alias_keep_unpublished
    was_live = Page.objects.filter(pk=instance.pk).values_list("live", flat=True).first()
    if was_live:
        return
    translation = page_translation(instance)
    if translation is None or translation_progress(translation).complete:
        return
    logger.warning(
        "page %s (%s) kept unpublished: its translation has untranslated texts",
        instance.pk,
        translation.target_locale.language_code,
    )
    instance.live = False
    instance.has_unpublished_changes = True


def page_translation(page: Page) -> Translation | None:
    """The wagtail-localize translation (synced, enabled) whose target is `page`, if any."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("source", "target_locale")
        .first()
    )


@dataclass(frozen=True)
class Progress:
    translated: int
    total: int

    @property
    def complete(self) -> bool:
        return self.translated >= self.total

    @property
    def missing(self) -> int:
        return self.total - self.translated


def translation_progress(translation: Translation) -> Progress:
    """How many of the source's texts have a translation (without error) in the target
    language."""
    total, translated = translation.get_progress()
    return Progress(translated=translated, total=total)


@dataclass(frozen=True)
class SubmitOutcome:
    """What `translation_submit` did: "incomplete" (nothing saved), "submitted" (a draft,
    sent to the workflow), "updated" (a new draft of a page already in review) or
    "no_workflow" (nothing done: the caller publishes as usual)."""

    status: str
    progress: Progress
    workflow_name: str = ""


@transaction.atomic
def translation_submit(*, translation: Translation, page: Page, user) -> SubmitOutcome:
    """The translator is done: the target page goes to review, never straight to the site.

    Refused while any text is untranslated. A page under a moderation workflow gets a draft
    revision with the translated texts and enters the workflow (or resumes it after changes
    were requested; a page already in review gets the new draft, which is what the approver
    publishes); Wagtail publishes it when the workflow's last task is approved. A page without
    workflow is left to wagtail-localize's own publishing (the caller's permission check
    applies).
    """
    progress = translation_progress(translation)
    if not progress.complete:
        return SubmitOutcome("incomplete", progress)
    workflow = page.get_workflow()
    if workflow is None:
        return SubmitOutcome("no_workflow", progress)
    translation.save_target(user=user, publish=False)
    page = Page.objects.get(pk=page.pk).specific
    state = page.current_workflow_state
    if state is None:
        workflow.start(page, user)
        return SubmitOutcome("submitted", progress, workflow.name)
    if state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
        return SubmitOutcome("submitted", progress, workflow.name)
    return SubmitOutcome("updated", progress, state.workflow.name)


# -- the dashboard --------------------------------------------------------------------------

MISSING = "missing"
DRAFT = "draft"
PARTIAL = "partial"
OUTDATED = "outdated"


@dataclass
class TranslationGap:
    source: Page
    language: str
    state: str  # MISSING, DRAFT (not live), PARTIAL (live, texts untranslated) or OUTDATED
    translation: Page | None = None
    source_changed_at: datetime | None = None
    translated_at: datetime | None = None
    progress: Progress | None = None  # when wagtail-localize translates the page
    in_review: bool = False  # the translation is in a moderation workflow
    localize_source_id: int | None = None  # wagtail-localize's TranslationSource


def translation_gaps() -> list[TranslationGap]:
    """Live pages whose French or Dutch version is missing, unpublished, partly translated
    or older than its source.

    The source of a page is its French version (Dutch and English are translated from
    French); a page written first in another language has that page as its source. A
    wagtail-localize alias (an untranslated placeholder) counts as missing. A translation
    is partly translated when wagtail-localize still lacks some of its texts (what it would
    publish in the source language), and out of date when the source has a revision newer
    than the translation's last publication.
    """
    required = list(settings.REQUIRED_LANGUAGES)
    pages = (
        Page.objects.filter(depth__gt=1, locale__language_code__in=required)
        .select_related("locale")
        .order_by("path")
    )
    by_key = defaultdict(dict)
    for page in pages:
        by_key[page.translation_key][page.locale.language_code] = page
    localized = {
        (str(t.source.object_id), t.target_locale.language_code): t
        for t in Translation.objects.filter(
            enabled=True, target_locale__language_code__in=required
        ).select_related("source", "target_locale")
    }
    in_review = set(
        WorkflowState.objects.active()
        .filter(base_content_type=ContentType.objects.get_for_model(Page))
        .values_list("object_id", flat=True)
    )
    gaps = []
    for key, versions in by_key.items():
        source = versions.get(required[0]) or next(iter(versions.values()))
        if not source.live or source.alias_of_id:
            continue
        for language in required:
            if language == source.locale.language_code:
                continue
            translation = versions.get(language)
            if translation is None or translation.alias_of_id:
                gaps.append(TranslationGap(source, language, MISSING))
                continue
            localize = localized.get((str(key), language))
            progress = translation_progress(localize) if localize else None
            changed = source.latest_revision_created_at
            translated = translation.last_published_at
            gap = TranslationGap(
                source,
                language,
                OUTDATED,
                translation,
                changed,
                translated,
                progress,
                str(translation.pk) in in_review,
                localize.source_id if localize else None,
            )
            if not translation.live:
                gap.state = DRAFT
            elif progress and not progress.complete:
                gap.state = PARTIAL
            elif not (changed and (translated is None or changed > translated)):
                continue
            gaps.append(gap)
    return gaps
