"""Signed means final everywhere: every service that writes a meeting refuses to change an item
whose notulen are signing or final (also with the services' early check switched off: the store
guards it), case writes leave it untouched, import refuses an edited export, and the record is
pinned by a hash that `check` recomputes."""

from __future__ import annotations

import datetime as dt
import inspect
import io
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tafelapp.domain.minutes import MinutesStatus
from tafelapp.domain.problems import InvalidInput
from tafelapp.reports.minutes_html import PDF_PIN_KEY
from tafelapp.services import (
    case_service,
    exchange_service,
    followup_service,
    meeting_service,
    minutes_service,
    roster_service,
    vault_service,
    voice_service,
)
from tafelapp.services.demo_service import seed_demo
from tafelapp.services.session import Session
from tests.conftest import PASSPHRASE

Call = Callable[[Session, dict[str, Any]], object]

# Every public function of meeting_service and roster_service, classified. A new function must be
# added here; a writer is then proven to refuse on a signed item.
MEETING_WRITERS: dict[str, Call] = {
    "remove_from_agenda": lambda s, x: meeting_service.remove_from_agenda(s, x["item"]),
    # one item on this agenda: the same order is no change, and writes nothing
    "reorder_agenda": lambda s, x: (meeting_service.reorder_agenda(s, x["meeting"], [x["item"]]),
                                    _raise_if_nothing([]))[1],
    "update_opening": lambda s, x: meeting_service.update_opening(s, x["item"], purpose="Anders"),
    "open_item": lambda s, x: meeting_service.open_item(s, x["item"], "Ander doel"),
    "mark_reported": lambda s, x: meeting_service.mark_reported(s, x["item"], False),
    "add_participant": lambda s, x: meeting_service.add_participant(
        s, x["item"], name="Nieuwe Persoon", role="OTHER_PROFESSIONAL"),
    "update_participant": lambda s, x: meeting_service.update_participant(
        s, x["item"], x["participant"], name="Andere Naam"),
    "remove_participant": lambda s, x: meeting_service.remove_participant(
        s, x["item"], x["silent"]),
    "record_involvement": lambda s, x: meeting_service.record_involvement(
        s, x["item"], x["child"], "INFORMED"),
    "update_safety_plan": lambda s, x: meeting_service.update_safety_plan(
        s, x["item"], worries="Andere zorgen"),
    "record_scaling_answer": lambda s, x: meeting_service.record_scaling_answer(
        s, x["item"], x["participant"], 9),
    "remove_scaling_answer": lambda s, x: meeting_service.remove_scaling_answer(
        s, x["item"], x["participant"]),
    "take_decision": lambda s, x: meeting_service.take_decision(
        s, x["item"], kind="INVESTIGATION", motivation="Toch onderzoek."),
    "record_plan_of_approach": lambda s, x: meeting_service.record_plan_of_approach(
        s, x["item"], "Plan"),
    "add_agreement": lambda s, x: meeting_service.add_agreement(
        s, x["item"], text="Nieuw", owner="Ouders"),
    "set_agreement_status": lambda s, x: meeting_service.set_agreement_status(
        s, x["item"], x["agreement"], "NOT_MET"),
    "update_agreement": lambda s, x: meeting_service.update_agreement(
        s, x["item"], x["agreement"], text="Anders"),
    "remove_agreement": lambda s, x: meeting_service.remove_agreement(
        s, x["item"], x["agreement"]),
    "set_next_moment": lambda s, x: meeting_service.set_next_moment(
        s, x["item"], dt.date.today() + dt.timedelta(days=3)),
    "add_person": lambda s, x: roster_service.add_new_person(
        s, x["item"], name="Iemand Anders", role="OTHER_PROFESSIONAL"),
    "add_new_person": lambda s, x: roster_service.add_new_person(
        s, x["item"], name="Nog Iemand", role="SCHOOL"),
    "add_family": lambda s, x: roster_service.add_family(s, x["item"]),
    "change_participant": lambda s, x: roster_service.change_participant(
        s, x["item"], x["professional"], role="SCHOOL", organisation="Andere organisatie"),
    "carry_over_participants_after": lambda s, x: _raise_if_nothing(
        roster_service.carry_over_participants_after(s, x["item"])),
    "confirm_attendance": lambda s, x: roster_service.confirm_attendance(
        s, x["item"], x["participant"], "ABSENT"),
    "add_chair_and_secretary": lambda s, x: _raise_if_nothing(
        roster_service.add_chair_and_secretary(s, x["item"])),
    "prefill": lambda s, x: _raise_if_nothing(roster_service.prefill(s, x["item"])),
    "update_header": lambda s, x: roster_service.update_header(
        s, x["meeting"], location_text="Elders"),
    "record_family_voice": lambda s, x: voice_service.record_family_voice(
        s, x["item"], x["parent"], stance="DISAGREES", own_words="Toch oneens."),
    "record_dissent": lambda s, x: voice_service.record_dissent(
        s, x["item"], x["professional"], "Toch oneens."),
    "remove_dissent": lambda s, x: voice_service.remove_dissent(s, x["item"], "geen"),
    "continue_on": lambda s, x: voice_service.continue_on(
        s, x["item"], dt.date.today(), "Verder op een andere dag."),
    "record_followup": lambda s, x: followup_service.record_followup(
        s, x["agreement"], item_id=x["item"], status="KEPT", on=dt.date.today(),
        said_by="Moeder"),
}
NOT_WRITING_A_SIGNED_ITEM = {
    "get_meeting", "list_meetings", "meetings_for_case", "purpose_for_route", "locate_item",
    "refuse_if_signed", "item_status", "previous_item_participants", "next_usual_date",
    "family_address", "planned_meeting",
    # these create new meetings or items, never touch an existing one:
    "schedule_meeting", "add_to_agenda", "schedule_for_table", "add_and_prefill",
    # follow-up reads; a follow-up from the werklijst belongs to no meeting's record:
    "earlier_agreements", "for_item", "recorded_in", "case_followups",
}
CASE_WRITERS: dict[str, Call] = {
    "update_family": lambda s, x: case_service.update_family(
        s, x["case"], {"name": "Fictief-Van Dalen", "city": "Elders"}),
    "add_child": lambda s, x: case_service.add_child(
        s, x["case"], {"first_name": "Mo", "last_name": "Dalen", "birth_date": "2020-01-01"}),
    "register_referral": lambda s, x: case_service.register_referral(
        s, x["case"], x["referral"]),
    "assign_case_lead": lambda s, x: case_service.assign_case_lead(
        s, x["case"], organisation="Wijkteam", organisation_kind="CARE_PROVIDER", person="W."),
    "accept_case_lead": lambda s, x: case_service.accept_case_lead(s, x["case"]),
    "update_case_lead_contact": lambda s, x: case_service.update_case_lead_contact(
        s, x["case"], phone="070-7654321", email="regie@voorbeeld.nl"),
    "add_deadline": lambda s, x: case_service.add_deadline(
        s, x["case"], "GRANT_DECISION", dt.date.today()),
    "close_case": lambda s, x: case_service.close_case(s, x["case"]),
}


