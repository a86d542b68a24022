"""The werklijst's case_watch table follows every write through its triggers."""

from __future__ import annotations

import datetime as dt

from tafelapp.domain.worklist import Attention
from tafelapp.services import case_service, meeting_service, vault_service, worklist_service
from tafelapp.services.session import Session
from tafelapp.store import worklist_repo
from tafelapp.store.transaction import transaction


def watch(session: Session, case_id: str) -> tuple[object, ...] | None:
    row = session.conn.execute("SELECT status, progress_on, lead, lead_since, disagreed_on "
                               "FROM case_watch WHERE case_id = ?", (case_id,)).fetchone()
    assert worklist_repo.watch_mismatches(session.conn) == []
    return tuple(row) if row else None


def kinds(session: Session, case_id: str) -> set[Attention]:
    return {i.kind for i in worklist_service.work_list(session) if i.case_id == case_id}


def test_case_watch_follows_leads_decisions_and_status(session: Session,
                                                       demo: dict[str, str]) -> None:
    today = session.today()
    jbt, zvt = demo["jbt_case"], demo["zvt_case"]
    assert watch(session, zvt)[2:4] == ("PENDING", (today - dt.timedelta(days=10)).isoformat())
    assert watch(session, jbt)[2] == "ACCEPTED"
    case_service.accept_case_lead(session, zvt)
    assert watch(session, zvt)[2] == "ACCEPTED"

    item = meeting_service.get_meeting(session, demo["jbt_meeting"]).agenda[0]
    meeting_day = meeting_service.get_meeting(session, demo["jbt_meeting"]).date
    meeting_service.take_decision(session, item.id, kind="NO_INVESTIGATION",
                                  chair_disagrees=True, motivation="Ernstig genoeg")
    assert watch(session, jbt)[4] == meeting_day.isoformat()
    assert Attention.MUNICIPALITY_DISAGREED in kinds(session, jbt)
    meeting_service.take_decision(session, item.id, kind="INVESTIGATION", motivation="m")
    assert watch(session, jbt)[4] is None
    assert Attention.MUNICIPALITY_DISAGREED not in kinds(session, jbt)

    def raw(sql: str, *params: object) -> None:  # rows written outside the services
        with transaction(session.conn) as conn:
            conn.execute(sql, params)

    raw("UPDATE case_leads SET accepted = 0 WHERE case_id = ?", zvt)
    assert watch(session, zvt)[2] == "PENDING"
    raw("DELETE FROM decisions WHERE agenda_item_id = ?", item.id)
    raw("INSERT INTO decisions (agenda_item_id, kind, motivation, chair_disagrees, "
        "extended_to_children, decided_on) VALUES (?, 'INVESTIGATION', 'm', 1, '[]', ?)",
        item.id, meeting_day.isoformat())
    assert watch(session, jbt)[4] == meeting_day.isoformat()
    raw("UPDATE decisions SET chair_disagrees = 0 WHERE agenda_item_id = ?", item.id)
    assert watch(session, jbt)[4] is None
    raw("UPDATE decisions SET chair_disagrees = 1 WHERE agenda_item_id = ?", item.id)
    assert watch(session, jbt)[4] == meeting_day.isoformat()
    raw("DELETE FROM decisions WHERE agenda_item_id = ?", item.id)
    assert watch(session, jbt)[4] is None

    meeting_service.take_decision(session, item.id, kind="NO_INVESTIGATION",
                                  chair_disagrees=True, motivation="Ernstig genoeg")
    with transaction(session.conn) as conn:  # a meeting removed with its items and decisions
        conn.execute("DELETE FROM meetings WHERE id = ?", (demo["jbt_meeting"],))
    assert watch(session, jbt)[4] is None

    raw("DELETE FROM case_leads WHERE case_id = ?", jbt)
    assert watch(session, jbt)[2:4] == ("NONE", None)
    assert Attention.NO_CASE_LEAD in kinds(session, jbt)

    case_service.close_case(session, jbt)
    assert watch(session, jbt)[0] == "CLOSED"
    assert kinds(session, jbt) == set()

    new = case_service.open_case(session, table_id=demo["zvt"], opened_on=today,
                                 family={"name": "Fictief-Nieuw"},
                                 children=[{"first_name": "Kim", "last_name": "Nieuw",
                                            "birth_date": dt.date(today.year - 9, 5, 1)}])
    assert watch(session, new.id) == ("OPEN", today.isoformat(), "NONE", None, None)
    assert vault_service.check(session).ok


def test_check_reports_a_case_watch_that_went_astray(session: Session,
                                                     demo: dict[str, str]) -> None:
    with transaction(session.conn) as conn:
        conn.execute("UPDATE case_watch SET lead = 'ACCEPTED' WHERE case_id = ?",
                     (demo["zvt_case"],))
    report = vault_service.check(session)
    assert not report.ok and report.watch_mismatches == ["ZVT-2026-0001"]
    with transaction(session.conn) as conn:  # put it back, so the fixture's checks pass
        conn.execute("UPDATE case_watch SET lead = 'PENDING' WHERE case_id = ?",
                     (demo["zvt_case"],))
