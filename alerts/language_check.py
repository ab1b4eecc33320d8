"""Reads: the texts of an alert that read as another language than their info block's.

Each info block (FR, NL, EN) is checked field by field: headline, description,
instruction and SMS text, each split into paragraphs, so that the composer's detail and
approval screens can say "the NL description reads as French" with the paragraph. A flag,
never a refusal: the approver reads it and decides.
"""

from dataclasses import dataclass

from alerts.models import AlertInfo
from portal.language_check import LanguageFlag, language_flags, paragraphs_of_text

INFO_TEXT_FIELDS = ("headline", "description", "instruction", "sms_text")


@dataclass(frozen=True)
class InfoLanguageFlag:
    language: str  # the info block's: "nl"
    field: str  # "description"
    flag: LanguageFlag

    @property
    def field_label(self) -> str:
        return str(AlertInfo._meta.get_field(self.field).verbose_name)


def alert_language_flags(alert) -> list[InfoLanguageFlag]:
    """The paragraphs of `alert`'s info blocks that read as another language, block by
    block in language order, field by field."""
    found = []
    for info in alert.infos.all():
        for name in INFO_TEXT_FIELDS:
            paragraphs = paragraphs_of_text(getattr(info, name))
            found += [
                InfoLanguageFlag(info.language, name, flag)
                for flag in language_flags(paragraphs, info.language)
            ]
    return found