class _Nothing(Exception):
    """A prefill that found nothing to do did not try to write."""


def _raise_if_nothing(result: list[Any]) -> None:
    if not result:
        raise _Nothing()


def _sign(session: Session, demo: dict[str, str], final: bool) -> dict[str, Any]:
    meeting = meeting_service.get_meeting(session, demo["jbt_meeting"])
    item = meeting.agenda[0]
    minutes = minutes_service.draft_minutes(session, item.id)
    chair = minutes_service.create_local_identity(session, meeting.chair, "123456")
    minutes_service.sign_minutes(session, minutes.id, chair.id, "123456", "CHAIR")
    if final:
        assert meeting.secretary is not None
        sec = minutes_service.create_local_identity(session, meeting.secretary, "654321")
        minutes_service.sign_minutes(session, minutes.id, sec.id, "654321", "SECRETARY")
    scored = {a.participant_id for a in item.scaling_answers}
    case = case_service.get_case(session, item.case_id)
    assert case.referral is not None
    return {"meeting": meeting.id, "item": item.id, "minutes": minutes.id, "case": case.id,
            "participant": item.scaling_answers[0].participant_id,
            "parent": next(p.id for p in item.participants if p.role.value == "PARENT"),
            "professional": next(p.id for p in item.participants if p.role.value == "RVDK"),
            "silent": next(p.id for p in item.participants if p.id not in scored),
            "child": case.children[0].id, "agreement": item.agreements[0].id,
            "referral": case.referral.model_dump()}


def test_every_public_meeting_function_is_classified() -> None:
    public = {name for module in (meeting_service, roster_service, voice_service,
                                  followup_service)
              for name, fn in inspect.getmembers(module, inspect.isfunction)
              if fn.__module__ == module.__name__ and not name.startswith("_")}
    assert public == set(MEETING_WRITERS) | NOT_WRITING_A_SIGNED_ITEM


