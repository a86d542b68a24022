"""The retention rules on a real vault: what is kept (unconfirmed, escalation, hold, postponed,
term running) and what goes; after removal the werklijst, kengetallen and check stay correct."""

from __future__ import annotations

import datetime as dt

import pytest

from tafelapp.domain.figures import Figures, Quarter
from tafelapp.domain.problems import InvalidInput
from tafelapp.domain.retention import Verdict
from tafelapp.services import (
    case_service,
    figures_service,
    retention_service,
    vault_service,
    worklist_service,
)
from tafelapp.services.session import Session
from tafelapp.store import audit_repo
from tests.retention.setup import TERM_WEEKS, closed_case, confirm_all, later


def _verdict(session: Session, case_id: str) -> Verdict:
    [found] = [a for a in retention_service.plan(session).assessments
               if a.facts.case_id == case_id]
    return found.verdict


def test_closed_but_not_confirmed_is_kept(session: Session) -> None:
    ids = closed_case(session, confirm=False)
    later(session, TERM_WEEKS + 30)
    assert _verdict(session, ids["jbt_case"]) is Verdict.NOT_CONFIRMED
    assert retention_service.remove_due(session).removed == []
    assert case_service.get_case(session, ids["jbt_case"]).family.name == "Fictief-Van Dalen"
    confirm_all(session, session.now())  # the region confirms now: the term starts now
    assert _verdict(session, ids["jbt_case"]) is Verdict.TERM_RUNNING
    later(session, TERM_WEEKS)
    assert _verdict(session, ids["jbt_case"]) is Verdict.REMOVE


def test_term_running_is_kept_and_an_open_case_is_not_looked_at(session: Session) -> None:
    ids = closed_case(session)
    later(session, TERM_WEEKS - 1)
    assert _verdict(session, ids["jbt_case"]) is Verdict.TERM_RUNNING
    assert ids["zvt_case"] not in {a.facts.case_id
                                   for a in retention_service.plan(session).assessments}
    later(session, 1)
    assert _verdict(session, ids["jbt_case"]) is Verdict.REMOVE


def test_no_local_term_removes_nothing(session: Session) -> None:
    ids = closed_case(session)
    from tests.retention.setup import region_terms

    region_terms(session, weeks=None)
    later(session, 500)
    plan = retention_service.plan(session)
    assert plan.local_weeks is None and plan.to_remove == []
    assert "geen lokale bewaartermijn" in plan.summary
    with pytest.raises(InvalidInput) as refused:
        retention_service.remove_due(session)
    assert refused.value.problems[0].field == "lokale bewaartermijn"
    assert case_service.get_case(session, ids["jbt_case"]).children


def test_legal_hold_is_kept_until_its_date(session: Session) -> None:
    ids = closed_case(session)
    later(session, TERM_WEEKS + 1)
    until = session.today() + dt.timedelta(days=60)
    with pytest.raises(InvalidInput) as refused:
        retention_service.hold(session, ids["jbt_case"], until, "")
    assert refused.value.problems[0].field == "reden"
    retention_service.hold(session, ids["jbt_case"], until, "Bezwaarprocedure bij de rechtbank")
    [kept] = retention_service.plan(session).kept
    assert kept.verdict is Verdict.HOLD and "bewaren tot" in kept.reason
    assert "Bezwaarprocedure" in kept.reason
    assert retention_service.remove_due(session).removed == []
    later(session, TERM_WEEKS + 1 + 9)  # past the hold
    assert _verdict(session, ids["jbt_case"]) is Verdict.REMOVE


def test_escalation_under_way_is_kept(session: Session) -> None:
    ids = closed_case(session)
    session.conn.execute(
        "INSERT INTO escalations (id, case_id, status, record, created_on) VALUES "
        "('e1', ?, 'SUBMITTED', '{}', '2026-01-01')", (ids["jbt_case"],))
    later(session, TERM_WEEKS + 5)
    assert _verdict(session, ids["jbt_case"]) is Verdict.ESCALATION
    assert retention_service.remove_due(session).removed == []


def test_postponed_once_with_a_reason(session: Session) -> None:
    ids = closed_case(session)
    later(session, TERM_WEEKS)
    until = session.today() + dt.timedelta(weeks=4)
    with pytest.raises(InvalidInput) as refused:
        retention_service.postpone(session, ids["jbt_case"], session.today() + dt.timedelta(
            weeks=40), "Moeder vraagt inzage aan")
    assert refused.value.problems[0].field == "uitstellen tot"
    retention_service.postpone(session, ids["jbt_case"], until, "Moeder vraagt inzage aan")
    assert _verdict(session, ids["jbt_case"]) is Verdict.POSTPONED
    with pytest.raises(InvalidInput) as again:
        retention_service.postpone(session, ids["jbt_case"], until, "Nog een keer uitstellen")
    assert "één keer" in again.value.problems[0].message
    later(session, TERM_WEEKS + 5)
    assert _verdict(session, ids["jbt_case"]) is Verdict.REMOVE
    actions = [r.action for r in audit_repo.all_records(session.conn)]
    assert actions.count("retention.postpone") == 1


