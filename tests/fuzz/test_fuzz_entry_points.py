"""Fuzzing the four doors files come in by (issue 21): a case export, a region file, an aanmelding
and an ondertekenpakket, each mutated thousands of times from a valid file (deterministic seeds)
and handed to the services in-process on one vault. Every mutation is either taken or refused
with Dutch problems (no pydantic English, no internal path, no "Onverwachte fout"), never any
other exception, and the vault's content hash is compared before and after every refusal."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tafelapp.domain.problems import InvalidInput
from tafelapp.services import (
    directory_service,
    exchange_service,
    intake_service,
    meeting_service,
    minutes_service,
    package_service,
    setup_service,
    table_service,
    vault_service,
)
from tafelapp.services.demo_service import seed_demo
from tafelapp.services.session import Session
from tests.conftest import PASSPHRASE, assert_vault_intact
from tests.fuzz.mutations import mutations
from tests.fuzz.vault_hash import vault_hash

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"
COUNTS = {"case export": 3000, "region file": 3600, "aanmelding": 3000, "signing package": 600}
ENGLISH = re.compile(r"Input should|Field required|Extra inputs|should be|validation error|"
                     r"value is not|String should|Value error|Unterminated|Expecting|Traceback|"
                     r"Error\b|unexpected|invalid|UNIQUE|constraint")
RAW_PATH = re.compile(r"(^|, )[a-z_]+\.[a-z_0-9.]+$")


def _melder(session: Session) -> str:
    """Someone of Veilig Thuis (a melder the JBT takes a VTO from)."""
    book = directory_service.directory(session)
    vt = {o.id for o in book.organisations if o.kind.value == "VEILIG_THUIS"}
    return next(p.name for p in book.people if p.organisation_id in vt)


@pytest.fixture(scope="module")
def vault(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Session, dict[str, bytes]]]:
    """One vault with the demo data and notulen signed by the chair; the four valid files."""
    session = vault_service.create(tmp_path_factory.mktemp("fuzz") / "kluis.tafelapp",
                                   PASSPHRASE, actor="fuzz")
    ids = seed_demo(session)
    meeting = meeting_service.get_meeting(session, ids["jbt_meeting"])
    minutes = minutes_service.draft_minutes(session, meeting.agenda[0].id)
    chair = minutes_service.create_local_identity(session, meeting.chair, "123456")
    minutes_service.sign_minutes(session, minutes.id, chair.id, "123456", "CHAIR")
    aanmelding = json.loads((EXAMPLES / "aanmelding-voorbeeld.json").read_text("utf-8"))
    aanmelding.update(table=table_service.list_tables(session)[0].name,
                      referrer=_melder(session),
                      children=aanmelding["children"][:1], referral_date="2026-11-20")
    files = {
        "case export": exchange_service.export_case_json(session, ids["zvt_case"]).encode(),
        "region file": setup_service.export_region_json(session).encode(),
        "aanmelding": json.dumps(aanmelding).encode(),
        "signing package": package_service.export_package(session, minutes.id),
    }
    yield session, files
    assert_vault_intact(session)
    session.close()


def _door(session: Session, name: str) -> Callable[[bytes], Any]:
    if name == "case export":
        return lambda data: exchange_service.import_case(session, data)
    if name == "region file":
        return lambda data: setup_service.import_region(session, data)
    if name == "aanmelding":
        return lambda data: intake_service.register_case(
            session, **intake_service.aanmelding_fields(session, data))
    return lambda data: package_service.open_package(session, data)


def _bad_lines(problems: list[Any]) -> list[str]:
    bad = []
    for problem in problems:
        line = problem.render()
        place = line.split(": ", 1)[0]
        if ENGLISH.search(line) or RAW_PATH.search(place) or "Onverwachte" in line \
                or not problem.message:
            bad.append(line[:300])
    return bad


def _try(session: Session, door: Callable[[bytes], Any], data: bytes,
         inner: bool) -> tuple[Any, str | None]:
    """Hand one file to a door: its result or the exception it raised, and (with `inner`, for a
    refusal) the vault's hash taken before the test's own transaction was rolled back.

    With `inner`, inside a transaction of the test's own that is rolled back afterwards
    (the services' transactions join it): a refusal is then hashed before any rollback could
    hide a write — these doors validate everything before they write — and a file that is
    taken leaves the vault as it was, so the vault stays small and the run fast. Without it
    (the signing package, which takes the record in and then checks the PDF inside its
    transaction) the real commit-or-roll-back path is hashed."""
    conn = session.conn
    if inner:
        conn.execute("BEGIN IMMEDIATE")
    inside = None
    try:
        result = door(data)
    except Exception as exc:
        result = exc
    if inner:
        inside = vault_hash(session) if isinstance(result, InvalidInput) else None
        conn.execute("ROLLBACK")
    return result, inside


@pytest.mark.parametrize(("name", "seed"), [(name, 2100 + i) for i, name in enumerate(COUNTS)])
def test_mutated_files_are_taken_or_refused_in_dutch_and_a_refusal_writes_nothing(
        vault: tuple[Session, dict[str, bytes]], name: str, seed: int) -> None:
    session, files = vault
    door = _door(session, name)
    door(files[name])  # the valid file itself is taken (or already there)
    crashes: list[str] = []
    wrong: list[str] = []
    written: list[str] = []
    taken = refused = 0
    before = vault_hash(session)
    for number, data in enumerate(mutations(files[name], COUNTS[name], seed)):
        inner = name != "signing package"
        outcome, inside = _try(session, door, data, inner)
        if isinstance(outcome, InvalidInput):
            refused += 1
            wrong += _bad_lines(outcome.problems)
            after = vault_hash(session)
            if after != before or inside not in (None, before):
                written.append(f"#{number}: {outcome.problems[0].render()[:120]}")
            before = after
        elif isinstance(outcome, Exception):
            crashes.append(f"#{number}: {type(outcome).__name__}: {str(outcome)[:200]}")
            before = vault_hash(session)
        else:
            taken += 1
            if not inner:
                before = vault_hash(session)
    assert taken + refused == COUNTS[name], crashes[:10]
    assert not crashes, crashes[:10]
    assert not written, f"refusals that changed the vault: {written[:10]}"
    assert not wrong, sorted(set(wrong))[:40]
    assert refused > COUNTS[name] // 2  # the mutations do break the files
