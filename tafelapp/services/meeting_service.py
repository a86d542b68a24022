"""Use cases for a meeting: schedule, agenda, participants, safety plan, scores, decision, agreements."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from tafelapp.domain.deadlines import close_evaluations, deadlines_after_decision
from tafelapp.domain.enums import AgreementStatus, DeadlineKind, TableKind
from tafelapp.domain.meeting import (
    AgendaItem,
    Agreement,
    ChildInvolvement,
    Decision,
    Meeting,
    Participant,
    ScalingAnswer,
)
from tafelapp.domain.problems import InvalidInput, Problem, errors, warnings
from tafelapp.domain.rules.decision import decision_citation, normalise_decision
from tafelapp.domain.rules.jbt import jbt_condition_problems
from tafelapp.domain.rules.meeting import agenda_item_problems, agreement_date_problems
from tafelapp.domain.rules.signing import record_locked_problem
from tafelapp.domain.summaries import MeetingSummary
from tafelapp.services.case_service import get_case
from tafelapp.services.session import Session, build, not_found, refuse_errors, updated
from tafelapp.services.table_service import get_table
from tafelapp.store import case_repo, meeting_repo, minutes_repo


def get_meeting(session: Session, meeting_id: str) -> Meeting:
    """One whole meeting; an unknown id is invalid input."""
    meeting = meeting_repo.get(session.conn, meeting_id)
    if meeting is None:
        raise not_found("meeting", "meeting_id", meeting_id)
    return meeting


def list_meetings(session: Session, table_id: str | None = None,
                  since: dt.date | None = None) -> list[MeetingSummary]:
    """The meetings, by date."""
    return meeting_repo.list_summaries(session.conn, table_id,
                                       since.isoformat() if since else None)


def meetings_for_case(session: Session, case_id: str) -> list[Meeting]:
    """Every meeting that discussed a case, each with only that case's agenda item."""
    return meeting_repo.meetings_for_case(session.conn, case_id)


def schedule_meeting(session: Session, *, table_id: str, date: dt.date,
                     chair: str, secretary: str | None = None, start: dt.time | None = None,
                     end: dt.time | None = None, location_kind: str = "OFFICE",
                     location_text: str | None = None, chair_id: str | None = None,
                     secretary_id: str | None = None) -> Meeting:
    """Plan a sitting of a table."""
    get_table(session, table_id)
    meeting = build(Meeting, table_id=table_id, date=date, chair=chair, secretary=secretary,
                    start=start, end=end, location_kind=location_kind,
                    location_text=location_text, chair_id=chair_id, secretary_id=secretary_id)
    if meeting.start and meeting.end and meeting.end <= meeting.start:
        raise InvalidInput([Problem("meeting.end_before_start", "end",
                                    "de eindtijd ligt niet na de begintijd")])
    with session.change("meeting.schedule", "meeting", meeting.id, after=meeting) as conn:
        meeting_repo.save(conn, meeting)
    return meeting


def add_to_agenda(session: Session, meeting_id: str, case_id: str,
                  planned_start: dt.time | None = None) -> AgendaItem:
    """Put a case on a meeting's agenda, with the purpose prefilled from its route."""
    meeting = get_meeting(session, meeting_id)
    case = get_case(session, case_id)
    if case.table_id != meeting.table_id:
        raise InvalidInput([Problem("meeting.case_other_table", "case_id",
                                    "deze casus hoort bij een andere tafel")])
    if meeting.item_for_case(case_id):
        raise InvalidInput([Problem("meeting.case_twice", "case_id",
                                    "deze casus staat al op de agenda")])
    purpose = purpose_for_route(case.referral.route.value if case.referral else None)
    item = build(AgendaItem, case_id=case_id, position=len(meeting.agenda),
                 planned_start=planned_start, purpose=purpose)
    with session.change("agenda.add", "agenda_item", item.id, after=item) as conn:
        meeting_repo.save_item(conn, meeting.id, item)
    return item


