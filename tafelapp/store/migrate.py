"""Apply the numbered SQL files in ../migrations in order, one transaction each."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from tafelapp.store.connection import Connection, DatabaseError
from tafelapp.store.errors import MigrationFailed, VaultTooNew

MIGRATIONS_DIR = Path(__file__).resolve().parents[2] / "migrations"
_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")


@dataclass(frozen=True)
class Migration:
    """One numbered SQL file."""

    version: int
    name: str
    sql: str


def available_migrations(folder: Path = MIGRATIONS_DIR) -> list[Migration]:
    """Every migration file, checked to be numbered 1, 2, 3 … without gaps."""
    found = []
    for path in sorted(folder.glob("*.sql")):
        match = _NAME.match(path.name)
        if not match:
            raise ValueError(f"migration file with a bad name: {path.name}")
        found.append(Migration(int(match.group(1)), match.group(2), path.read_text("utf-8")))
    versions = [m.version for m in found]
    if versions != list(range(1, len(found) + 1)):
        raise ValueError(f"migrations must be numbered 1..N without gaps, found {versions}")
    return found


def latest_version(folder: Path = MIGRATIONS_DIR) -> int:
    """The schema version this app writes."""
    return len(available_migrations(folder))


def current_version(conn: Connection) -> int:
    """The schema version of the open vault (0 for a new, empty one)."""
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
    ).fetchone()
    if not exists:
        return 0
    row = conn.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def _backup(conn: Connection, vault_path: Path, version: int) -> Path:
    """An encrypted copy of the vault as it was before the upgrade (same key, mode 0600)."""
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    target = vault_path.with_name(f"{vault_path.name}.v{version}.bak")
    shutil.copyfile(vault_path, target)
    target.chmod(0o600)
    return target


def migrate(conn: Connection, target: int | None = None, vault_path: Path | None = None,
            folder: Path = MIGRATIONS_DIR) -> list[int]:
    """Bring the vault to `target` (default: the latest); returns the versions applied.

    A vault newer than this app is refused untouched. Before upgrading a vault that already
    holds a schema, an encrypted backup copy is made next to it.
    """
    migrations = available_migrations(folder)
    known = len(migrations)
    goal = known if target is None else target
    conn.execute("CREATE TABLE IF NOT EXISTS schema_version ("
                 "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
    version = current_version(conn)
    if version > known:
        raise VaultTooNew(version, known)
    pending = [m for m in migrations if version < m.version <= goal]
    if pending and version > 0 and vault_path is not None:
        _backup(conn, vault_path, version)
    applied = []
    for migration in pending:
        stamp = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        script = (f"BEGIN IMMEDIATE;\n{migration.sql}\n;"
                  f"INSERT INTO schema_version (version, name, applied_at) VALUES "
                  f"({migration.version}, '{migration.name}', '{stamp}');\nCOMMIT;")
        try:
            conn.executescript(script)
        except DatabaseError as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise MigrationFailed(migration.version, str(exc)) from exc
        applied.append(migration.version)
    return applied
