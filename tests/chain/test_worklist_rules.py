"""The werklijst rules: each reason to attend to a case, counted in Dutch working days."""

from __future__ import annotations

import datetime as dt

from tafelapp.domain.worklist import Attention, CaseFacts, work_items, worklist

D = dt.date


def facts(**changes: object) -> CaseFacts:
    base = CaseFacts("c1", "JBT-2026-0001", "JBT", last_progress=D(2026, 11, 20))
    for key, value in changes.items():
        setattr(base, key, value)
    return base


def kinds(f: CaseFacts, today: dt.date, weeks: int = 6) -> list[Attention]:
    return [i.kind for i in work_items(f, today, weeks)]


def test_agreement_overdue_and_due_within_five_working_days_over_christmas() -> None:
    today = D(2026, 12, 23)  # Wednesday before Christmas
    # 31 Dec is 5 working days away (24, 28, 29, 30, 31): due soon. 4 Jan is 6: not yet.
    assert kinds(facts(open_agreements=[(D(2026, 12, 31), "Ouders")]), today) == [
        Attention.AGREEMENT_DUE_SOON]
    assert kinds(facts(open_agreements=[(D(2027, 1, 4), "Ouders")]), today) == []
    [item] = work_items(facts(open_agreements=[(D(2026, 12, 22), "JB")]), today, 6)
    assert item.kind is Attention.AGREEMENT_OVERDUE and item.working_days_left == -1


def test_deadline_over_easter_and_kings_day() -> None:
    today = D(2026, 4, 2)  # Thursday before Easter
    # Good Friday and Easter Monday do not count: 10 April is 5 working days away.
    assert kinds(facts(open_deadlines=[(D(2026, 4, 10), "GRANT_DECISION")]), today) == [
        Attention.DEADLINE_DUE_SOON]
    [item] = work_items(facts(open_deadlines=[(D(2026, 4, 28), "VOTS_JBT")]), D(2026, 4, 24),
                        6)
    assert item.working_days_left == 1  # Monday 27 April is King's Day
    assert "JBT binnen de VOTS-periode" in item.reason


def test_casusregie_missing_or_not_accepted_within_five_working_days() -> None:
    assert kinds(facts(has_lead=False), D(2026, 11, 23)) == [Attention.NO_CASE_LEAD]
    since = D(2026, 11, 16)
    assert kinds(facts(lead_accepted=False, lead_since=since), D(2026, 11, 23)) == []
    assert kinds(facts(lead_accepted=False, lead_since=since), D(2026, 11, 24)) == [
        Attention.CASE_LEAD_NOT_ACCEPTED]


def test_no_progress_after_configured_weeks_and_municipality_disagreement() -> None:
    stale = facts(last_progress=D(2026, 9, 1))
    assert kinds(stale, D(2026, 11, 22), weeks=6) == [Attention.NO_PROGRESS]
    assert kinds(stale, D(2026, 11, 22), weeks=20) == []
    assert kinds(facts(disagreed_on=D(2026, 11, 1)), D(2026, 11, 22)) == [
        Attention.MUNICIPALITY_DISAGREED]


def test_most_urgent_first() -> None:
    today = D(2026, 11, 23)
    items = worklist([facts(case_id="a", case_number="A", open_agreements=[(D(2026, 11, 25), "x")]),
                      facts(case_id="b", case_number="B", open_deadlines=[
                          (D(2026, 11, 2), "GRANT_DECISION")]),
                      facts(case_id="c", case_number="C", has_lead=False)], today, 6)
    assert [i.case_number for i in items] == ["B", "A", "C"]