_PURPOSES = {
    "VTO": "We bespreken het verzoek tot onderzoek: of de zorgen zo ernstig zijn dat de Raad voor "
           "de Kinderbescherming onderzoek moet doen, of dat hulp onder afspraken eerst een kans "
           "krijgt.",
    "VTH": "De Raad voor de Kinderbescherming vraagt om hulpverlening; we spreken af welke hulp er "
           "komt en wie wat doet.",
    "SPOED_VOTS": "Na de spoedmaatregel (voorlopige ondertoezichtstelling) maken we samen het "
                  "veiligheidsplan en de afspraken voor de periode tot de zitting.",
    "VTO_GM": "We bespreken het verzoek tot onderzoek naar een gezagsbeëindigende maatregel.",
    "HERSTEL_GEZAG": "We bespreken het verzoek tot herstel van het ouderlijk gezag.",
}
_ZVT_PURPOSE = ("We delen binnen het convenant wat nodig is en maken één plan van aanpak, met één "
                "casusregisseur.")


def purpose_for_route(route: str | None) -> str:
    """The opening text the chair uses to explain the purpose, by route (ZVT when none)."""
    return _PURPOSES.get(route or "", _ZVT_PURPOSE)


def locate_item(session: Session, item_id: str) -> tuple[Meeting, AgendaItem]:
    """The meeting that holds an agenda item, and the item."""
    meeting_id = meeting_repo.meeting_id_of_item(session.conn, item_id)
    if meeting_id is None:
        raise not_found("agenda_item", "agenda_item_id", item_id)
    meeting = get_meeting(session, meeting_id)
    item = meeting.item(item_id)
    assert item is not None
    return meeting, item


def refuse_if_signed(session: Session, item_id: str) -> None:
    """An early, clear refusal before any rule is computed; the store enforces it regardless."""
    lock = minutes_repo.item_lock(session.conn, item_id)
    if lock is not None:
        meeting_id = meeting_repo.meeting_id_of_item(session.conn, item_id) or ""
        raise InvalidInput([record_locked_problem(
            lock.value, meeting_repo.meeting_label(session.conn, meeting_id))])


def _change_item(session: Session, item_id: str, action: str,
                 change: Callable[[Meeting, AgendaItem], AgendaItem]) -> AgendaItem:
    """Apply a change to one agenda item, refuse it if a rule blocks it, store and audit it."""
    meeting, before = locate_item(session, item_id)
    refuse_if_signed(session, item_id)
    after = change(meeting, before)
    case = get_case(session, after.case_id)
    table = get_table(session, meeting.table_id)
    refuse_errors(agenda_item_problems(meeting, after, case, table))
    with session.change(action, "agenda_item", item_id, before=before, after=after) as conn:
        meeting_repo.save_item(conn, meeting.id, after)
    return after


def remove_from_agenda(session: Session, item_id: str) -> None:
    """Take a case off the agenda (with whatever was recorded for it)."""
    meeting, item = locate_item(session, item_id)
    refuse_if_signed(session, item_id)
    if minutes_repo.for_item(session.conn, item_id):
        raise InvalidInput([Problem("agenda.has_minutes", "agenda_item",
                                    "voor deze bespreking zijn al notulen gemaakt; haal haar niet "
                                    "van de agenda")])
    agenda = [i for i in meeting.agenda if i.id != item_id]
    agenda = [i.model_copy(update={"position": n}) for n, i in enumerate(agenda)]
    with session.change("agenda.remove", "agenda_item", item_id, before=item) as conn:
        meeting_repo.save(conn, meeting.model_copy(update={"agenda": agenda}))


def reorder_agenda(session: Session, meeting_id: str, item_ids: list[str]) -> Meeting:
    """Put the agenda in the given order (every item exactly once)."""
    meeting = get_meeting(session, meeting_id)
    if sorted(item_ids) != sorted(i.id for i in meeting.agenda):
        raise InvalidInput([Problem("agenda.order_mismatch", "agenda",
                                    "de nieuwe volgorde moet elk agendapunt precies één keer "
                                    "bevatten")])
    by_id = {i.id: i for i in meeting.agenda}
    agenda = [by_id[i].model_copy(update={"position": n}) for n, i in enumerate(item_ids)]
    after = meeting.model_copy(update={"agenda": agenda})
    with session.change("agenda.reorder", "meeting", meeting_id, fields=["agenda.position"]) \
            as conn:
        meeting_repo.save(conn, after)
    return after


