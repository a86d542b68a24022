"""The steps of meeting mode and what each still lacks: the rules' problems sorted per step."""

from __future__ import annotations

from enum import StrEnum

from tafelapp.domain.enums import TableKind
from tafelapp.domain.meeting import AgendaItem, Meeting
from tafelapp.domain.models import Case, Table
from tafelapp.domain.problems import Problem, Severity
from tafelapp.domain.rules.case_lead import case_lead_problems
from tafelapp.domain.rules.meeting import agenda_item_problems


class MeetingStep(StrEnum):
    """The guided sequence of one agenda item, in order."""

    OPENING = "OPENING"
    PARTICIPANTS = "PARTICIPANTS"
    SAFETY_PLAN = "SAFETY_PLAN"
    SCALING = "SCALING"
    DECISION = "DECISION"
    CASE_LEAD = "CASE_LEAD"
    AGREEMENTS = "AGREEMENTS"
    CLOSING = "CLOSING"


STEP_TITLES = {
    MeetingStep.OPENING: "Opening", MeetingStep.PARTICIPANTS: "Deelnemers",
    MeetingStep.SAFETY_PLAN: "Veiligheidsplan", MeetingStep.SCALING: "Schaalvragen",
    MeetingStep.DECISION: "Besluit", MeetingStep.CASE_LEAD: "Casusregie",
    MeetingStep.AGREEMENTS: "Afspraken", MeetingStep.CLOSING: "Afsluiting",
}

_PREFIXES: list[tuple[str, MeetingStep]] = [
    ("jbt.not_opened_by_chair", MeetingStep.OPENING), ("jbt.purpose_missing", MeetingStep.OPENING),
    ("jbt.not_reported", MeetingStep.OPENING), ("opening.", MeetingStep.OPENING),
    ("jbt.absent.", MeetingStep.PARTICIPANTS), ("involvement.", MeetingStep.PARTICIPANTS),
    ("participant", MeetingStep.PARTICIPANTS),
    ("jbt.no_safety_plan", MeetingStep.SAFETY_PLAN), ("safety_plan.", MeetingStep.SAFETY_PLAN),
    ("scaling.", MeetingStep.SCALING),
    ("decision.", MeetingStep.DECISION), ("plan.", MeetingStep.DECISION),
    ("case_lead.", MeetingStep.CASE_LEAD),
    ("jbt.no_agreements", MeetingStep.AGREEMENTS), ("agreement.", MeetingStep.AGREEMENTS),
    ("closing.", MeetingStep.CLOSING),
]


def step_of(problem: Problem) -> MeetingStep:
    """The step where a problem is mended."""
    for prefix, step in _PREFIXES:
        if problem.code.startswith(prefix):
            return step
    return MeetingStep.CLOSING


def _missing(code: str, field: str, message: str) -> Problem:
    return Problem(code, field, message, Severity.WARNING)


def completeness_problems(meeting: Meeting, item: AgendaItem, case: Case,
                          table: Table) -> list[Problem]:
    """What a complete record still lacks beyond the protocol's rules (one list per table kind)."""
    jbt = table.kind is TableKind.JBT
    found: list[Problem] = []
    if not jbt and not item.opened_by_chair:
        found.append(_missing("opening.not_opened", "opened_by_chair",
                              "de voorzitter heeft de bespreking nog niet geopend"))
    if not item.participants:
        found.append(_missing("participants.none", "participants", "er zijn nog geen deelnemers"))
    for p in item.participants:
        if not p.confirmed:
            found.append(_missing("participants.unconfirmed", "participants",
                                  f"bevestig of {p.name} aanwezig is (overgenomen uit de vorige "
                                  "bespreking)"))
    if jbt and not item.scaling_answers:
        found.append(_missing("scaling.none", "scaling_answers",
                              "nog geen schaalvragen beantwoord"))
    if jbt and item.decision is None:
        found.append(_missing("decision.missing", "decision", "er is nog geen besluit"))
    if not jbt and not item.plan_of_approach.strip():
        found.append(_missing("plan.missing", "plan_of_approach",
                              "er is nog geen plan van aanpak"))
    active = case.active_case_leads()
    if not active:
        found.append(_missing("case_lead.none", "case_leads",
                              "er is nog geen casusregie toegewezen (1 gezin, 1 plan, "
                              "1 regisseur)"))
    elif not active[0].accepted:
        found.append(_missing("case_lead.not_accepted", "case_leads",
                              f"{active[0].organisation} heeft de casusregie nog niet aanvaard"))
    if not jbt and not item.agreements:
        found.append(_missing("agreement.none", "agreements", "er zijn nog geen afspraken"))
    if item.next_moment is None:
        found.append(_missing("closing.next_moment_missing", "next_moment",
                              "het volgende moment (datum) is nog niet vastgelegd"))
    return found


def step_problems(meeting: Meeting, item: AgendaItem, case: Case,
                  table: Table) -> dict[MeetingStep, list[Problem]]:
    """Every problem of the record, sorted into the step where it is mended (all steps present)."""
    problems = (agenda_item_problems(meeting, item, case, table)
                + case_lead_problems(case, table.kind)
                + completeness_problems(meeting, item, case, table))
    by_step: dict[MeetingStep, list[Problem]] = {step: [] for step in MeetingStep}
    for problem in problems:
        by_step[step_of(problem)].append(problem)
    return by_step
