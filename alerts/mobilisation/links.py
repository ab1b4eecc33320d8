"""Absolute links for partner contacts, in their language."""

from django.urls import reverse
from django.utils import translation

from portal.site_urls import absolute_url

from . import tokens


def answer_url(target_id: int, contact_id: int, language: str) -> str:
    with translation.override(language):
        path = reverse(
            "mobilisation:answer", kwargs={"token": tokens.answer_token(target_id, contact_id)}
        )
    return absolute_url(path)


def situation_url(target_id: int, contact_id: int, language: str) -> str:
    with translation.override(language):
        path = reverse(
            "mobilisation:situation", kwargs={"token": tokens.answer_token(target_id, contact_id)}
        )
    return absolute_url(path)


def self_service_url(partner_id: int, language: str) -> str:
    with translation.override(language):
        path = reverse(
            "mobilisation:partner_update", kwargs={"token": tokens.partner_token(partner_id)}
        )
    return absolute_url(path)