def update_opening(session: Session, item_id: str, *, purpose: str | None = None,
                   opened_by_chair: bool | None = None,
                   reported_to_secretary: bool | None = None) -> AgendaItem:
    """Record the opening: the purpose the chair explains, that the chair opened (`001` step 15),
    and that the discussion was reported to the JBT secretaris."""
    changes = {k: v for k, v in (("purpose", purpose), ("opened_by_chair", opened_by_chair),
                                 ("reported_to_secretary", reported_to_secretary))
               if v is not None}
    return _change_item(session, item_id, "agenda.opening", lambda m, i: updated(i, **changes))


def open_item(session: Session, item_id: str, purpose: str | None = None) -> AgendaItem:
    """The chair opens the discussion and explains its purpose (`001` step 15)."""
    return update_opening(session, item_id, purpose=purpose, opened_by_chair=True)


def mark_reported(session: Session, item_id: str, reported: bool = True) -> AgendaItem:
    """Record that the discussion was reported to the JBT secretaris."""
    return update_opening(session, item_id, reported_to_secretary=reported)


def add_participant(session: Session, item_id: str, **fields: Any) -> Participant:
    """Add a participant (name, role, organisation, attendance, child_id …)."""
    participant = build(Participant, "participant", **fields)

    def change(meeting: Meeting, item: AgendaItem) -> AgendaItem:
        if participant.child_id and get_case(session, item.case_id).child(
                participant.child_id) is None:
            raise InvalidInput([Problem("participant.unknown_child", "participant.child_id",
                                        "dit kind hoort niet bij de casus")])
        return item.model_copy(update={"participants": [*item.participants, participant]})
    _change_item(session, item_id, "participant.add", change)
    return participant


def update_participant(session: Session, item_id: str, participant_id: str,
                       **changes: Any) -> Participant:
    """Change a participant's details or attendance."""
    result: list[Participant] = []

    def change(meeting: Meeting, item: AgendaItem) -> AgendaItem:
        current = item.participant(participant_id)
        if current is None:
            raise not_found("participant", "participant_id", participant_id)
        new = updated(current, "participant", **changes)
        result.append(new)
        return item.model_copy(update={"participants": [
            new if p.id == participant_id else p for p in item.participants]})
    _change_item(session, item_id, "participant.update", change)
    return result[0]


def remove_participant(session: Session, item_id: str, participant_id: str) -> None:
    """Remove a participant who gave no scaling answer."""
    def change(meeting: Meeting, item: AgendaItem) -> AgendaItem:
        if any(a.participant_id == participant_id for a in item.scaling_answers):
            raise InvalidInput([Problem("participant.has_answers", "participant_id",
                                        "deze deelnemer heeft schaalvragen beantwoord; verwijder "
                                        "eerst die antwoorden")])
        return item.model_copy(update={"participants": [
            p for p in item.participants if p.id != participant_id]})
    _change_item(session, item_id, "participant.remove", change)


def record_involvement(session: Session, item_id: str, child_id: str, kind: str,
                       reason: str | None = None) -> AgendaItem:
    """Record how a child of 12+ was involved: present, informed, or why not."""
    involvement = build(ChildInvolvement, "involvement", child_id=child_id, kind=kind,
                        reason=reason)
    return _change_item(session, item_id, "involvement.record", lambda m, i: i.model_copy(
        update={"involvement": [*[x for x in i.involvement if x.child_id != child_id],
                                involvement]}))


