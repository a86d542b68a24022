"""Each service is one transaction with an audit record of field names; a refused change writes nothing."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from tafelapp.domain.enums import DeadlineKind, DecisionKind
from tafelapp.domain.problems import InvalidInput
from tafelapp.services import case_service, meeting_service, table_service
from tafelapp.services.session import Session
from tafelapp.store import audit_repo


def _state(session: Session) -> tuple[int, str]:
    """Audit count and a fingerprint of every data table: proves nothing was written."""
    rows = []
    for (name,) in session.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").fetchall():
        rows.append((name, [tuple(r) for r in session.conn.execute(f"SELECT * FROM {name}")]))
    return len(audit_repo.all_records(session.conn)), json.dumps(rows, default=str)


def _refused(session: Session, call, code: str) -> InvalidInput:  # type: ignore[no-untyped-def]
    before = _state(session)
    with pytest.raises(InvalidInput) as info:
        call()
    assert code in {p.code for p in info.value.problems}, info.value.problems
    assert _state(session) == before
    return info.value


def test_audit_records_field_names_never_values(session: Session, demo: dict[str, str]) -> None:
    item = meeting_service.get_meeting(session, demo["jbt_meeting"]).agenda[0]
    meeting_service.update_safety_plan(session, item.id, worries="Uniek-geheim-zorg-8812")
    last = audit_repo.all_records(session.conn)[-1]
    assert last.action == "safety_plan.update" and last.entity == "agenda_item"
    assert last.fields == ("safety_plan.worries",)
    assert last.actor == "test-voorzitter"
    dump = json.dumps([r.__dict__ for r in audit_repo.all_records(session.conn)])
    assert "Uniek-geheim" not in dump and "Noor" not in dump and "Dalen" not in dump


def test_vto_gm_decision_other_than_investigation_is_refused(session: Session,
                                                              demo: dict[str, str]) -> None:
    case_id = demo["jbt_case"]
    case = case_service.get_case(session, case_id)
    assert case.referral is not None
    case_service.register_referral(session, case_id, {
        **case.referral.model_dump(), "route": "VTO_GM"})
    item = meeting_service.get_meeting(session, demo["jbt_meeting"]).agenda[0]
    err = _refused(session, lambda: meeting_service.take_decision(
        session, item.id, kind="NO_INVESTIGATION", motivation="m"),
        "decision.vto_gm_requires_investigation")
    assert any("VTO GM" in p.message for p in err.problems)
    outcome = meeting_service.take_decision(session, item.id, kind="INVESTIGATION",
                                            motivation="GM")
    assert outcome.citation and "2.6.1" in outcome.citation


def test_chair_disagreement_is_recorded_as_investigation(session: Session,
                                                         demo: dict[str, str]) -> None:
    item = meeting_service.get_meeting(session, demo["jbt_meeting"]).agenda[0]
    outcome = meeting_service.take_decision(session, item.id, kind="NO_INVESTIGATION",
                                            chair_disagrees=True, motivation="Ernstig genoeg")
    assert outcome.decision.kind is DecisionKind.INVESTIGATION
    assert outcome.citation and "001 §2.1.4" in outcome.citation
    stored = meeting_service.get_meeting(session, demo["jbt_meeting"]).agenda[0].decision
    assert stored is not None and stored.kind is DecisionKind.INVESTIGATION


def test_postponed_decision_starts_evaluation_deadline(session: Session,
                                                       demo: dict[str, str]) -> None:
    case = case_service.get_case(session, demo["jbt_case"])
    [deadline] = [d for d in case.deadlines if d.kind is DeadlineKind.POSTPONED_EVALUATION]
    meeting = meeting_service.get_meeting(session, demo["jbt_meeting"])
    assert meeting.agenda[0].decision is not None
    assert deadline.due_on == meeting.agenda[0].decision.evaluation_date
    _refused(session, lambda: meeting_service.take_decision(
        session, meeting.agenda[0].id, kind="POSTPONED_INVESTIGATION", motivation="m",
        conditions="c", evaluation_date=meeting.date), "decision.evaluation_date_not_future")


def test_scores_are_validated_and_respondent_must_participate(session: Session,
                                                              demo: dict[str, str]) -> None:
    item = meeting_service.get_meeting(session, demo["jbt_meeting"]).agenda[0]
    pid = item.participants[0].id
    for bad in (11, 7.5, "7", -1):
        err = _refused(session, lambda b=bad: meeting_service.record_scaling_answer(
            session, item.id, pid, b), "invalid.less_than_equal" if bad == 11 else
            "invalid.int_type" if bad in (7.5, "7")
            else "invalid.greater_than_equal")
        assert err.problems[0].field == "scaling_answer.score"
    _refused(session, lambda: meeting_service.record_scaling_answer(
        session, item.id, "niet-aanwezig", 5), "scaling.not_a_participant")


def test_zvt_casusregie_not_at_municipality_and_handover(session: Session,
                                                         demo: dict[str, str]) -> None:
    err = _refused(session, lambda: case_service.assign_case_lead(
        session, demo["zvt_case"], organisation="Gemeente Duinstede",
        organisation_kind="MUNICIPALITY", person="K. Regisseur"),
        "case_lead.municipality_at_zvt")
    assert "ketenregie" in err.problems[0].message
    case = case_service.assign_case_lead(session, demo["zvt_case"], organisation="Politie",
                                         organisation_kind="POLICE", person="Agent")
    assert len(case.active_case_leads()) == 1
    assert case.active_case_leads()[0].organisation == "Politie"
    assert len(case.case_leads) == 2


def test_zvt_records_plan_of_approach_not_a_decision(session: Session,
                                                     demo: dict[str, str]) -> None:
    item = meeting_service.get_meeting(session, demo["zvt_meeting"]).agenda[0]
    _refused(session, lambda: meeting_service.take_decision(
        session, item.id, kind="INVESTIGATION", motivation="m"), "decision.not_at_zvt")
    meeting_service.record_plan_of_approach(session, item.id, "Eén plan van aanpak.")
    jbt_item = meeting_service.get_meeting(session, demo["jbt_meeting"]).agenda[0]
    _refused(session, lambda: meeting_service.record_plan_of_approach(
        session, jbt_item.id, "x"), "plan.only_zvt")


def test_condition_needs_consequence(session: Session, demo: dict[str, str]) -> None:
    item = meeting_service.get_meeting(session, demo["jbt_meeting"]).agenda[0]
    _refused(session, lambda: meeting_service.add_agreement(
        session, item.id, kind="CONDITION", text="Ouders werken mee", owner="Ouders"),
        "agreement.consequence_missing")


def test_jbt_verdict_follows_the_record(session: Session, demo: dict[str, str]) -> None:
    item = meeting_service.get_meeting(session, demo["jbt_meeting"]).agenda[0]
    assert meeting_service.item_status(session, item.id).counts_as_jbt is True
    rvdk = next(p for p in item.participants if p.role.value == "RVDK")
    meeting_service.update_participant(session, item.id, rvdk.id, attendance="EXCUSED")
    status = meeting_service.item_status(session, item.id)
    assert status.counts_as_jbt is False
    assert [p.code for p in status.not_jbt_reasons] == ["jbt.absent.rvdk"]


def test_agenda_add_reorder_remove(session: Session, demo: dict[str, str]) -> None:
    table = table_service.list_tables(session)[0]
    assert table.kind.value == "JBT"
    other = case_service.open_case(
        session, table_id=table.id, family={"name": "Tweede"},
        children=[{"first_name": "A", "last_name": "B", "birth_date": dt.date(2019, 1, 1)}],
        referral={"route": "VTH", "date": dt.date.today(), "referrer_kind": "RVDK",
                  "referrer_organisation": "RvdK", "referrer_person": "R"})
    meeting_id = demo["jbt_meeting"]
    new = meeting_service.add_to_agenda(session, meeting_id, other.id)
    assert "hulpverlening" in new.purpose
    first = meeting_service.get_meeting(session, meeting_id).agenda[0]
    meeting_service.reorder_agenda(session, meeting_id, [new.id, first.id])
    assert [i.id for i in meeting_service.get_meeting(session, meeting_id).agenda] == [
        new.id, first.id]
    _refused(session, lambda: meeting_service.add_to_agenda(session, meeting_id, other.id),
             "meeting.case_twice")
    meeting_service.remove_from_agenda(session, new.id)
    agenda = meeting_service.get_meeting(session, meeting_id).agenda
    assert [i.id for i in agenda] == [first.id] and agenda[0].position == 0


def test_case_number_must_be_unique(session: Session, demo: dict[str, str]) -> None:
    table = table_service.list_tables(session)[1]
    _refused(session, lambda: case_service.open_case(
        session, table_id=table.id, family={"name": "X"}, case_number="ZVT-2026-0001",
        children=[{"first_name": "A", "last_name": "B", "birth_date": dt.date(2012, 1, 1)}]),
        "case.number_taken")
