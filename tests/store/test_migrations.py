"""Every older schema upgrades with its data; a newer vault is refused; a failing step rolls back."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tafelapp.domain.audit import GENESIS, record_hash
from tafelapp.domain.worklist import Attention
from tafelapp.services import case_service, vault_service, worklist_service
from tafelapp.store import connection, migrate
from tafelapp.store.errors import MigrationFailed, VaultTooNew
from tests.conftest import PASSPHRASE

LATEST = migrate.latest_version()

# Rows written with the SQL of each schema version, as an app of that version would have.
_V1_ROWS = [
    "INSERT INTO tables (id, kind, name, region, municipality, institutions) "
    "VALUES ('t1', 'JBT', 'Tafel', 'Regio', 'Gemeente', '[]')",
    "INSERT INTO cases (id, table_id, case_number, status, opened_on, family_name, family) "
    "VALUES ('c1', 't1', 'JBT-2024-0001', 'OPEN', '2024-03-01', 'Oud', "
    "'{\"name\": \"Oud\"}')",
    "INSERT INTO children VALUES ('k1', 'c1', 0, 'Sem', 'Oud', '2016-02-02', 0, NULL)",
    "INSERT INTO case_leads (id, case_id, position, organisation, organisation_kind, person, since, "
    "accepted) VALUES ('l1', 'c1', 0, 'JB West', 'GI', 'P', '2024-03-04', 0)",
]
_HASH = record_hash(1, "2024-03-01T10:00:00+00:00", "x", "case.open", "case", "c1", [], GENESIS)
_V2_ROWS = [
    "INSERT INTO audit_log VALUES (1, '2024-03-01T10:00:00+00:00', 'x', 'case.open', 'case', "
    f"'c1', '[]', '{GENESIS}', '{_HASH}')",
    f"INSERT INTO audit_head VALUES (1, 1, '{_HASH}')",
]
_V5_ROWS = [  # an outbox item with its history (0013 rebuilds both tables)
    "INSERT INTO outbox VALUES ('o1', 'minutes', 'm1', 'TAFEL-1', 'rejected', 2, "
    "'2024-03-02T10:00:00+00:00', 'geweigerd', NULL, '2024-03-01T10:00:00+00:00')",
    "INSERT INTO outbox_attempts (outbox_id, at, outcome, http_status, message) VALUES "
    "('o1', '2024-03-02T10:00:00+00:00', 'rejected', 403, 'geen leesrecht')",
]


def _vault_at(path: Path, version: int) -> None:
    conn = connection.create_vault_file(path, PASSPHRASE)
    migrate.migrate(conn, target=version)
    rows = _V1_ROWS + (_V2_ROWS if version >= 2 else []) + (
        ["UPDATE cases SET search_key = 'jbt-2024-0001 oud sem oud'"] if version >= 3 else []) + (
        _V5_ROWS if version >= 5 else [])
    for sql in rows:
        conn.execute(sql)
    conn.close()


def test_there_is_more_than_one_version_to_upgrade_from() -> None:
    assert LATEST >= 4


@pytest.mark.parametrize("version", range(1, LATEST))
def test_every_older_schema_upgrades_and_keeps_its_data(tmp_path: Path, version: int) -> None:
    path = tmp_path / "oud.tafelapp"
    _vault_at(path, version)
    conn = connection.open_vault_file(path, PASSPHRASE)
    assert migrate.current_version(conn) == version
    conn.close()
    session = vault_service.unlock(path, PASSPHRASE, actor="t")
    assert migrate.current_version(session.conn) == LATEST
    [summary] = case_service.list_cases(session, search="sem")  # search key filled by 0003
    assert summary.case_number == "JBT-2024-0001"
    assert case_service.get_case(session, "c1").children[0].first_name == "Sem"
    assert (tmp_path / f"oud.tafelapp.v{version}.bak").exists()
    report = vault_service.check(session)
    assert report.ok, (report.integrity, report.audit_problems, report.watch_mismatches)
    if version >= 5:  # the outbox and its history survive the rebuild of 0013
        rows = session.conn.execute("SELECT state, attempts FROM outbox").fetchall()
        assert [tuple(r) for r in rows] == [("rejected", 2)]
        rows = session.conn.execute("SELECT outbox_id, http_status FROM outbox_attempts").fetchall()
        assert [tuple(r) for r in rows] == [("o1", 403)]
    # The werklijst's case_watch (0009) was filled from the old rows.
    assert {i.kind for i in worklist_service.work_list(session)} == {
        Attention.CASE_LEAD_NOT_ACCEPTED, Attention.NO_PROGRESS}
    session.close()


def test_vault_from_a_newer_app_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "nieuw.tafelapp"
    _vault_at(path, LATEST)
    conn = connection.open_vault_file(path, PASSPHRASE)
    conn.execute("INSERT INTO schema_version VALUES (?, 'future', '2030-01-01')", (LATEST + 1,))
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(VaultTooNew) as info:
        vault_service.unlock(path, PASSPHRASE)
    assert "nieuwere versie" in str(info.value)
    assert path.read_bytes() == before


def test_a_failing_migration_rolls_back_completely(tmp_path: Path) -> None:
    folder = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, folder)
    (folder / f"{LATEST + 1:04d}_broken.sql").write_text(
        "CREATE TABLE half_done (x);\nINSERT INTO no_such_table VALUES (1);\n")
    path = tmp_path / "v.tafelapp"
    _vault_at(path, LATEST)
    conn = connection.open_vault_file(path, PASSPHRASE)
    with pytest.raises(MigrationFailed):
        migrate.migrate(conn, vault_path=path, folder=folder)
    assert migrate.current_version(conn) == LATEST
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'"
                        ).fetchone()[0] == 0
    assert not conn.in_transaction
    conn.close()


def test_migration_files_are_numbered_without_gaps() -> None:
    names = sorted(p.name for p in migrate.MIGRATIONS_DIR.glob("*.sql"))
    assert [int(n[:4]) for n in names] == list(range(1, LATEST + 1))


def test_0017_turns_a_display_text_casusregisseur_into_fields(tmp_path: Path) -> None:
    """Before 0017 the casusregisseur was the picker's display text with one contact line."""
    path = tmp_path / "v16.tafelapp"
    conn = connection.create_vault_file(path, PASSPHRASE)
    migrate.migrate(conn, target=16)
    for sql in [*_V1_ROWS[:3],
        "INSERT INTO organisations VALUES ('o1', 'Wijkteam', 'CARE_PROVIDER', "
        "'{\"id\": \"o1\", \"name\": \"Wijkteam\", \"kind\": \"CARE_PROVIDER\"}')",
        "INSERT INTO people VALUES ('p1', 'G. Visser', 'o1', '{\"id\": \"p1\", \"name\": "
        "\"G. Visser\", \"organisation_id\": \"o1\", \"phone\": \"070-1234567\", "
        "\"email\": \"g.visser@wijkteam.nl\"}')",
        # the display text and an e-mail address where the phone should be
        "INSERT INTO case_leads (id, case_id, position, organisation, organisation_kind, person, "
        "contact, since, accepted, accepted_on, ended_on) VALUES ('l1', 'c1', 0, 'Wijkteam', "
        "'CARE_PROVIDER', 'G. Visser — wijkteammedewerker, Wijkteam', 'g.visser@wijkteam.nl', "
        "'2024-03-04', 0, NULL, '2024-04-01')",
        # a phone number; someone not in the address book
        "INSERT INTO case_leads (id, case_id, position, organisation, organisation_kind, person, "
        "contact, since, accepted, accepted_on, ended_on) VALUES ('l2', 'c1', 1, 'JB West', 'GI', "
        "'J. de Boer — jeugdbeschermer, JB West', '06-12345678', '2024-04-01', 0, NULL, NULL)",
        # a remark that is neither
        "INSERT INTO case_leads (id, case_id, position, organisation, organisation_kind, person, "
        "contact, since, accepted, accepted_on, ended_on) VALUES ('l3', 'c1', 2, 'Politie', "
        "'POLICE', 'Wijkagent', 'via het secretariaat', '2024-02-01', 0, NULL, '2024-03-04')",
    ]:
        conn.execute(sql)
    conn.close()
    session = vault_service.unlock(path, PASSPHRASE, actor="t")
    leads = {lead.id: lead for lead in case_service.get_case(session, "c1").case_leads}
    visser, boer, agent = leads["l1"], leads["l2"], leads["l3"]
    assert (visser.person, visser.person_id, visser.phone, visser.email, visser.contact_note) == (
        "G. Visser", "p1", "070-1234567", "g.visser@wijkteam.nl", None)
    assert (boer.person, boer.person_id, boer.phone, boer.email) == (
        "J. de Boer", None, "06-12345678", None)
    assert (agent.person, agent.phone, agent.email, agent.contact_note) == (
        "Wijkagent", None, None, "via het secretariaat")
    assert vault_service.check(session).ok
    session.close()
