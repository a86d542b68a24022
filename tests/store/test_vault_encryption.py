"""The vault on disk: encrypted (no plaintext anywhere), 0600, wrong key changes nothing, rekey."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import stat
import uuid
from pathlib import Path

import pytest

from tafelapp.domain.problems import InvalidInput
from tafelapp.services import case_service, meeting_service, table_service, vault_service
from tafelapp.services.session import Session
from tafelapp.store.errors import WrongPassphrase
from tests.conftest import PASSPHRASE, assert_vault_intact


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def _fill_with_unique_personal_data(session: Session) -> list[str]:
    tag = uuid.uuid4().hex[:10]
    secrets = {
        "family": f"Familienaam{tag}", "child": f"Kindnaam{tag}", "guardian": f"Moeder{tag}",
        "address": f"Geheimstraat{tag}", "phone": f"06{tag[:8]}", "worry": f"Zorgtekst{tag}",
        "participant": f"Deelnemer{tag}", "agreement": f"Afspraak{tag}",
        "motivation": f"Motivering{tag}", "referrer": f"Melder{tag}",
    }
    table = table_service.create_table(session, kind="JBT", name="T", region="R",
                                       municipality="M")
    case = case_service.open_case(
        session, table_id=table.id,
        family={"name": secrets["family"], "address": secrets["address"],
                "guardians": [{"name": secrets["guardian"], "phone": secrets["phone"]}]},
        children=[{"first_name": secrets["child"], "last_name": "X",
                   "birth_date": dt.date(2015, 5, 5)}],
        referral={"route": "VTO", "date": dt.date.today(), "referrer_kind": "VEILIG_THUIS",
                  "referrer_organisation": "VT", "referrer_person": secrets["referrer"],
                  "criteria": {"development_threatened": True, "perspective_unclear": True}})
    meeting = meeting_service.schedule_meeting(session, table_id=table.id, date=dt.date.today(),
                                               chair="V")
    item = meeting_service.add_to_agenda(session, meeting.id, case.id)
    p = meeting_service.add_participant(session, item.id, name=secrets["participant"],
                                        role="PARENT")
    meeting_service.update_safety_plan(session, item.id, worries=secrets["worry"])
    meeting_service.record_scaling_answer(session, item.id, p.id, 4)
    meeting_service.add_agreement(session, item.id, text=secrets["agreement"], owner="O")
    meeting_service.take_decision(session, item.id, kind="INVESTIGATION",
                                  motivation=secrets["motivation"])
    return list(secrets.values())


def test_no_plaintext_in_database_wal_journal_or_temp_files(tmp_path: Path) -> None:
    folder = tmp_path / "vault"
    session = vault_service.create(folder / "kluis.tafelapp", PASSPHRASE, actor="t")
    secrets = _fill_with_unique_personal_data(session)
    # While open: the database, its -wal and -shm files, and anything else in the folder.
    files_open = _files(folder)
    assert any(name.endswith("-wal") for name in files_open), files_open.keys()
    assert_vault_intact(session)
    session.close()
    files_closed = _files(folder)
    for files in (files_open, files_closed):
        for name, content in files.items():
            for secret in secrets:
                for encoding in ("utf-8", "utf-16-le"):
                    assert secret.encode(encoding) not in content, (name, secret)
    # Control: the same data written with SQLCipher but no key would be readable; prove the
    # search works by finding a secret in the export file, which is plain text by design.
    session = vault_service.unlock(folder / "kluis.tafelapp", PASSPHRASE, actor="t")
    from tafelapp.services.exchange_service import export_case_json
    case_id = case_service.list_cases(session)[0].id
    assert secrets[0] in export_case_json(session, case_id)
    session.close()


def test_vault_file_mode_is_0600(session: Session) -> None:
    mode = stat.S_IMODE(os.stat(session.path).st_mode)
    assert mode == 0o600
    for sibling in session.path.parent.iterdir():
        assert stat.S_IMODE(sibling.stat().st_mode) & 0o077 == 0, sibling


def test_wrong_passphrase_raises_and_changes_nothing(session: Session, demo: dict[str, str]) \
        -> None:
    path = session.path
    session.close()
    before = {n: hashlib.sha256(b).hexdigest() for n, b in _files(path.parent).items()}
    with pytest.raises(WrongPassphrase) as info:
        vault_service.unlock(path, "Verkeerde-Zin-1234")
    assert "onjuist" in str(info.value)
    after = {n: hashlib.sha256(b).hexdigest() for n, b in _files(path.parent).items()
             if not n.endswith(".pogingen")}  # the count of wrong tries (no personal data)
    assert after == before
    reopened = vault_service.unlock(path, PASSPHRASE)
    session.conn = reopened.conn  # the fixture's teardown checks this connection


def test_weak_passphrase_is_refused_and_no_file_is_made(vault_path: Path) -> None:
    with pytest.raises(InvalidInput) as info:
        vault_service.create(vault_path, "kort")
    assert any("minstens 12 tekens" in p.message for p in info.value.problems)
    assert not vault_path.exists()


def test_rekey_changes_the_passphrase(session: Session, demo: dict[str, str]) -> None:
    new = "Nieuwe-Fiets-Regen-42"
    vault_service.change_passphrase(session, new)
    path = session.path
    session.close()
    with pytest.raises(WrongPassphrase):
        vault_service.unlock(path, PASSPHRASE)
    reopened = vault_service.unlock(path, new)
    assert len(case_service.list_cases(reopened)) == 2
    session.conn = reopened.conn


def test_pragmas_wal_full_sync_foreign_keys(session: Session) -> None:
    conn = session.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA temp_store").fetchone()[0] == 2  # MEMORY