@pytest.fixture(scope="module")
def signed_vaults(tmp_path_factory: pytest.TempPathFactory) -> dict[bool, tuple[Path, Any]]:
    """Two demo vaults made once: notulen being signed (chair only) and final."""
    made = {}
    for final in (False, True):
        path = tmp_path_factory.mktemp("signed") / "kluis.tafelapp"
        session = vault_service.create(path, PASSPHRASE, actor="t")
        ids = _sign(session, seed_demo(session), final)
        session.close()
        made[final] = (path, ids)
    return made


# A JBT item refuses a plan van aanpak by rule before the lock is looked at; unchanged either way.
_REFUSED_BY_RULE_FIRST = {"record_plan_of_approach": "plan.only_zvt"}


@pytest.mark.parametrize("early_check", [True, False], ids=["services", "store-only"])
@pytest.mark.parametrize("final", [False, True], ids=["signing", "final"])
@pytest.mark.parametrize("writer", sorted(MEETING_WRITERS))
def test_every_meeting_writer_refuses_a_signed_item(
        signed_vaults: dict[bool, tuple[Path, Any]], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, writer: str, final: bool, early_check: bool) -> None:
    source, ids = signed_vaults[final]
    shutil.copy(source, tmp_path / "kluis.tafelapp")
    session = vault_service.unlock(tmp_path / "kluis.tafelapp", PASSPHRASE, actor="t")
    try:
        _refuses(session, ids, monkeypatch, writer, final, early_check)
    finally:
        session.close()


def _refuses(session: Session, ids: dict[str, Any], monkeypatch: pytest.MonkeyPatch,
             writer: str, final: bool, early_check: bool) -> None:
    if not early_check:  # prove the store's guard holds on its own
        monkeypatch.setattr(meeting_service, "refuse_if_signed", lambda *_a: None)
    before = meeting_service.get_meeting(session, ids["meeting"])
    try:
        MEETING_WRITERS[writer](session, ids)
    except _Nothing:
        pass
    except InvalidInput as exc:
        other = _REFUSED_BY_RULE_FIRST.get(writer) or (
            None if early_check else {"remove_from_agenda": "agenda.has_minutes",
                                      "remove_dissent": "dissent.not_found"}.get(writer))
        expected = other or ("record.final" if final else "record.signing")
        assert exc.problems[0].code == expected, exc
        if other is None:
            assert "Jeugdbeschermingstafel Duinstede (demo)" in exc.problems[0].message
    else:
        pytest.fail(f"{writer} changed a signed record")
    assert meeting_service.get_meeting(session, ids["meeting"]) == before
    assert vault_service.check(session).record_mismatches == []


def test_the_store_refuses_to_delete_a_signed_item(session: Session,
                                                  demo: dict[str, str]) -> None:
    from tafelapp.store import meeting_repo
    from tafelapp.store.errors import RecordLocked
    from tafelapp.store.transaction import transaction

    ids = _sign(session, demo, final=False)
    meeting = meeting_service.get_meeting(session, ids["meeting"])
    with pytest.raises(RecordLocked), transaction(session.conn) as conn:
        meeting_repo.save(conn, meeting.model_copy(update={"agenda": []}))
    with pytest.raises(RecordLocked), transaction(session.conn) as conn:
        meeting_repo.save(conn, meeting.model_copy(update={"chair": "Iemand Anders"}))
    assert meeting_service.get_meeting(session, ids["meeting"]) == meeting


@pytest.mark.parametrize("writer", sorted(CASE_WRITERS))
def test_case_writes_leave_the_signed_item_as_it_was(session: Session, demo: dict[str, str],
                                                     writer: str) -> None:
    ids = _sign(session, demo, final=True)
    before = meeting_service.get_meeting(session, ids["meeting"])
    CASE_WRITERS[writer](session, ids)
    assert meeting_service.get_meeting(session, ids["meeting"]) == before
    assert vault_service.check(session).ok


def test_import_of_an_edited_export_is_refused_and_the_same_one_is_a_no_op(
        session: Session, demo: dict[str, str]) -> None:
    ids = _sign(session, demo, final=True)
    exported = json.loads(exchange_service.export_case_json(session, ids["case"]))
    assert exchange_service.import_case(session, json.dumps(exported).encode()).outcome == \
        "unchanged"
    for meeting in exported["meetings"]:
        if meeting["id"] == ids["meeting"]:
            meeting["agenda"][0]["participants"][0]["name"] = "Iemand Anders"
    before = meeting_service.get_meeting(session, ids["meeting"])
    with pytest.raises(InvalidInput) as refused:
        exchange_service.import_case(session, json.dumps(exported).encode())
    problem = refused.value.problems[0]
    assert problem.code == "record.final" and "rectificatie" in problem.message
    assert "Jeugdbeschermingstafel Duinstede (demo)" in problem.message
    assert meeting_service.get_meeting(session, ids["meeting"]) == before
    assert vault_service.check(session).ok


