"""Opvolging of afspraken: after the notulen are final, the next discussion (or the werklijst)
records how each afspraak turned out; audited, outside the signed record; the werklijst stops
warning about an afspraak that has been followed up."""

from __future__ import annotations

import datetime as dt

import pytest

from tafelapp.domain.problems import InvalidInput
from tafelapp.domain.worklist import Attention
from tafelapp.services import (
    followup_service,
    meeting_service,
    minutes_service,
    vault_service,
    worklist_service,
)
from tafelapp.services.session import Session
from tafelapp.store import audit_repo


def _final_first_meeting(session: Session, demo: dict[str, str]) -> str:
    """Sign the notulen of the demo's first JBT discussion; returns that item's id."""
    item = meeting_service.get_meeting(session, demo["jbt_meeting"]).agenda[0]
    minutes = minutes_service.draft_minutes(session, item.id)
    chair = minutes_service.create_local_identity(session, "Mr. A. de Voorzitter (fictief)", "111111")
    sec = minutes_service.create_local_identity(session, "B. Secretaris (fictief)", "222222")
    minutes_service.sign_minutes(session, minutes.id, chair.id, "111111", "CHAIR")
    minutes_service.sign_minutes(session, minutes.id, sec.id, "222222", "SECRETARY")
    return item.id


def _overdue(session: Session) -> list[str]:
    return [w.case_number for w in worklist_service.work_list(session)
            if w.kind is Attention.AGREEMENT_OVERDUE]


def test_an_afspraak_goes_from_overdue_to_followed_up_without_a_false_warning(
        session: Session, demo: dict[str, str]) -> None:
    first = _final_first_meeting(session, demo)
    later = meeting_service.get_meeting(session, demo["jbt_evaluation"]).agenda[0]
    assert _overdue(session) == ["JBT-2026-0001"]
    [*_, overdue] = [e for e in followup_service.for_item(session, later.id)
                     if e.agreement.due_date and e.agreement.status.value == "OPEN"]
    assert overdue.item_id == first and overdue.followup is None
    followup = followup_service.record_followup(
        session, overdue.agreement.id, item_id=later.id, status="PARTLY", on=session.today(),
        said_by="Jeugdbeschermer", note="Twee van de drie gesprekken gevoerd.")
    assert _overdue(session) == []  # followed up: no warning any more
    [again] = [e for e in followup_service.for_item(session, later.id)
               if e.agreement.id == overdue.agreement.id]
    assert again.followup == followup
    assert followup_service.recorded_in(session, later.id) == [followup]
    assert audit_repo.all_records(session.conn)[-1].action == "agreement.followup"
    # the signed record of the first meeting did not change: check still passes
    assert vault_service.check(session).record_mismatches == []
    # a correction is a newer follow-up; the latest counts
    followup_service.record_followup(session, overdue.agreement.id, status="KEPT",
                                     on=session.today(), said_by="Moeder")
    [latest] = [e for e in followup_service.for_item(session, later.id)
                if e.agreement.id == overdue.agreement.id]
    assert latest.followup is not None and latest.followup.status.value == "KEPT"


def test_wrong_follow_ups_are_refused_in_words_and_nothing_is_stored(
        session: Session, demo: dict[str, str]) -> None:
    first = meeting_service.get_meeting(session, demo["jbt_meeting"]).agenda[0]
    agreement = first.agreements[1].id
    cases = [
        ({"status": "NOT_KEPT", "on": session.today(), "said_by": "Moeder"},
         "Toelichting: zeg kort wat er is gebeurd (bij 'niet nagekomen')"),
        ({"status": "KEPT", "on": session.today() + dt.timedelta(days=2), "said_by": "Moeder"},
         "Datum opvolging: de datum ligt in de toekomst"),
        ({"status": "KEPT", "on": dt.date(2026, 1, 1), "said_by": "Moeder"},
         "Datum opvolging: de datum ligt vóór de bespreking"),
        ({"status": "MISSCHIEN", "on": session.today(), "said_by": "Moeder"}, "Status"),
        ({"status": "KEPT", "on": session.today(), "said_by": ""}, "Wie zegt dit"),
    ]
    before = len(audit_repo.all_records(session.conn))
    for fields, words in cases:
        with pytest.raises(InvalidInput) as info:
            followup_service.record_followup(session, agreement, **fields)
        assert words in info.value.problems[0].render(), info.value.problems[0].render()
    with pytest.raises(InvalidInput) as info:  # in the same discussion: not a later one
        followup_service.record_followup(session, agreement, item_id=first.id, status="KEPT",
                                         on=session.today(), said_by="Moeder")
    assert "latere bespreking" in info.value.problems[0].render()
    assert len(audit_repo.all_records(session.conn)) == before


@pytest.mark.parametrize("early_check", [True, False], ids=["services", "store-only"])
def test_a_follow_up_in_a_signed_later_discussion_is_refused(
        session: Session, demo: dict[str, str], monkeypatch: pytest.MonkeyPatch,
        early_check: bool) -> None:
    from tafelapp.domain.minutes import MinutesStatus
    from tafelapp.services import followup_service as module
    from tafelapp.store import minutes_repo

    _final_first_meeting(session, demo)
    later = meeting_service.get_meeting(session, demo["jbt_evaluation"]).agenda[0]
    first = meeting_service.get_meeting(session, demo["jbt_meeting"]).agenda[0]
    real = minutes_repo.item_lock
    monkeypatch.setattr(minutes_repo, "item_lock", lambda conn, item_id: (
        MinutesStatus.SIGNING if item_id == later.id else real(conn, item_id)))
    if not early_check:  # the store's guard alone
        monkeypatch.setattr(module, "refuse_if_signed", lambda s, i: None)
    before = len(audit_repo.all_records(session.conn))
    with pytest.raises(InvalidInput) as info:
        followup_service.record_followup(session, first.agreements[1].id, item_id=later.id,
                                         status="KEPT", on=session.today(), said_by="Moeder")
    assert "worden ondertekend" in info.value.problems[0].render()
    assert len(audit_repo.all_records(session.conn)) == before
    # from the werklijst it can still be recorded (it is not part of a signed record)
    followup_service.record_followup(session, first.agreements[1].id, status="KEPT",
                                     on=session.today(), said_by="Moeder")


@pytest.mark.parametrize(("kind", "words"), [
    ("INVESTIGATION", "voorwaarden niet nagekomen: het raadsonderzoek start alsnog"),
    ("NO_INVESTIGATION", "voorwaarden nagekomen: geen raadsonderzoek")])
def test_the_evaluation_meeting_closes_the_term_with_its_outcome_and_rule(
        session: Session, demo: dict[str, str], kind: str, words: str) -> None:
    from tafelapp.domain.enums import DeadlineKind
    from tafelapp.services import case_service

    later = meeting_service.get_meeting(session, demo["jbt_evaluation"]).agenda[0]
    assert any(w.kind is Attention.DEADLINE_DUE_SOON for w in worklist_service.work_list(session))
    meeting_service.take_decision(session, later.id, kind=kind,
                                  motivation="Geëvalueerd met ouders en Raad.")
    [term] = [d for d in case_service.get_case(session, later.case_id).deadlines
              if d.kind is DeadlineKind.POSTPONED_EVALUATION]
    assert term.done_on == session.today()
    assert term.note is not None and words in term.note and "001 §2.1.3 f" in term.note
    assert not any(w.kind is Attention.DEADLINE_DUE_SOON
                   for w in worklist_service.work_list(session))
