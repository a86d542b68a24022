"""The werklijst rules: each reason to attend to a case, counted in Dutch working days."""

from __future__ import annotations

import datetime as dt

from tafelapp.domain.calendar import working_days_between
from tafelapp.domain.worklist import (
    Attention,
    CaseWatch,
    Horizon,
    LeadState,
    OpenDue,
    WorkItem,
    case_items,
    due_items,
    worklist,
)

D = dt.date


def case(**changes: object) -> CaseWatch:
    return CaseWatch("c1", "JBT-2026-0001", "JBT", D(2026, 11, 20), LeadState.ACCEPTED)._replace(
        **changes)


def due(day: dt.date, what: str = "Ouders", agreement: bool = True, **changes: object) -> OpenDue:
    return OpenDue("c1", "JBT-2026-0001", "JBT", day, what, agreement)._replace(**changes)


def kinds(items: list[WorkItem]) -> list[Attention]:
    return [i.kind for i in items]


def test_agreement_overdue_and_due_within_five_working_days_over_christmas() -> None:
    today = D(2026, 12, 23)  # Wednesday before Christmas
    # 31 Dec is 5 working days away (24, 28, 29, 30, 31): due soon. 4 Jan is 6: not yet.
    [soon] = due_items([due(D(2026, 12, 31))], today)
    assert soon.kind is Attention.AGREEMENT_DUE_SOON
    assert soon.reason == "afspraak van Ouders verloopt op 31-12-2026 (nog 5 werkdagen)"
    assert due_items([due(D(2027, 1, 4))], today) == []
    [item] = due_items([due(D(2026, 12, 22), "JB")], today)
    assert item.kind is Attention.AGREEMENT_OVERDUE and item.working_days_left == -1
    assert item.reason == "afspraak van JB verliep op 22-12-2026 (1 werkdag geleden)"
    [today_item] = due_items([due(today)], today)
    assert today_item.reason.endswith("verloopt op 23-12-2026 (vandaag)")
    assert today_item.urgency == "vandaag" and item.urgency == "1 wd te laat"


def test_deadline_over_easter_and_kings_day() -> None:
    today = D(2026, 4, 2)  # Thursday before Easter
    # Good Friday and Easter Monday do not count: 10 April is 5 working days away.
    assert kinds(due_items([due(D(2026, 4, 10), "GRANT_DECISION", agreement=False)], today)) == [
        Attention.DEADLINE_DUE_SOON]
    [item] = due_items([due(D(2026, 4, 28), "VOTS_JBT", agreement=False)], D(2026, 4, 24))
    assert item.working_days_left == 1  # Monday 27 April is King's Day
    assert "JBT binnen de VOTS-periode" in item.reason


def test_casusregie_missing_or_not_accepted_within_five_working_days() -> None:
    assert kinds(case_items([case(lead=LeadState.NONE)], Horizon.of(D(2026, 11, 23), 6))) == [
        Attention.NO_CASE_LEAD]
    pending = case(lead=LeadState.PENDING, lead_since=D(2026, 11, 16))
    assert case_items([pending], Horizon.of(D(2026, 11, 23), 6)) == []
    [late] = case_items([pending], Horizon.of(D(2026, 11, 24), 6))
    assert late.kind is Attention.CASE_LEAD_NOT_ACCEPTED and late.working_days_left == -1
    assert "sinds 16-11-2026 niet aanvaard" in late.reason


def test_no_progress_after_configured_weeks_and_municipality_disagreement() -> None:
    stale = case(progress_on=D(2026, 9, 1))
    [item] = case_items([stale], Horizon.of(D(2026, 11, 22), 6))
    assert item.kind is Attention.NO_PROGRESS and "sinds 01-09-2026 (meer dan 6 weken" in item.reason
    assert case_items([stale], Horizon.of(D(2026, 11, 22), 20)) == []
    exactly = case(progress_on=D(2026, 11, 22) - dt.timedelta(weeks=6))
    assert case_items([exactly], Horizon.of(D(2026, 11, 22), 6)) == []  # not more than six weeks
    disagreed = case(disagreed_on=D(2026, 11, 1))
    assert kinds(case_items([disagreed], Horizon.of(D(2026, 11, 22), 6))) == [
        Attention.MUNICIPALITY_DISAGREED]


def test_most_urgent_first() -> None:
    today = D(2026, 11, 23)
    items = worklist([case(case_id="c", case_number="C", lead=LeadState.NONE)],
                     [due(D(2026, 11, 25), case_id="a", case_number="A"),
                      due(D(2026, 11, 2), "GRANT_DECISION", False, case_id="b", case_number="B")],
                     Horizon.of(today, 6))
    assert [i.case_number for i in items] == ["B", "A", "C"]


def test_horizon_reads_exactly_what_can_be_due_soon() -> None:
    """The store reads dues before `due_before`; the day before is within five working days."""
    for today in (D(2026, 12, 23), D(2026, 4, 2), D(2026, 4, 24), D(2026, 11, 22)):
        horizon = Horizon.of(today, 6)
        last = horizon.due_before - dt.timedelta(days=1)
        assert working_days_between(today, horizon.due_before) == 6
        assert due_items([due(last)], today) != []
        assert due_items([due(horizon.due_before)], today) == []
        # A lead pending since `lead_since_before` or later cannot yet be late.
        pending = case(lead=LeadState.PENDING, lead_since=horizon.lead_since_before)
        assert case_items([pending], Horizon.of(today, 6)) == []
