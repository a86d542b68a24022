"""Aggregates survive a round trip through the vault unchanged; the case list searches well."""

from __future__ import annotations

from tafelapp.services import case_service, meeting_service
from tafelapp.services.session import Session
from tafelapp.store import case_repo, meeting_repo
from tafelapp.store.transaction import transaction


def test_case_and_meeting_round_trip(session: Session, demo: dict[str, str]) -> None:
    case = case_service.get_case(session, demo["jbt_case"])
    meeting = meeting_service.get_meeting(session, demo["jbt_meeting"])
    assert meeting.agenda[0].decision is not None
    assert meeting.agenda[0].safety_plan.family_shares_worries is True
    assert len(case.children) == 2 and case.referral is not None
    with transaction(session.conn) as conn:  # saving what was loaded changes nothing
        case_repo.save(conn, case)
        meeting_repo.save(conn, meeting)
    assert case_repo.get(session.conn, case.id) == case
    assert meeting_repo.get(session.conn, meeting.id) == meeting


def test_case_list_search(session: Session, demo: dict[str, str]) -> None:
    assert [c.case_number for c in case_service.list_cases(session, search="NOOR")] == [
        "JBT-2026-0001"]
    assert [c.case_number for c in case_service.list_cases(session, search="zvt-2026")] == [
        "ZVT-2026-0001"]
    assert case_service.list_cases(session, search="%") == []  # wildcards are literal
    assert len(case_service.list_cases(session)) == 2


def test_the_outbox_counts_waiting_cases_apart_from_documents(session: Session) -> None:
    """What 'Nu verzenden' says: how many of the waiting items are cases (zaken)."""
    import datetime as dt

    from tafelapp.services import outbox_service
    from tafelapp.store import outbox_repo

    now = dt.datetime.now(dt.UTC)
    with transaction(session.conn) as conn:
        outbox_repo.queue(conn, "o1", "minutes", "m1", "TAFEL-1", now)
        outbox_repo.queue(conn, "o2", "case", "c1", "JBT-2026-0001", now)
        outbox_repo.queue(conn, "o3", "case", "c2", "JBT-2026-0002", now)
        outbox_repo.set_state(conn, "o3", "delivered")
    assert outbox_service.queued_cases(session) == 1
    assert outbox_repo.count_of(session.conn, "minutes", "queued") == 1
