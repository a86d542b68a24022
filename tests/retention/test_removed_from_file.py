"""After the term the removed values are nowhere in the vault file or its WAL: every page is
decrypted with the vault key (SQLCipher 4 layout) and searched, and the same search finds each
value before removal, so the test can fail."""

from __future__ import annotations

from pathlib import Path

import pytest

from tafelapp.services import retention_service
from tafelapp.services.session import Session
from tests.conftest import PASSPHRASE
from tests.retention.setup import FAMILY_VALUES, TERM_WEEKS, closed_case, later
from tests.retention.sqlcipher_pages import file_pages, plaintext


def _pdf_pieces(pdf: bytes, count: int = 12, size: int = 24) -> list[bytes]:
    """Pieces of the signed PDF that occur nowhere else (not the signature's zero padding)."""
    step = len(pdf) // (count * 4)
    pieces = [pdf[i:i + size] for i in range(step, len(pdf) - size, step)]
    return [p for p in pieces if len(set(p)) >= 16 and pdf.count(p) == 1][:count]


def _found(vault: Path, needles: list[bytes]) -> set[bytes]:
    main, wal = plaintext(vault, PASSPHRASE)
    return {n for n in needles if n in main or n in wal}


def _needles() -> list[bytes]:
    return [v.encode() for v in FAMILY_VALUES]


def test_the_decryptor_reads_the_vault(session: Session, vault_path: Path) -> None:
    session.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    _, pages = file_pages(vault_path, PASSPHRASE)
    assert pages and b"CREATE TABLE case_removals" in b"".join(pages)
    with pytest.raises(ValueError, match="HMAC"):
        file_pages(vault_path, "Niet-het-wachtwoord-7")
    assert b"CREATE TABLE" not in vault_path.read_bytes()  # encrypted on disk


def test_after_the_term_the_file_and_wal_hold_none_of_the_removed_values(
        session: Session, vault_path: Path) -> None:
    ids = closed_case(session)
    pieces = _pdf_pieces(ids["pdf"])
    assert len(pieces) == 12
    before = _found(vault_path, _needles())
    assert before == set(_needles()), set(_needles()) - before
    assert len(_found(vault_path, pieces)) >= len(pieces) - 3  # a piece may cross a page edge
    later(session, TERM_WEEKS + 1)
    outcome = retention_service.remove_due(session)
    assert outcome.removed and outcome.compact_seconds > 0
    assert _found(vault_path, _needles()) == set()
    assert _found(vault_path, pieces) == set()
    # the other family and the region's address book stay
    kept = _found(vault_path, [b"Fictief-Ramdin", b"Anita Ramdin", b"Ilse Jansen (fictief)"])
    assert len(kept) == 3


def test_without_compaction_traces_stay_which_is_why_it_runs(
        session: Session, vault_path: Path) -> None:
    closed_case(session)
    later(session, TERM_WEEKS + 1)
    retention_service.remove_due(session, compact=False)
    left = _found(vault_path, _needles())
    assert left, "secure_delete alone left nothing: the compaction would be unneeded"
    retention_service.compact_file(session)
    assert _found(vault_path, _needles()) == set()
