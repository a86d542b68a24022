"""Open the SQLCipher vault: key it, check the key, set the pragmas, one connection."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher

from tafelapp.store.errors import VaultExists, VaultNotFound, WrongPassphrase

Connection = Any
"""A DB-API connection (sqlcipher3, or sqlite3 in the benchmark's plain control run)."""

DatabaseError = sqlcipher.DatabaseError


def _quote(text: str) -> str:
    """A SQL string literal; PRAGMA key cannot take a bound parameter."""
    return "'" + text.replace("'", "''") + "'"


def configure(conn: Connection) -> None:
    """The pragmas every vault connection runs with.

    WAL with synchronous=FULL: a committed edit survives power loss, which matters more than
    the last millisecond. Temp data stays in memory so no unencrypted temp file is written.
    """
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("PRAGMA secure_delete = ON")
    conn.execute("PRAGMA busy_timeout = 5000")
    # 64 MiB of decrypted pages in memory: every cache miss costs an AES decryption, and the
    # werklijst and figures read across tens of thousands of cases.
    conn.execute("PRAGMA cache_size = -65536")
    conn.row_factory = sqlcipher.Row


def _connect_keyed(path: Path, passphrase: str) -> Connection:
    conn = sqlcipher.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA cipher_log_level = NONE")
    # The default SQLCipher 4 KDF: PBKDF2-HMAC-SHA512 with 256,000 iterations and a per-file
    # random salt kept in the file's first 16 bytes (see README, "Why these choices").
    conn.execute(f"PRAGMA key = {_quote(passphrase)}")
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher.DatabaseError:
        conn.close()
        raise WrongPassphrase() from None
    return conn


def create_vault_file(path: Path, passphrase: str) -> Connection:
    """Create a new, empty encrypted vault (mode 0600, its folder 0700) and return a connection."""
    if path.exists() and path.stat().st_size > 0:
        raise VaultExists(str(path))
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
    os.close(fd)
    os.chmod(path, 0o600)
    conn = _connect_keyed(path, passphrase)
    configure(conn)
    return conn


def open_vault_file(path: Path, passphrase: str) -> Connection:
    """Open an existing vault; a wrong passphrase raises WrongPassphrase and changes nothing."""
    if not path.exists() or path.stat().st_size == 0:
        raise VaultNotFound(str(path))
    conn = _connect_keyed(path, passphrase)
    configure(conn)
    return conn


def rekey(conn: Connection, new_passphrase: str) -> None:
    """Re-encrypt the whole vault under a new passphrase."""
    conn.execute(f"PRAGMA rekey = {_quote(new_passphrase)}")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def cipher_version(conn: Connection) -> str:
    """The SQLCipher version that runs this vault."""
    row = conn.execute("PRAGMA cipher_version").fetchone()
    return str(row[0]) if row else "onbekend"


def integrity_report(conn: Connection) -> dict[str, list[str]]:
    """Results of `PRAGMA cipher_integrity_check` (empty when clean) and `PRAGMA integrity_check`."""
    cipher = [str(r[0]) for r in conn.execute("PRAGMA cipher_integrity_check").fetchall()]
    sqlite = [str(r[0]) for r in conn.execute("PRAGMA integrity_check").fetchall()]
    fk = [str(tuple(r)) for r in conn.execute("PRAGMA foreign_key_check").fetchall()]
    return {"cipher_integrity_check": cipher, "integrity_check": sqlite, "foreign_key_check": fk}


def integrity_ok(report: dict[str, list[str]]) -> bool:
    """True when the three checks are clean."""
    return (not report["cipher_integrity_check"] and report["integrity_check"] == ["ok"]
            and not report["foreign_key_check"])