def update_safety_plan(session: Session, item_id: str, **changes: Any) -> AgendaItem:
    """Change parts of the veiligheidsplan (strengths, worries, danger statement …)."""
    return _change_item(session, item_id, "safety_plan.update", lambda m, i: i.model_copy(
        update={"safety_plan": updated(i.safety_plan, "safety_plan", **changes)}))


def record_scaling_answer(session: Session, item_id: str, participant_id: str, score: Any,
                          question: str | None = None, given: str | None = None) -> ScalingAnswer:
    """Record one respondent's 0–10 score; a new score on the same question replaces the old one.
    `given`: how the score of someone not at the table reached it (schriftelijk, telefonisch)."""
    fields: dict[str, Any] = {"participant_id": participant_id, "score": score, "given": given}
    if question is not None:
        fields["question"] = question
    answer = build(ScalingAnswer, "scaling_answer", **fields)
    _change_item(session, item_id, "scaling.record", lambda m, i: i.model_copy(update={
        "scaling_answers": [*[a for a in i.scaling_answers
                              if (a.participant_id, a.question) != (participant_id,
                                                                   answer.question)], answer]}))
    return answer


def remove_scaling_answer(session: Session, item_id: str, participant_id: str) -> None:
    """Withdraw a respondent's score (e.g. entered for the wrong person)."""
    _change_item(session, item_id, "scaling.remove", lambda m, i: i.model_copy(update={
        "scaling_answers": [a for a in i.scaling_answers if a.participant_id != participant_id]}))


@dataclass(frozen=True)
class DecisionOutcome:
    """The decision as recorded, the protocol text it cites, and the terms it started."""

    decision: Decision
    citation: str | None
    deadlines_started: list[DeadlineKind]


def take_decision(session: Session, item_id: str, **fields: Any) -> DecisionOutcome:
    """Record the JBT decision; the rules of `001 §2.1.3 f` and `§2.1.4` are applied first."""
    meeting, item = locate_item(session, item_id)
    case = get_case(session, item.case_id)
    route = case.referral.route if case.referral else None
    fields.setdefault("decided_on", item.last_day(meeting.date))  # continued: that day
    decision = normalise_decision(build(Decision, "decision", **fields), route)
    _change_item(session, item_id, "decision.take",
                 lambda m, i: i.model_copy(update={"decision": decision}))
    started = deadlines_after_decision(decision, route)
    fresh = get_case(session, case.id)
    # a term this same discussion started earlier is replaced; an earlier meeting's is closed
    kept = [d for d in close_evaluations(fresh.deadlines, decision, meeting.date)
            if not (d.kind is DeadlineKind.POSTPONED_EVALUATION and d.done_on is None)]
    after = fresh.model_copy(update={"deadlines": kept + started})
    if after != fresh:
        with session.change("case.deadlines_from_decision", "case", case.id, before=fresh,
                            after=after) as conn:
            case_repo.save(conn, after)
    return DecisionOutcome(decision, decision_citation(decision, route),
                           [d.kind for d in started])


def record_plan_of_approach(session: Session, item_id: str, text: str) -> AgendaItem:
    """ZVT: record the one multidisciplinary plan van aanpak (`003`)."""
    meeting, _ = locate_item(session, item_id)
    if get_table(session, meeting.table_id).kind is not TableKind.ZVT:
        raise InvalidInput([Problem("plan.only_zvt", "plan_of_approach",
                                    "een plan van aanpak hoort bij een Zorg- en "
                                    "Veiligheidstafel; een JBT neemt een besluit")])
    return _change_item(session, item_id, "plan_of_approach.record",
                        lambda m, i: updated(i, plan_of_approach=text))


def _refuse_condition_without_consequence(agreement: Agreement) -> None:
    """A voorwaarde says what follows when it is not met (`002`)."""
    if agreement.kind.value == "CONDITION" and not (agreement.consequence or "").strip():
        raise InvalidInput([Problem("agreement.consequence_missing", "agreement.consequence",
                                    "bij een voorwaarde hoort wat er gebeurt als die niet wordt "
                                    "nagekomen (002)")])


