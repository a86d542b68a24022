"""All rules of one agenda item together, split into what blocks and what is shown."""

from __future__ import annotations

import datetime as dt
from typing import Any

from tafelapp.domain.enums import TableKind
from tafelapp.domain.meeting import AgendaItem, Agreement, Meeting
from tafelapp.domain.models import Case, Table
from tafelapp.domain.problems import Problem
from tafelapp.domain.rules.decision import decision_problems
from tafelapp.domain.rules.involvement import involvement_problems
from tafelapp.domain.rules.jbt import jbt_condition_problems
from tafelapp.domain.rules.scaling import scaling_problems
from tafelapp.domain.rules.voice import (
    attendance_problems,
    continuation_problems,
    voice_problems,
)


def _prefixed(problems: list[Problem], prefix: str) -> list[Problem]:
    return [Problem(p.code, f"{prefix}.{p.field}", p.message, p.severity) for p in problems]


def agenda_item_problems(meeting: Meeting, item: AgendaItem, case: Case,
                         table: Table) -> list[Problem]:
    """Every problem of one case's discussion: scores, involvement, decision and JBT conditions."""
    route = case.referral.route if case.referral else None
    problems = (scaling_problems(item) + involvement_problems(case, item, meeting.date)
                + voice_problems(item, case, meeting.date) + attendance_problems(item)
                + continuation_problems(item, meeting.date))
    if item.decision is not None:
        problems += decision_problems(item.decision, route, table, meeting.date)
    if table.kind is TableKind.JBT:
        problems += jbt_condition_problems(item, route)
    return problems


def agreement_date_problems(agreement: Agreement, made_on: dt.date) -> list[Problem]:
    """An afspraak made at the meeting of `made_on` is due on that day or later, never before."""
    if agreement.due_date is not None and agreement.due_date < made_on:
        return [Problem("agreement.due_before_meeting", "agreement.due_date",
                        f"{agreement.due_date:%d-%m-%Y} ligt vóór de bespreking van "
                        f"{made_on:%d-%m-%Y}; kies die dag of later (DD-MM-JJJJ)")]
    return []


def duplicate_id_problems(records: list[tuple[str, list[Any]]]) -> list[Problem]:
    """An id used twice within one list (participants, afspraken, …) cannot be stored: named."""
    problems = []
    for path, items in records:
        seen: set[str] = set()
        for index, entry in enumerate(items):
            if entry.id in seen:
                problems.append(Problem("record.duplicate_id", f"{path}.{index}.id",
                                        "deze id komt twee keer voor; elke regel heeft een "
                                        "eigen id"))
            seen.add(entry.id)
    return problems


def meeting_problems(meeting: Meeting, table: Table, cases: dict[str, Case]) -> list[Problem]:
    """Every problem of a meeting, each field prefixed with the path of its agenda item."""
    problems: list[Problem] = duplicate_id_problems([("agenda", list(meeting.agenda))])
    for index, item in enumerate(meeting.agenda):
        problems += duplicate_id_problems([
            (f"agenda.{index}.participants", list(item.participants)),
            (f"agenda.{index}.agreements", list(item.agreements)),
            (f"agenda.{index}.scaling_answers", list(item.scaling_answers))])
    if meeting.table_id != table.id:
        problems.append(Problem("meeting.wrong_table", "table_id",
                                "de bespreking hoort bij een andere tafel"))
    if meeting.start and meeting.end and meeting.end <= meeting.start:
        problems.append(Problem("meeting.end_before_start", "end",
                                "de eindtijd ligt niet na de begintijd"))
    seen: set[str] = set()
    for index, item in enumerate(meeting.agenda):
        prefix = f"agenda.{index}"
        if item.case_id in seen:
            problems.append(Problem("meeting.case_twice", f"{prefix}.case_id",
                                    "deze casus staat al op de agenda"))
        seen.add(item.case_id)
        case = cases.get(item.case_id)
        if case is None:
            problems.append(Problem("meeting.unknown_case", f"{prefix}.case_id",
                                    "onbekende casus"))
            continue
        if case.table_id != table.id:
            problems.append(Problem("meeting.case_other_table", f"{prefix}.case_id",
                                    "deze casus hoort bij een andere tafel"))
        problems += _prefixed(agenda_item_problems(meeting, item, case, table), prefix)
    return problems
