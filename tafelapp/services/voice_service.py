"""Use cases of the family's own voice and of a professional's dissent in one discussion."""

from __future__ import annotations

from typing import Any

from tafelapp.domain.meeting import AgendaItem, Dissent, FamilyVoice
from tafelapp.services.meeting_service import _change_item
from tafelapp.services.session import Session, build


def record_family_voice(session: Session, item_id: str, participant_id: str,
                        **fields: Any) -> AgendaItem:
    """How a parent or young person sees the zorgen and whether they agree with the decision
    (eens / deels / oneens, in their own words, or niet gevraagd with the reason); replaces
    what was recorded for them before."""
    voice = build(FamilyVoice, "family_voices", participant_id=participant_id, **fields)
    return _change_item(session, item_id, "family_voice.record", lambda m, i: i.model_copy(
        update={"family_voices": [*[v for v in i.family_voices
                                    if v.participant_id != participant_id], voice]}))


def record_dissent(session: Session, item_id: str, participant_id: str, reason: str) -> Dissent:
    """A professional at the table disagrees with the decision: who, and why."""
    dissent = build(Dissent, "dissents", participant_id=participant_id, reason=reason)
    _change_item(session, item_id, "dissent.record", lambda m, i: i.model_copy(
        update={"dissents": [*i.dissents, dissent]}))
    return dissent


def remove_dissent(session: Session, item_id: str, dissent_id: str) -> None:
    """Withdraw a dissent recorded by mistake."""
    _change_item(session, item_id, "dissent.remove", lambda m, i: i.model_copy(
        update={"dissents": [d for d in i.dissents if d.id != dissent_id]}))
