"""Finding the alert a partner's Update or Cancel refers to.

A partner's <references> name its own messages (sender,identifier,sent); an imported
alert keeps that identity (Alert.partner_*), so the partner's later message finds it
whether it still awaits approval here or was sent. The identity includes the account of
the import token: <sender> is only text in the document, so another partner copying it
(and the references, readable in any CAP relayed) must neither withdraw nor follow up an
alert it did not send. A reference to one of the portal's
own messages (a partner relaying our alert) is found by our identifier among sent alerts.
"""

from django.db.models import Q

from alerts.models import Alert, AlertState


def partner_referenced_alert(parsed, user) -> Alert | None:
    """The latest alert named by `parsed`'s references (locked), or None. Partner alerts
    are looked up among those imported by `user` (the import token's account)."""
    partner = Q()
    for sender, identifier, sent in parsed.reference_triples:
        partner |= Q(
            created_by=user,
            partner_sender=sender,
            partner_identifier=identifier,
            partner_sent=sent,
        )
    ours = Q(identifier__in=parsed.references, state=AlertState.SENT, partner_identifier="")
    return (
        Alert.objects.select_for_update()
        .filter((partner & ~Q(state=AlertState.DRAFT)) | ours if partner else ours)
        .order_by("-created_at")
        .first()
    )