def _figures(session: Session, table_id: str) -> list[Figures]:
    year = dt.date.today().year
    return [figures_service.figures(session, table_id, Quarter(y, q))
            for y in (year - 1, year, year + 1) for q in (1, 2, 3, 4)]


def test_after_removal_werklijst_figures_and_check_are_correct(session: Session) -> None:
    ids = closed_case(session)
    later(session, TERM_WEEKS + 1)
    figures_before = _figures(session, ids["jbt"])
    assert any(f.inflow_by_route and f.decisions_by_type and f.agreements_due
               for f in figures_before)  # the removed case counts in them
    assert any(f.meeting_to_signed_minutes_days for f in figures_before)
    work_before = worklist_service.work_list(session)
    number = case_service.get_case(session, ids["jbt_case"]).case_number
    outcome = retention_service.remove_due(session)
    assert outcome.removed == [number]
    assert _figures(session, ids["jbt"]) == figures_before
    assert worklist_service.work_list(session) == work_before
    report = vault_service.check(session)
    assert report.ok, (report.record_mismatches, report.audit_problems, report.watch_mismatches)
    with pytest.raises(InvalidInput) as gone:
        case_service.get_case(session, ids["jbt_case"])
    assert gone.value.problems[0].code == "case.removed"
    [stone] = retention_service.tombstones(session)
    assert stone["case_id"] == ids["jbt_case"]
    [doc] = [d for d in stone["documents"] if d["kind"] == "MINUTES"]
    assert doc["server_url"].startswith("https://regio.example/doc/")
    assert doc["record_sha256"] and doc["document_sha256"]
    assert [r.action for r in audit_repo.all_records(session.conn)].count(
        "retention.remove") == 1
    # the case list still names the case by its number, without the family
    [line] = [c for c in case_service.list_cases(session) if c.id == ids["jbt_case"]]
    assert line.family_name == "" and line.children == 0
    # a second run finds nothing more to do
    assert retention_service.remove_due(session).removed == []


def test_check_notices_a_tombstoned_record_that_changed(session: Session) -> None:
    ids = closed_case(session)
    later(session, TERM_WEEKS + 1)
    retention_service.remove_due(session, compact=False)
    session.conn.execute("DROP TRIGGER minutes_final_is_immutable")  # behind the app's back
    session.conn.execute("UPDATE minutes SET record_sha256 = 'x' WHERE id = ?", (ids["minutes"],))
    assert vault_service.check(session).record_mismatches


def test_backups_from_before_an_upgrade_go_with_the_clean_up(session: Session) -> None:
    ids = closed_case(session)
    backup = session.path.with_name(f"{session.path.name}.v19.bak")
    backup.write_bytes(session.path.read_bytes())  # what migrate.py leaves before an upgrade
    later(session, TERM_WEEKS - 1)
    assert retention_service.remove_due(session).backups_removed == []  # nothing due: kept
    assert backup.exists()
    later(session, TERM_WEEKS + 1)
    assert retention_service.plan(session).stale_backups == [backup]
    outcome = retention_service.remove_due(session)
    assert outcome.backups_removed == [backup.name] and not backup.exists()
    assert "retention.backups_removed" in [r.action for r in audit_repo.all_records(session.conn)]
    assert ids


def test_a_new_archive_version_on_its_way_keeps_the_case(session: Session) -> None:
    """An archive-timestamp renewal queued for the region needs the local PDF: the case waits
    until it is delivered (it would have gone, and the renewal with it)."""
    from tafelapp.store import outbox_repo
    from tafelapp.store.transaction import transaction

    ids = closed_case(session)
    later(session, TERM_WEEKS + 1)
    assert _verdict(session, ids["jbt_case"]) is Verdict.REMOVE
    with transaction(session.conn) as conn:
        outbox_repo.queue_renewal(conn, ids["minutes"], "TAFEL-x", session.now())
    assert _verdict(session, ids["jbt_case"]) is Verdict.NOT_CONFIRMED
    assert retention_service.remove_due(session).removed == []
    confirm_all(session, session.now())  # the new version reached the region
    later(session, TERM_WEEKS * 2 + 2)
    assert _verdict(session, ids["jbt_case"]) is Verdict.REMOVE
