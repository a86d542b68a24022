"""`audit verify` detects an edited, a deleted and a removed-at-the-end audit record."""

from __future__ import annotations

from tafelapp.services import vault_service
from tafelapp.services.session import Session


def _drop_triggers(session: Session) -> None:
    session.conn.execute("DROP TRIGGER audit_log_no_update")
    session.conn.execute("DROP TRIGGER audit_log_no_delete")


def _restore_triggers(session: Session) -> None:
    from tafelapp.store.migrate import MIGRATIONS_DIR
    sql = (MIGRATIONS_DIR / "0002_audit_log.sql").read_text()
    session.conn.executescript(sql[sql.index("CREATE TRIGGER"):])


def test_log_is_append_only(session: Session, demo: dict[str, str]) -> None:
    import pytest
    with pytest.raises(Exception, match="append-only"):
        session.conn.execute("UPDATE audit_log SET actor = 'x' WHERE seq = 1")
    with pytest.raises(Exception, match="append-only"):
        session.conn.execute("DELETE FROM audit_log WHERE seq = 1")


def test_edited_record_is_detected(session: Session, demo: dict[str, str]) -> None:
    assert vault_service.verify_audit(session)[1] == []
    _drop_triggers(session)
    session.conn.execute("UPDATE audit_log SET actor = 'iemand anders' WHERE seq = 3")
    problems = vault_service.verify_audit(session)[1]
    assert any("record 3" in p and "gewijzigd" in p for p in problems)
    session.conn.execute("UPDATE audit_log SET actor = 'test-voorzitter' WHERE seq = 3")
    _restore_triggers(session)


def test_deleted_record_is_detected(session: Session, demo: dict[str, str]) -> None:
    _drop_triggers(session)
    row = session.conn.execute("SELECT * FROM audit_log WHERE seq = 5").fetchone()
    session.conn.execute("DELETE FROM audit_log WHERE seq = 5")
    assert any("ontbreekt" in p for p in vault_service.verify_audit(session)[1])
    session.conn.execute("INSERT INTO audit_log VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", tuple(row))
    _restore_triggers(session)


def test_removed_tail_is_detected(session: Session, demo: dict[str, str]) -> None:
    _drop_triggers(session)
    row = session.conn.execute("SELECT * FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    session.conn.execute("DELETE FROM audit_log WHERE seq = ?", (row["seq"],))
    assert any("kop van het logboek" in p for p in vault_service.verify_audit(session)[1])
    session.conn.execute("INSERT INTO audit_log VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", tuple(row))
    _restore_triggers(session)