def test_the_record_is_pinned_in_the_pdf_and_check_finds_a_change_made_in_sql(
        session: Session, demo: dict[str, str]) -> None:
    from pyhanko.pdf_utils.reader import PdfFileReader

    ids = _sign(session, demo, final=True)
    minutes = minutes_service.get_minutes(session, ids["minutes"])
    assert minutes.status is MinutesStatus.FINAL and minutes.record_sha256
    pdf = minutes_service.signed_document(session, ids["minutes"])
    info = PdfFileReader(io.BytesIO(pdf)).trailer["/Info"]
    assert str(info[PDF_PIN_KEY]) == minutes.record_sha256
    from tafelapp.store import audit_repo
    assert any(f"record_sha256={minutes.record_sha256}" in r.fields
               for r in audit_repo.all_records(session.conn))
    assert vault_service.check(session).ok
    session.conn.execute("UPDATE participants SET name = 'Vervalst' WHERE id = ?",
                         (ids["participant"],))
    report = vault_service.check(session)
    assert not report.ok
    assert report.record_mismatches == [
        f"Jeugdbeschermingstafel Duinstede (demo), "
        f"{meeting_service.get_meeting(session, ids['meeting']).date:%d-%m-%Y} "
        f"(notulen {minutes.number})"]
    session.conn.execute("UPDATE participants SET name = ? WHERE id = ?",
                         (next(p.name for p in meeting_service.get_meeting(
                             session, ids["meeting"]).agenda[0].participants
                             if p.id != ids["participant"]), ids["participant"]))


# The one path that may change a signed record: removal of its personal data after the
# bewaartermijn (retention_service.remove_due -> meeting_repo.remove_personal_data -> the guard).
RETENTION_WRITERS = {"remove_due"}
RETENTION_NOT_WRITING = {"plan", "postpone", "hold", "end_hold", "compact_file", "tombstones",
                         "is_removed", "archive_line"}


def test_every_public_retention_function_is_classified() -> None:
    from tafelapp.services import retention_service

    public = {name for name, fn in inspect.getmembers(retention_service, inspect.isfunction)
              if fn.__module__ == retention_service.__name__ and not name.startswith("_")}
    assert public == RETENTION_WRITERS | RETENTION_NOT_WRITING


@pytest.mark.parametrize("final", [False, True], ids=["signing", "final"])
def test_the_removal_path_leaves_a_signed_record_of_an_open_case_alone(
        signed_vaults: dict[bool, tuple[Path, Any]], tmp_path: Path, final: bool) -> None:
    from tafelapp.services import retention_service
    from tests.retention.setup import later, region_terms

    source, ids = signed_vaults[final]
    shutil.copy(source, tmp_path / "kluis.tafelapp")
    session = vault_service.unlock(tmp_path / "kluis.tafelapp", PASSPHRASE, actor="t")
    try:
        region_terms(session, weeks=1)
        later(session, 60)
        before = meeting_service.get_meeting(session, ids["meeting"])
        assert retention_service.remove_due(session).removed == []
        case_service.close_case(session, ids["case"])  # closed, but never confirmed
        assert retention_service.remove_due(session).removed == []
        assert meeting_service.get_meeting(session, ids["meeting"]) == before
        assert vault_service.check(session).ok
    finally:
        session.close()


