"""0021 upgrades a vault with final notulen and follow-ups: they stay immutable and append-only,
and become removable only after a tombstone."""

from __future__ import annotations

from pathlib import Path

import pytest

from tafelapp.services import vault_service
from tafelapp.store import connection, migrate
from tafelapp.store.connection import DatabaseError
from tests.conftest import PASSPHRASE

_ROWS = [
    "INSERT INTO tables (id, kind, name, region, municipality, institutions) "
    "VALUES ('t1', 'JBT', 'Tafel', 'Regio', 'Gemeente', '[]')",
    "INSERT INTO cases (id, table_id, case_number, status, opened_on, family_name, family) "
    "VALUES ('c1', 't1', 'JBT-2024-0001', 'CLOSED', '2024-03-01', 'Oud', '{\"name\": \"Oud\"}')",
    "INSERT INTO meetings (id, table_id, date, location_kind, chair) "
    "VALUES ('m1', 't1', '2024-03-05', 'OFFICE', 'V')",
    "INSERT INTO agenda_items (id, meeting_id, case_id, position, purpose, opened_by_chair, "
    "reported_to_secretary, involvement, safety_plan, plan_of_approach) "
    "VALUES ('a1', 'm1', 'c1', 0, '', 1, 1, '[]', '{}', '')",
    "INSERT INTO minutes (id, agenda_item_id, meeting_id, case_id, kind, number, text, status, "
    "signing_order, signatures, document, created_at) VALUES ('n1', 'a1', 'm1', 'c1', "
    "'MINUTES', 'JBT-2024-0001-N1', '{\"discussion\": \"Oud verhaal\"}', 'FINAL', '[]', '[]', "
    "X'255044462D', '2024-03-05T10:00:00+00:00')",
    "INSERT INTO agreement_followups (id, agreement_id, case_id, status, on_date, said_by, note, "
    "recorded_at) VALUES ('f1', 'g1', 'c1', 'KEPT', '2024-04-01', 'Moeder', 'gedaan', "
    "'2024-04-01T10:00:00+00:00')",
]


def test_0021_upgrade_keeps_final_notulen_immutable_until_a_tombstone(tmp_path: Path) -> None:
    path = tmp_path / "oud.tafelapp"
    conn = connection.create_vault_file(path, PASSPHRASE)
    migrate.migrate(conn, target=20)
    for sql in _ROWS:
        conn.execute(sql)
    conn.close()
    session = vault_service.unlock(path, PASSPHRASE, actor="t")
    conn = session.conn
    assert migrate.current_version(conn) == migrate.latest_version() >= 21
    assert conn.execute("SELECT text FROM minutes").fetchone()[0] == \
        '{"discussion": "Oud verhaal"}'
    with pytest.raises(DatabaseError, match="immutable"):
        conn.execute("UPDATE minutes SET text = '{}', document = NULL")
    with pytest.raises(DatabaseError, match="append-only"):
        conn.execute("UPDATE agreement_followups SET said_by = '', note = ''")
    conn.execute("INSERT INTO case_removals VALUES ('c1', 'JBT-2024-0001', '2024-03-01', "
                 "'2024-06-01', '2024-06-01', '2024-09-01', 't', 56, '[]')")
    with pytest.raises(DatabaseError, match="immutable"):  # the text must be empty
        conn.execute("UPDATE minutes SET document = NULL")
    conn.execute("UPDATE minutes SET text = '{}', document = NULL")
    conn.execute("UPDATE agreement_followups SET said_by = '', note = ''")
    with pytest.raises(DatabaseError, match="append-only"):  # the status stays
        conn.execute("UPDATE agreement_followups SET status = 'LAPSED'")
    assert connection.integrity_ok(connection.integrity_report(conn))
    session.close()
