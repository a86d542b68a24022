"""Use cases of the vault itself: create, unlock, change passphrase, check."""

from __future__ import annotations

import getpass
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from tafelapp.domain.audit import verify_chain
from tafelapp.domain.passphrase import passphrase_problems
from tafelapp.domain.problems import InvalidInput
from tafelapp.paths import default_vault_path
from tafelapp.services.session import Session
from tafelapp.store import attempts, audit_repo, connection, migrate, worklist_repo
from tafelapp.store.errors import VaultError, VaultNotFound, WrongPassphrase

__all__ = ["VaultError", "VaultNotFound", "WrongPassphrase", "check", "create", "default_vault_path", "unlock"]


def default_actor() -> str:
    """Who is working: `TAFELAPP_USER`, else the login name."""
    return os.environ.get("TAFELAPP_USER") or getpass.getuser()


def create(path: Path, passphrase: str, actor: str | None = None) -> Session:
    """Make a new encrypted vault with the latest schema; a weak passphrase is refused."""
    problems = passphrase_problems(passphrase)
    if problems:
        raise InvalidInput(problems)
    conn = connection.create_vault_file(path, passphrase)
    try:
        migrate.migrate(conn, vault_path=path)
    except BaseException:
        conn.close()
        raise
    session = Session(conn, path, actor or default_actor())
    with session.change("vault.create", "vault", path.name, fields=["schema_version"]):
        pass
    return session


def unlock(path: Path, passphrase: str, actor: str | None = None) -> Session:
    """Open an existing vault and bring its schema up to date (a too-new vault is refused).

    After repeated wrong passphrases each try first waits 2, 4, 8 … up to 30 seconds, counted
    beside the vault so the wait holds across processes (CLI, services, the app)."""
    wait = attempts.wait_left(path)
    if wait > 0:
        time.sleep(wait)
    try:
        conn = connection.open_vault_file(path, passphrase)
    except WrongPassphrase:
        attempts.record(path, success=False)
        raise
    attempts.record(path, success=True)
    try:
        applied = migrate.migrate(conn, vault_path=path)
    except BaseException:
        conn.close()
        raise
    session = Session(conn, path, actor or default_actor())
    if applied:
        with session.change("vault.migrate", "vault", path.name,
                            fields=[f"schema_version.{v}" for v in applied]):
            pass
    return session


def change_passphrase(session: Session, new_passphrase: str) -> None:
    """Re-encrypt the vault under a new passphrase (rekey), audited."""
    problems = passphrase_problems(new_passphrase)
    if problems:
        raise InvalidInput(problems)
    with session.change("vault.rekey", "vault", session.path.name, fields=["passphrase"]):
        pass
    connection.rekey(session.conn, new_passphrase)


@dataclass
class CheckReport:
    """What `tafelapp check` reports."""

    path: str
    cipher_version: str
    schema_version: int
    latest_schema: int
    integrity: dict[str, list[str]]
    audit_problems: list[str] = field(default_factory=list)
    audit_records: int = 0
    watch_mismatches: list[str] = field(default_factory=list)  # case numbers; should be none
    record_mismatches: list[str] = field(default_factory=list)  # signed records changed since

    @property
    def ok(self) -> bool:
        """True when the database, the audit chain, the werklijst's case_watch and every signed
        record (against the hash pinned at its first signature) are intact."""
        return (connection.integrity_ok(self.integrity) and not self.audit_problems
                and not self.watch_mismatches and not self.record_mismatches)


def verify_audit(session: Session) -> tuple[int, list[str]]:
    """How many audit records there are, and every break in their chain."""
    records = audit_repo.all_records(session.conn)
    return len(records), verify_chain(records, audit_repo.head(session.conn))


def check(session: Session) -> CheckReport:
    """Cipher version, both integrity checks, schema version, the audit chain, case_watch, and
    every signed record against the hash pinned at its first signature."""
    from tafelapp.services.minutes_service import pinned_record_mismatches  # PDF stack: lazily

    count, audit_problems = verify_audit(session)
    return CheckReport(
        path=str(session.path),
        cipher_version=connection.cipher_version(session.conn),
        schema_version=migrate.current_version(session.conn),
        latest_schema=migrate.latest_version(),
        integrity=connection.integrity_report(session.conn),
        audit_problems=audit_problems,
        audit_records=count,
        watch_mismatches=worklist_repo.watch_mismatches(session.conn),
        record_mismatches=pinned_record_mismatches(session),
    )
