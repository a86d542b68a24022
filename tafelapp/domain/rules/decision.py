"""Rules for a JBT decision (`001 §2.1.3 f`, `§2.1.4`, work process 2.10 step 2.6.1)."""

from __future__ import annotations

import datetime as dt

from tafelapp.domain.calendar import add_months
from tafelapp.domain.enums import DecisionKind, Route, TableKind
from tafelapp.domain.meeting import Decision
from tafelapp.domain.models import Table
from tafelapp.domain.problems import Problem, Severity

POSTPONED_MAX_MONTHS = 6
DISAGREEMENT_CITATION = (
    "001 §2.1.4: de gemeente (voorzitter) vindt de casus ernstig genoeg voor een raadsonderzoek en "
    "de RvdK niet; de RvdK start daarom een raadsonderzoek"
)
VTO_GM_CITATION = "001 werkproces 2.10 stap 2.6.1: een VTO GM wordt altijd in onderzoek genomen"


def normalise_decision(decision: Decision, route: Route | None) -> Decision:
    """The decision as the protocol makes it: chair disagreement turns "geen" into raadsonderzoek.

    When the chair disagrees with "geen raadsonderzoek", the RvdK starts one anyway
    (`001 §2.1.4`). A VTO GM is not normalised: choosing anything but raadsonderzoek is an error.
    """
    if decision.chair_disagrees and decision.kind is DecisionKind.NO_INVESTIGATION:
        return decision.model_copy(update={"kind": DecisionKind.INVESTIGATION})
    return decision


def decision_citation(decision: Decision, route: Route | None) -> str | None:
    """The protocol text a record must cite beside this decision, if any."""
    if decision.chair_disagrees:
        return DISAGREEMENT_CITATION
    if route is Route.VTO_GM:
        return VTO_GM_CITATION
    return None


def allowed_decisions(route: Route | None) -> dict[DecisionKind, str | None]:
    """Each decision kind with the reason it is not allowed for this route (None when it is)."""
    blocked = "een VTO GM wordt altijd in onderzoek genomen (001 werkproces 2.10 stap 2.6.1)"
    return {
        kind: (blocked if route is Route.VTO_GM and kind is not DecisionKind.INVESTIGATION
               else None)
        for kind in DecisionKind
    }


def decision_problems(decision: Decision, route: Route | None, table: Table,
                      meeting_date: dt.date) -> list[Problem]:
    """Every problem of this decision.

    What contradicts the protocol is an ERROR and is refused. What is still missing (motivation,
    evaluation date, conditions) is a WARNING: the draft is kept, so no typed word is lost, and the
    record counts as incomplete until it is there (the notulen cannot be signed before).
    """
    problems: list[Problem] = []
    if table.kind is TableKind.ZVT:
        problems.append(Problem("decision.not_at_zvt", "decision.kind",
                                "een Zorg- en Veiligheidstafel neemt geen JBT-besluit; leg een plan "
                                "van aanpak vast (003)"))
    reason = allowed_decisions(route)[decision.kind]
    if reason:
        problems.append(Problem("decision.vto_gm_requires_investigation", "decision.kind", reason))
    if decision.chair_disagrees and decision.kind is not DecisionKind.INVESTIGATION:
        problems.append(Problem("decision.disagreement_not_investigation", "decision.kind",
                                "als de voorzitter het oneens is met 'geen raadsonderzoek' is het "
                                "besluit raadsonderzoek (001 §2.1.4)"))
    if not decision.motivation.strip():
        problems.append(Problem("decision.motivation_missing", "decision.motivation",
                                "een besluit heeft een motivering", Severity.WARNING))
    if decision.decided_on < meeting_date:
        problems.append(Problem("decision.before_meeting", "decision.decided_on",
                                "het besluit kan niet vóór de bespreking genomen zijn"))
    day = max(meeting_date, decision.decided_on)  # a continued discussion decides later
    if decision.kind is DecisionKind.POSTPONED_INVESTIGATION:
        latest = add_months(day, POSTPONED_MAX_MONTHS)
        if decision.evaluation_date is None:
            problems.append(Problem("decision.evaluation_date_missing", "decision.evaluation_date",
                                    "een uitgesteld raadsonderzoek heeft een evaluatiedatum",
                                    Severity.WARNING))
        elif decision.evaluation_date <= day:
            problems.append(Problem("decision.evaluation_date_not_future",
                                    "decision.evaluation_date",
                                    "de evaluatiedatum moet na de datum van de bespreking liggen"))
        elif decision.evaluation_date > latest:
            problems.append(Problem("decision.evaluation_date_too_late", "decision.evaluation_date",
                                    f"een uitgesteld raadsonderzoek duurt hoogstens "
                                    f"{POSTPONED_MAX_MONTHS} maanden: evalueer uiterlijk "
                                    f"{latest:%d-%m-%Y}"))
        if not (decision.conditions or "").strip():
            problems.append(Problem("decision.conditions_missing", "decision.conditions",
                                    "een uitgesteld raadsonderzoek heeft voorwaarden",
                                    Severity.WARNING))
    elif decision.evaluation_date is not None:
        problems.append(Problem("decision.evaluation_date_unexpected", "decision.evaluation_date",
                                "alleen een uitgesteld raadsonderzoek heeft een evaluatiedatum"))
    if decision.institution_id is not None and \
            decision.institution_id not in {gi.id for gi in table.institutions}:
        problems.append(Problem("decision.unknown_institution", "decision.institution_id",
                                "deze GI is niet ingesteld voor de regio van deze tafel"))
    return problems
