"""A doctored ondertekenpakket never makes notulen final: their state is what the PDF proves (each
signature intact, in its declared field, by the certificate of the person holding that role),
never what the package's JSON says. On the chair's laptop (notulen signed by the chair only)
every forged variant is refused with a sentence naming what does not hold, through the service,
the case export and the command line, and the vault's content is byte for byte unchanged."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tafelapp.domain.minutes import MinutesStatus
from tafelapp.domain.problems import InvalidInput
from tafelapp.services import exchange_service, minutes_service, package_service
from tafelapp.store import outbox_repo
from tests.conftest import PASSPHRASE
from tests.sync.forgery import VARIANTS, Keys, forge, vault_digest
from tests.sync.test_two_laptops import laptops  # noqa: F401  (the fixture)


def _keys(laptops: dict[str, Any]) -> Keys:  # noqa: F811
    meeting = laptops["meeting"]
    return Keys(chair=minutes_service.unlock_identity(laptops["a"], laptops["chair"].id, "123456"),
                secretary=minutes_service.unlock_identity(laptops["b"], laptops["secretary"].id,
                                                          "654321"),
                chair_name=meeting.chair, secretary_name=meeting.secretary)


def _unchanged(laptops: dict[str, Any], before: str) -> None:  # noqa: F811
    a = laptops["a"]
    assert vault_digest(a) == before
    assert minutes_service.get_minutes(a, laptops["minutes"]).status is MinutesStatus.SIGNING
    assert outbox_repo.all_items(a.conn) == []  # nothing queued for the region


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_a_forged_package_is_refused_on_the_chairs_laptop_and_nothing_changes(
        laptops: dict[str, Any], variant: str) -> None:  # noqa: F811
    a = laptops["a"]
    forged, expected = forge(package_service.export_package(a, laptops["minutes"]), variant,
                             _keys(laptops))
    before = vault_digest(a)
    with pytest.raises(InvalidInput) as refused:
        package_service.open_package(a, forged)
    message = refused.value.problems[0].message
    assert expected in message, message
    assert "Traceback" not in message and "Error" not in message
    _unchanged(laptops, before)


@pytest.mark.parametrize("variant", ["mallory", "status_typed", "rectifies_unknown"])
def test_a_forged_case_export_is_refused_the_same_way(laptops: dict[str, Any],  # noqa: F811
                                                      variant: str) -> None:
    a, b = laptops["a"], laptops["b"]
    export = exchange_service.export_case_json(a, laptops["ids"]["jbt_case"]).encode()
    forged, expected = forge(export, variant, _keys(laptops))
    for vault in (a, b):  # the chair's own laptop, and a laptop that never held the case
        before = vault_digest(vault)
        with pytest.raises(InvalidInput) as refused:
            exchange_service.import_case(vault, forged)
        assert expected in refused.value.problems[0].message
        assert vault_digest(vault) == before
    assert exchange_service.import_case(b, export).outcome == "created"  # the real one is taken


def test_the_genuine_package_back_from_the_secretary_makes_the_notulen_final(
        laptops: dict[str, Any]) -> None:  # noqa: F811
    a, b, minutes_id = laptops["a"], laptops["b"], laptops["minutes"]
    package_service.open_package(b, package_service.export_package(a, minutes_id))
    minutes_service.sign_minutes(b, minutes_id, laptops["secretary"].id, "654321", "SECRETARY")
    back = json.loads(package_service.export_package(b, minutes_id))
    said = back["exchange"]["minutes"][0]["minutes"]
    said["signatures"][1]["signed_at"] = "2001-01-01T00:00:00Z"  # a claim, not a fact …
    opened = package_service.open_package(a, json.dumps(back).encode())
    on_a = minutes_service.get_minutes(a, minutes_id)
    assert opened.status is MinutesStatus.FINAL and on_a.status is MinutesStatus.FINAL
    assert on_a.signatures[1].signed_at.year > 2001  # … the time comes from the PDF
    assert [s.signer_name for s in on_a.signatures] == [laptops["meeting"].chair,
                                                        laptops["meeting"].secretary]
    assert [i.state for i in outbox_repo.all_items(a.conn)] == ["queued"]


def test_an_unknown_secretary_certificate_is_refused_until_the_region_file_carries_it(
        tmp_path: Path) -> None:
    from tafelapp.services import meeting_service, vault_service
    from tafelapp.services.demo_service import seed_demo
    from tests.sync.test_two_laptops import share_region

    a = vault_service.create(tmp_path / "a.tafelapp", PASSPHRASE, actor="voorzitter")
    b = vault_service.create(tmp_path / "b.tafelapp", PASSPHRASE, actor="secretaris")
    meeting = meeting_service.get_meeting(a, seed_demo(a)["jbt_meeting"])
    minutes = minutes_service.draft_minutes(a, meeting.agenda[0].id)
    chair = minutes_service.create_local_identity(a, meeting.chair, "123456")
    minutes_service.sign_minutes(a, minutes.id, chair.id, "123456", "CHAIR")
    package = package_service.export_package(a, minutes.id)
    with pytest.raises(InvalidInput) as refused:  # B does not know the chair's certificate yet
        package_service.open_package(b, package)
    assert "deze kluis kent dit certificaat niet; lees het regiobestand" in \
        refused.value.problems[0].message
    share_region(a, b)
    assert package_service.open_package(b, package).status is MinutesStatus.SIGNING
    a.close()
    b.close()


def test_forged_packages_on_the_command_line(laptops: dict[str, Any],  # noqa: F811
                                             tmp_path: Path) -> None:
    a = laptops["a"]
    secret = tmp_path / "pw"
    secret.write_text(PASSPHRASE)
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("TAFELAPP_")},
           "TAFELAPP_PASSPHRASE_FILE": str(secret)}
    package = package_service.export_package(a, laptops["minutes"])
    keys = _keys(laptops)
    before = vault_digest(a)
    for variant in ("mallory", "status_typed", "rectifies_unknown"):
        forged, expected = forge(package, variant, keys)
        path = tmp_path / f"{variant}.json"
        path.write_bytes(forged)
        result = subprocess.run([sys.executable, "-m", "tafelapp.cli", "--vault",
                                 str(tmp_path / "a.tafelapp"), "notulen", "import-package",
                                 str(path)], env=env, capture_output=True, text=True,
                                timeout=120)
        assert result.returncode == 2, (variant, result.stdout, result.stderr)
        assert expected in " ".join(result.stderr.split()), (variant, result.stderr)
        assert "Traceback" not in result.stderr and "Onverwachte fout" not in result.stderr
        assert "vastgesteld" not in result.stdout
    _unchanged(laptops, before)