def add_agreement(session: Session, item_id: str, **fields: Any) -> Agreement:
    """Add an agreement (doel, voorwaarde with its gevolg, or afspraak) with owner and due date
    (on the day of the discussion or later)."""
    agreement = build(Agreement, "agreement", **fields)
    _refuse_condition_without_consequence(agreement)
    meeting, item = locate_item(session, item_id)
    refuse_errors(agreement_date_problems(agreement, item.last_day(meeting.date)))
    _change_item(session, item_id, "agreement.add", lambda m, i: i.model_copy(
        update={"agreements": [*i.agreements, agreement]}))
    return agreement


def set_agreement_status(session: Session, item_id: str, agreement_id: str,
                         status: AgreementStatus | str, on: dt.date | None = None) -> Agreement:
    """Mark an agreement done, not met, cancelled or open again."""
    new_status = AgreementStatus(status)
    result: list[Agreement] = []

    def change(meeting: Meeting, item: AgendaItem) -> AgendaItem:
        current = next((a for a in item.agreements if a.id == agreement_id), None)
        if current is None:
            raise not_found("agreement", "agreement_id", agreement_id)
        done_on = (on or session.today()) if new_status is AgreementStatus.DONE else None
        new = updated(current, "agreement", status=new_status, done_on=done_on)
        result.append(new)
        return item.model_copy(update={"agreements": [
            new if a.id == agreement_id else a for a in item.agreements]})
    _change_item(session, item_id, "agreement.status", change)
    return result[0]


def update_agreement(session: Session, item_id: str, agreement_id: str,
                     **changes: Any) -> Agreement:
    """Change an agreement's text, kind, consequence, owner or due date."""
    result: list[Agreement] = []

    def change(meeting: Meeting, item: AgendaItem) -> AgendaItem:
        current = next((a for a in item.agreements if a.id == agreement_id), None)
        if current is None:
            raise not_found("agreement", "agreement_id", agreement_id)
        new = updated(current, "agreement", **changes)
        _refuse_condition_without_consequence(new)
        if "due_date" in changes:
            refuse_errors(agreement_date_problems(new, item.last_day(meeting.date)))
        result.append(new)
        return item.model_copy(update={"agreements": [
            new if a.id == agreement_id else a for a in item.agreements]})
    _change_item(session, item_id, "agreement.update", change)
    return result[0]


def remove_agreement(session: Session, item_id: str, agreement_id: str) -> None:
    """Remove an agreement that was entered by mistake."""
    _change_item(session, item_id, "agreement.remove", lambda m, i: i.model_copy(update={
        "agreements": [a for a in i.agreements if a.id != agreement_id]}))


def set_next_moment(session: Session, item_id: str, day: dt.date | None,
                    start: Any = None, place: str | None = None) -> AgendaItem:
    """Record when (day and time) and where the family and the table meet again: the one planned
    moment that the calendar invitation and the Gezinsoverzicht both say. No day: none of it."""
    return _change_item(session, item_id, "agenda.next_moment", lambda m, i: updated(
        i, "next_moment", next_moment=day, next_moment_start=start if day else None,
        next_moment_place=((place or "").strip() or None) if day else None))


@dataclass(frozen=True)
class ItemStatus:
    """What the table still needs for one case: blocking errors, warnings, and the JBT verdict."""

    counts_as_jbt: bool | None
    not_jbt_reasons: list[Problem]
    errors: list[Problem]
    warnings: list[Problem]


def item_status(session: Session, item_id: str) -> ItemStatus:
    """Every open point of a discussion, and whether it counts as a JBT (`001` step 15)."""
    meeting, item = locate_item(session, item_id)
    case = get_case(session, item.case_id)
    table = get_table(session, meeting.table_id)
    problems = agenda_item_problems(meeting, item, case, table)
    if table.kind is TableKind.JBT:
        reasons = jbt_condition_problems(item, case.referral.route if case.referral else None)
        verdict: bool | None = not reasons
    else:
        reasons, verdict = [], None
    return ItemStatus(verdict, reasons, errors(problems), warnings(problems))
