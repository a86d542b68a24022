"""Signing on two laptops by file: the chair signs on A and exports a package, the secretary opens
it on B (checked: signatures, record against the PDF), signs, and the package brought back makes
A final too. Twice is a no-op; a forked record is refused with both versions named; a tampered
package is refused; both laptops upload, the region keeps the document exactly once. The two
laptops know each other's signers as a region does: through the region file, which carries each
person's certificate (forged packages: tests/sync/test_forged_packages.py)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from regional.server import RegionalServer
from tafelapp.domain.minutes import MinutesStatus
from tafelapp.domain.problems import InvalidInput
from tafelapp.jobs.outbox_job import drain_once
from tafelapp.services import (
    case_service,
    exchange_service,
    meeting_service,
    minutes_service,
    package_service,
    setup_service,
    vault_service,
)
from tafelapp.services.demo_service import seed_demo
from tafelapp.services.session import Session
from tafelapp.store import outbox_repo
from tests.conftest import PASSPHRASE
from tests.sync.conftest import configure_region
from tests.sync.test_outbox import server_copies


def share_region(source: Session, target: Session) -> None:
    """The functional administrator's region file, from one vault read into the other."""
    setup_service.import_region(target, setup_service.export_region_json(source).encode())


@pytest.fixture
def laptops(tmp_path: Path) -> Any:
    a = vault_service.create(tmp_path / "a.tafelapp", PASSPHRASE, actor="voorzitter")
    b = vault_service.create(tmp_path / "b.tafelapp", PASSPHRASE, actor="secretaris")
    ids = seed_demo(a)
    meeting = meeting_service.get_meeting(a, ids["jbt_meeting"])
    minutes = minutes_service.draft_minutes(a, meeting.agenda[0].id)
    chair = minutes_service.create_local_identity(a, meeting.chair, "123456")
    minutes_service.sign_minutes(a, minutes.id, chair.id, "123456", "CHAIR")
    assert meeting.secretary is not None
    share_region(a, b)  # B learns the chair's certificate …
    secretary = minutes_service.create_local_identity(b, meeting.secretary, "654321")
    assert secretary.person_id  # linked to the region's secretary on B
    share_region(b, a)  # … and A the secretary's
    yield {"a": a, "b": b, "minutes": minutes.id, "meeting": meeting, "secretary": secretary,
           "chair": chair, "ids": ids}
    for s in (a, b):
        assert vault_service.check(s).ok
        s.close()


def test_sign_on_two_laptops_and_upload_exactly_once(laptops: Any, server: RegionalServer) -> None:
    a, b, minutes_id = laptops["a"], laptops["b"], laptops["minutes"]
    package = package_service.export_package(a, minutes_id)
    opened = package_service.open_package(b, package)
    assert (opened.outcome, opened.status) == ("created", MinutesStatus.SIGNING)
    assert package_service.open_package(b, package).outcome == "unchanged"
    on_b = minutes_service.get_minutes(b, minutes_id)
    assert on_b.record_sha256 == minutes_service.get_minutes(a, minutes_id).record_sha256
    report = minutes_service.verify_pdf(minutes_service.signed_document(b, minutes_id))
    assert report.intact and report.missing == ["secretaris"]
    html = minutes_service.document_html(b, minutes_id)  # B shows the notulen it will sign
    assert "Fictief-Van Dalen" in html
    final = minutes_service.sign_minutes(b, minutes_id, laptops["secretary"].id, "654321",
                                         "SECRETARY")
    assert final.status is MinutesStatus.FINAL
    back = package_service.export_package(b, minutes_id)
    assert package_service.open_package(a, back).outcome == "updated"
    assert package_service.open_package(a, back).outcome == "unchanged"
    on_a = minutes_service.get_minutes(a, minutes_id)
    assert on_a.status is MinutesStatus.FINAL
    pdf = minutes_service.signed_document(a, minutes_id)
    assert pdf == minutes_service.signed_document(b, minutes_id)
    assert minutes_service.verify_pdf(pdf).verdict.startswith("intact")
    # Both laptops hold it final and queued; both upload; the region keeps it once.
    for laptop in (b, a):
        configure_region(laptop, server.url)
        drain_once(laptop)
        [item] = outbox_repo.all_items(laptop.conn)
        assert item.state == "delivered", (item.state, item.last_error)
    copies = server_copies(server)
    assert [len(v) for v in copies.values()] == [1] and next(iter(copies.values()))[0] == pdf


