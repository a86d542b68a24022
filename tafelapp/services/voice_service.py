"""Use cases of the family's own voice, a professional's dissent, and schorsen and voortzetten."""

from __future__ import annotations

from typing import Any

from tafelapp.domain.meeting import AgendaItem, Continuation, Dissent, FamilyVoice
from tafelapp.services.meeting_service import _change_item
from tafelapp.services.session import Session, build, not_found


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
    def change(_m: object, item: AgendaItem) -> AgendaItem:
        if not any(d.id == dissent_id for d in item.dissents):
            raise not_found("dissent", "dissents", dissent_id)
        return item.model_copy(update={"dissents": [d for d in item.dissents
                                                    if d.id != dissent_id]})
    _change_item(session, item_id, "dissent.remove", change)


def continue_on(session: Session, item_id: str, on: Any, reason: str,
                start: Any = None) -> AgendaItem:
    """Schorsen: the discussion stops today and is voortgezet on `on` (a later day), with why.
    The decision, when taken then, is dated on that day and so are the terms it starts."""
    part = build(Continuation, "continuations", on=on, reason=reason, start=start)
    return _change_item(session, item_id, "item.continue", lambda m, i: i.model_copy(
        update={"continuations": [*i.continuations, part]}))
