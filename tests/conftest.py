"""Shared fixtures: real encrypted vaults in temporary folders, checked for integrity afterwards."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tafelapp.services import vault_service
from tafelapp.services.demo_service import seed_demo
from tafelapp.services.session import Session
from tafelapp.store.connection import integrity_ok, integrity_report

PASSPHRASE = "Kaasschaaf-Tulp-91"


def assert_vault_intact(session: Session) -> None:
    """`PRAGMA cipher_integrity_check` and `PRAGMA integrity_check` are clean, the audit chain too."""
    report = integrity_report(session.conn)
    assert integrity_ok(report), report
    _, problems = vault_service.verify_audit(session)
    assert problems == [], problems


@pytest.fixture
def vault_path(tmp_path: Path) -> Path:
    return tmp_path / "kluis.tafelapp"


@pytest.fixture
def session(vault_path: Path) -> Iterator[Session]:
    """A new, empty vault; checked for integrity after the test."""
    s = vault_service.create(vault_path, PASSPHRASE, actor="test-voorzitter")
    yield s
    assert_vault_intact(s)
    s.close()


@pytest.fixture
def demo(session: Session) -> dict[str, str]:
    """The demo data in the test's vault; returns the ids of what it made."""
    return seed_demo(session)


@pytest.fixture
def today() -> dt.date:
    return dt.date.today()


@pytest.fixture(scope="session")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A certomancer test PKI with its timestamp authority on loopback (once per run)."""
    from tests.signing.pki import make_pki

    yield from make_pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture(scope="session")
def ltv_pki(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A certomancer PKI with OCSP responder, CRL and TSA on loopback, for archive signatures."""
    from tests.signing.ltv_pki import make_ltv_pki

    yield from make_ltv_pki(tmp_path_factory.mktemp("ltv-pki"))


@pytest.fixture(scope="session")
def softhsm(pki: Any, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SoftHSM2 token with the chair's key and certificate (once per run: the PKCS#11 library
    reads its configuration when it is first loaded); returns the module's path."""
    from tests.signing.pki import softhsm_token

    return softhsm_token(tmp_path_factory.mktemp("hsm"), pki)