def test_the_guard_allows_only_the_exact_redaction_and_only_after_the_tombstone(
        session: Session, demo: dict[str, str]) -> None:
    from tafelapp.domain.retention import CaseFacts, redacted_item
    from tafelapp.store import meeting_repo, retention_repo
    from tafelapp.store.connection import DatabaseError
    from tafelapp.store.errors import RecordLocked
    from tafelapp.store.transaction import transaction

    ids = _sign(session, demo, final=True)
    meeting = meeting_service.get_meeting(session, ids["meeting"])
    item = meeting.item(ids["item"])
    assert item is not None
    redacted = redacted_item(item)
    guard = meeting_repo._refuse_locked  # the guard itself is under test
    with pytest.raises(RecordLocked), transaction(session.conn) as conn:  # no tombstone yet
        guard(conn, meeting.id, item.id, redacted, removal=True)
    with pytest.raises(RecordLocked), transaction(session.conn) as conn:  # not a removal
        guard(conn, meeting.id, item.id, redacted)
    with pytest.raises(DatabaseError, match="immutable"), transaction(session.conn) as conn:
        conn.execute("UPDATE minutes SET document = NULL WHERE id = ?", (ids["minutes"],))
    facts = CaseFacts(ids["case"], "X-1", dt.date(2026, 1, 1), dt.date(2026, 1, 2), None, 0, 0)
    with pytest.raises(_Nothing), transaction(session.conn) as conn:  # rolled back at the end
        retention_repo.write_tombstone(conn, facts, dt.datetime.now(dt.UTC), "t", 56, [])
        assert redacted.decision is not None
        other = redacted.model_copy(update={"decision": redacted.decision.model_copy(
            update={"kind": "NO_INVESTIGATION"})})
        with pytest.raises(RecordLocked):  # more than the redaction: refused
            guard(conn, meeting.id, item.id, other, removal=True)
        with pytest.raises(RecordLocked):  # less than the redaction: refused
            guard(conn, meeting.id, item.id, redacted.model_copy(
                update={"participants": item.participants[:1]}), removal=True)
        assert guard(conn, meeting.id, item.id, item, removal=True) is True  # unchanged
        assert guard(conn, meeting.id, item.id, redacted, removal=True) is False
        with pytest.raises(DatabaseError, match="immutable"):  # a removal keeps the number
            conn.execute("UPDATE minutes SET document = NULL, number = 'Y' WHERE id = ?",
                         (ids["minutes"],))
        with pytest.raises(DatabaseError, match="append-only"):
            conn.execute("DELETE FROM case_removals")
        raise _Nothing()
    assert meeting_service.get_meeting(session, ids["meeting"]) == meeting

def test_final_notulen_change_only_by_an_archive_upgrade_that_keeps_the_signed_bytes(
        session: Session, demo: dict[str, str]) -> None:
    """The database's guard (migration 0020) lets exactly one write through for final notulen:
    a longer document of which the signed document is a byte prefix, with its new hash (the
    archive upgrade); or only the archive columns. Anything else is refused, also in raw SQL."""
    import hashlib

    from tafelapp.store import minutes_repo
    from tafelapp.store.transaction import transaction

    ids = _sign(session, demo, final=True)
    minutes_id = ids["minutes"]
    signed = minutes_service.signed_document(session, minutes_id)
    sha = hashlib.sha256(signed).hexdigest()

    def refused(sql: str, *args: object) -> None:
        with pytest.raises(Exception, match="immutable"), transaction(session.conn) as conn:
            conn.execute(sql, args)
        assert minutes_service.signed_document(session, minutes_id) == signed

    other = signed[:-10] + b"%%EOF-edit" + b"\nappended"
    refused("UPDATE minutes SET document = ?, document_sha256 = ? WHERE id = ?", other,
            hashlib.sha256(other).hexdigest(), minutes_id)  # not a prefix: refused
    grown = signed + b"\n% an incremental update\n"
    refused("UPDATE minutes SET document = ?, document_sha256 = ? WHERE id = ?", grown, sha,
            minutes_id)  # the same hash for other bytes: refused
    refused("UPDATE minutes SET document = ?, document_sha256 = ?, text = '{}' WHERE id = ?",
            grown, hashlib.sha256(grown).hexdigest(), minutes_id)  # and the text: refused
    refused("UPDATE minutes SET document = ? WHERE id = ?", signed[:100], minutes_id)
    refused("UPDATE minutes SET document = NULL WHERE id = ?", minutes_id)
    refused("UPDATE minutes SET signatures = '[]' WHERE id = ?", minutes_id)
    with transaction(session.conn) as conn:  # only the archive columns: allowed
        minutes_repo.save_archive_version(conn, minutes_id, None, None, "B-T", None,
                                          "lokale identiteit")
    assert minutes_repo.archive_info(session.conn, minutes_id) == ("B-T", None, "lokale identiteit")
    with transaction(session.conn) as conn:  # the archive upgrade's shape: allowed
        minutes_repo.save_archive_version(conn, minutes_id, grown,
                                          hashlib.sha256(grown).hexdigest(), "B-LTA",
                                          "2026-12-03T12:00:00+00:00", None)
    assert minutes_service.signed_document(session, minutes_id) == grown
    assert minutes_service.get_minutes(session, minutes_id).status is MinutesStatus.FINAL
