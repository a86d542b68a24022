"""`tafelapp region set|test`, `outbox send` and `werklijst --regio` on the command line against
the real Open Zaak."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tafelapp.services import case_service, vault_service
from tests.conftest import PASSPHRASE
from tests.openzaak import course
from tests.openzaak.oz import BASE, CLIENT, PSEUDONYM_SECRET, RSIN, SECRET, OpenZaak


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tafelapp.cli", *args], env=env, text=True,
                          capture_output=True, timeout=300)


def test_set_test_send_and_the_region_werklijst_on_the_command_line(alive: OpenZaak,
                                                                   tmp_path: Path) -> None:
    (tmp_path / "pw").write_text(PASSPHRASE + "\n")
    (tmp_path / "secret").write_text(SECRET + "\n")
    (tmp_path / "pseudo").write_text(PSEUDONYM_SECRET + "\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("TAFELAPP_")}
    env.update(TAFELAPP_VAULT=str(tmp_path / "k.tafelapp"),
               TAFELAPP_PASSPHRASE_FILE=str(tmp_path / "pw"), TAFELAPP_USER="cli-test")
    assert run(env, "init", "--demo").returncode == 0
    vault = vault_service.unlock(tmp_path / "k.tafelapp", PASSPHRASE, "cli-test")
    try:  # a number of its own: Open Zaak keeps every earlier run's zaken
        [jbt] = [c for c in case_service.list_cases(vault) if c.case_number.startswith("JBT")]
        number = course.unique_number(vault, jbt.id)
    finally:
        vault.close()
    wrong = run(env, "region", "set", "--zaaktype", "JBT")
    assert wrong.returncode != 0 and "CODE=WAARDE" in wrong.stderr
    done = run({**env, "TAFELAPP_REGION_SECRET_FILE": str(tmp_path / "secret"),
                "TAFELAPP_PSEUDONYM_SECRET_FILE": str(tmp_path / "pseudo")},
               "region", "set", "--base-url", f"{BASE}/documenten", "--client-id", CLIENT,
               "--rsin", RSIN, "--informatieobjecttype", alive.iot,
               "--zaken-url", f"{BASE}/zaken/api/v1", "--zaaktype", f"JBT={alive.zaaktype}")
    assert done.returncode == 0, done.stderr
    shown = run(env, "region", "show")
    assert PSEUDONYM_SECRET not in shown.stdout and '"pseudonym_secret": "********"' in shown.stdout
    tested = run(env, "region", "test")
    assert tested.returncode == 0, tested.stdout + tested.stderr
    assert "De Zaken API is goed ingesteld" in tested.stdout
    assert "Niet aangetoond" in tested.stdout and "zaken.bijwerken" in tested.stdout
    # the demo's cases (no notulen yet): the JBT case becomes a zaak, the ZVT case waits for a
    # zaaktype of its own
    sent = run(env, "outbox", "send")
    assert sent.returncode == 0 and sent.stdout.count("delivered") == 1, sent.stdout
    listed = run(env, "outbox", "list")
    assert f"ZAAK-{number}" in listed.stdout and "delivered" in listed.stdout
    assert len(alive.zaken(number)) == 1
    again = run(env, "region", "test")
    assert again.returncode == 0 and "Niet aangetoond" in again.stdout  # documenten.lezen only
    assert "zaken.bijwerken" not in again.stdout.split("Niet aangetoond")[-1]
    region = run(env, "werklijst", "--regio")
    assert region.returncode == 0, region.stderr
    assert "Regio laatst ververst" in region.stdout and "zaken.lezen" in region.stdout
    assert "van deze laptop staan op de eigen werklijst" in region.stdout
    offline = run({**env, "TAFELAPP_REGION_SECRET_FILE": ""}, "werklijst", "--regio", "--offline")
    assert offline.returncode == 0 and "Regio laatst ververst" in offline.stdout
    # one line's detail, read from the region (the case is in the copy, whoever holds it)
    detail = run(env, "werklijst", "--regio", "--offline", "--casus", number, "--json")
    assert detail.returncode == 0, detail.stderr
    assert '"table_kind": "JBT"' in detail.stdout and '"Aangemeld"' in detail.stdout
    assert "Van Dalen" not in detail.stdout
    shown = run(env, "werklijst", "--regio", "--offline", "--casus", number)
    assert shown.returncode == 0 and f"Casus {number}" in shown.stdout
    assert "Status Aangemeld sinds" in shown.stdout
    unknown = run(env, "werklijst", "--regio", "--offline", "--casus", "JBT-GEEN-ZAAK")
    assert unknown.returncode != 0 and "staat niet in de laatste kopie" in unknown.stderr
