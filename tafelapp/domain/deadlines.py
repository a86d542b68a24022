"""Termijnen: the due dates that events start, counted in Dutch working days (`001`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tafelapp.domain.calendar import (
    add_months,
    add_working_days,
    next_working_day_on_or_after,
)
from tafelapp.domain.enums import DeadlineKind, DecisionKind, Route
from tafelapp.domain.meeting import Decision
from tafelapp.domain.models import Deadline
from tafelapp.domain.problems import Problem


@dataclass(frozen=True)
class Term:
    """A term of the protocol: so many working days, or calendar months, after (or before) an event."""

    working_days: int = 0
    months: int = 0
    source: str = ""
    label: str = ""


# Weeks are counted as five working days each, so a holiday lengthens the term the way a
# working-day count does; month terms roll a due date on a weekend or holiday forward.
TERMS: dict[DeadlineKind, Term] = {
    DeadlineKind.GRANT_DECISION: Term(working_days=5, source="001 §2.3 e",
                                      label="verleningsbesluit gemeente"),
    DeadlineKind.REREFERRAL_WINDOW: Term(months=3, source="001 §2.7.3 d",
                                         label="korte route via RvdK-intake"),
    DeadlineKind.COUNTER_ARGUMENTS: Term(working_days=10, source="001 §2.7.5 b",
                                         label="rapport met tegenargumenten naar de rechtbank"),
    DeadlineKind.OTS_NON_EXTENSION_NOTICE: Term(working_days=-50, source="001 §2.9.2 a",
                                                label="GI meldt niet-verlengen OTS aan RvdK"),
    DeadlineKind.RVDK_ANSWER: Term(working_days=10, source="001 §2.9.3",
                                   label="antwoord RvdK op melding GI"),
    DeadlineKind.RVDK_INVESTIGATION: Term(working_days=15, source="001 §2.9.3",
                                          label="start onderzoek RvdK"),
    DeadlineKind.VOTS_HEARING: Term(working_days=10, source="001 §2.5.4 c, stap 10",
                                    label="eerste zitting na VOTS"),
    DeadlineKind.VOTS_JBT: Term(working_days=9, source="001 §2.5.4 c",
                                label="JBT binnen de VOTS-periode, vóór de eerste zitting"),
    DeadlineKind.POSTPONED_EVALUATION: Term(months=6, source="JBT-werkwijze",
                                            label="evaluatie uitgesteld raadsonderzoek"),
}


def due_date(kind: DeadlineKind, event: dt.date) -> dt.date:
    """When a term started (or, for a notice before expiry, ending) on `event` falls due."""
    term = TERMS[kind]
    if term.months:
        return next_working_day_on_or_after(add_months(event, term.months))
    return add_working_days(event, term.working_days)


def make_deadline(kind: DeadlineKind, event: dt.date, note: str | None = None) -> Deadline:
    """A Deadline record for a term started by an event on `event`."""
    return Deadline(kind=kind, started_on=event, due_on=due_date(kind, event),
                    source=TERMS[kind].source, note=note)


def deadlines_after_decision(decision: Decision, route: Route | None) -> list[Deadline]:
    """The terms a JBT decision starts: the evaluation date of a postponed investigation."""
    if decision.kind is DecisionKind.POSTPONED_INVESTIGATION and decision.evaluation_date:
        return [Deadline(kind=DeadlineKind.POSTPONED_EVALUATION, started_on=decision.decided_on,
                         due_on=decision.evaluation_date,
                         source=TERMS[DeadlineKind.POSTPONED_EVALUATION].source)]
    return []


_EVALUATION_OUTCOME = {  # each fits the term's note (200 characters) with its date
    DecisionKind.INVESTIGATION: "voorwaarden niet nagekomen: het raadsonderzoek start alsnog "
                                "(001 §2.1.3 f; JBT-werkwijze: dan kan het onderzoek alsnog "
                                "starten)",
    DecisionKind.NO_INVESTIGATION: "voorwaarden nagekomen: geen raadsonderzoek, de hulp gaat "
                                   "verder (001 §2.1.3 f)",
    DecisionKind.POSTPONED_INVESTIGATION: "opnieuw uitgesteld met een nieuwe evaluatiedatum "
                                          "(001 §2.1.3 f; JBT-werkwijze: hoogstens 6 maanden)",
}


def close_evaluations(deadlines: list[Deadline], decision: Decision,
                      discussion_began: dt.date) -> list[Deadline]:
    """An evaluation meeting closes the open term of an earlier uitgesteld raadsonderzoek with
    its outcome and the rule; a term started in this same discussion (also on a day it was
    continued) stays open, to be replaced."""
    closed = []
    for deadline in deadlines:
        if (deadline.kind is DeadlineKind.POSTPONED_EVALUATION and deadline.done_on is None
                and deadline.started_on < discussion_began):
            deadline = deadline.model_copy(update={
                "done_on": decision.decided_on,
                "note": f"Geëvalueerd op {decision.decided_on:%d-%m-%Y}: "
                        f"{_EVALUATION_OUTCOME[decision.kind]}"})
        closed.append(deadline)
    return closed


def deadlines_after_referral(route: Route, referral_date: dt.date) -> list[Deadline]:
    """The terms a referral starts: after a VOTS, the hearing and the JBT before it."""
    if route is Route.SPOED_VOTS:
        return [make_deadline(DeadlineKind.VOTS_HEARING, referral_date),
                make_deadline(DeadlineKind.VOTS_JBT, referral_date)]
    return []


def deadline_problems(deadline: Deadline, field: str) -> list[Problem]:
    """A term's due date follows from its rule: refused when it contradicts it (the computed date
    is in the message). An evaluation of an uitgesteld raadsonderzoek falls within six months."""
    expected = due_date(deadline.kind, deadline.started_on)
    if deadline.kind is DeadlineKind.POSTPONED_EVALUATION:
        if deadline.started_on <= deadline.due_on <= expected:
            return []
        return [Problem("deadline.evaluation_out_of_range", f"{field}.due_on",
                        f"de evaluatie valt tussen {deadline.started_on:%d-%m-%Y} en uiterlijk "
                        f"{expected:%d-%m-%Y} (hoogstens 6 maanden, JBT-werkwijze)")]
    if deadline.due_on != expected:
        return [Problem("deadline.due_contradicts_rule", f"{field}.due_on",
                        f"de uiterste datum {deadline.due_on:%d-%m-%Y} past niet bij de termijn; "
                        f"volgens de regel ({deadline.source}) is het {expected:%d-%m-%Y}")]
    return []