def test_a_forked_record_is_refused_with_both_versions_named(laptops: Any) -> None:
    a, b, minutes_id = laptops["a"], laptops["b"], laptops["minutes"]
    package_service.open_package(b, package_service.export_package(a, minutes_id))
    # On A the chair withdraws, changes the record and signs again: the same notulen, another
    # record. B already holds the first version in signing.
    minutes_service.withdraw_signing(a, minutes_id)
    item_id = laptops["meeting"].agenda[0].id
    meeting_service.update_safety_plan(a, item_id, worries="Een andere zorg, later toegevoegd.")
    minutes_service.sign_minutes(a, minutes_id, laptops["chair"].id, "123456", "CHAIR")
    before = minutes_service.signed_document(b, minutes_id)
    with pytest.raises(InvalidInput) as refused:
        package_service.open_package(b, package_service.export_package(a, minutes_id))
    message = refused.value.problems[0].message
    assert refused.value.problems[0].code == "package.other_record"
    assert "Hier: record" in message and "In het bestand: record" in message
    assert "niets overschreven" in message
    assert minutes_service.signed_document(b, minutes_id) == before


@pytest.mark.parametrize("tamper", ["record", "pdf", "format"])
def test_a_tampered_package_is_refused_and_nothing_is_written(laptops: Any, tamper: str) -> None:
    a, b, minutes_id = laptops["a"], laptops["b"], laptops["minutes"]
    data = json.loads(package_service.export_package(a, minutes_id))
    if tamper == "record":
        data["exchange"]["meetings"][0]["agenda"][0]["safety_plan"]["worries"] = "Vervalst."
    elif tamper == "pdf":
        pdf = data["exchange"]["minutes"][0]["pdf_base64"]
        data["exchange"]["minutes"][0]["pdf_base64"] = pdf[:-40] + "A" * 40
    else:
        data["format"] = "iets anders"
    with pytest.raises(InvalidInput) as refused:
        package_service.open_package(b, json.dumps(data).encode())
    assert refused.value.problems[0].code.startswith(("package.", "invalid."))
    assert case_service.list_cases(b) == []  # all or nothing: not even the case arrived
    assert minutes_service.minutes_for_item(b, laptops["meeting"].agenda[0].id) == []


def test_a_case_export_carries_its_notulen_to_the_second_laptop(laptops: Any) -> None:
    a, b, minutes_id = laptops["a"], laptops["b"], laptops["minutes"]
    export = exchange_service.export_case_json(a, laptops["ids"]["jbt_case"])
    assert exchange_service.import_case(b, export.encode()).outcome == "created"
    on_b = minutes_service.get_minutes(b, minutes_id)
    assert on_b.status is MinutesStatus.SIGNING and len(on_b.signatures) == 1
    assert exchange_service.import_case(b, export.encode()).outcome == "unchanged"


def test_the_package_commands_on_the_command_line(laptops: Any, tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    secret = tmp_path / "pw"
    secret.write_text(PASSPHRASE)
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("TAFELAPP_")},
           "TAFELAPP_PASSPHRASE_FILE": str(secret)}

    def cli(vault: str, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "tafelapp.cli", "--vault",
                               str(tmp_path / vault), *args], env=env, capture_output=True,
                              text=True, timeout=120)
    package = tmp_path / "pakket.json"
    made = cli("a.tafelapp", "notulen", "export-package", "--minutes", laptops["minutes"],
               "-o", str(package))
    assert made.returncode == 0, made.stderr
    opened = cli("b.tafelapp", "notulen", "import-package", str(package))
    assert opened.returncode == 0 and "geopend; nu in ondertekening" in opened.stdout
    again = cli("b.tafelapp", "notulen", "import-package", str(package))
    assert "al bekend, niets veranderd" in again.stdout
    broken = tmp_path / "kapot.json"
    broken.write_text("{}")
    refused = cli("b.tafelapp", "notulen", "import-package", str(broken))
    assert refused.returncode == 2 and "ondertekenpakket" in refused.stderr
