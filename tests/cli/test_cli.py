"""The `tafelapp` command as a script uses it: exit codes, JSON keys, Dutch messages, no tracebacks."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import PASSPHRASE


def run(env: dict[str, str], *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tafelapp.cli", *args], env=env, text=True,
                          capture_output=True, input=stdin, timeout=120)


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("cli")
    secret = folder / "wachtwoord.txt"
    secret.write_text(PASSPHRASE + "\n")
    environment = {k: v for k, v in os.environ.items() if not k.startswith("TAFELAPP_")}
    environment.update(TAFELAPP_VAULT=str(folder / "kluis.tafelapp"),
                       TAFELAPP_PASSPHRASE_FILE=str(secret), TAFELAPP_USER="cli-test")
    result = run(environment, "init", "--demo")
    assert result.returncode == 0, result.stderr
    return environment


def test_list_json_has_stable_keys_and_ids(env: dict[str, str]) -> None:
    cases = json.loads(run(env, "list", "cases", "--json").stdout)
    assert {c["case_number"] for c in cases} == {"JBT-2026-0001", "ZVT-2026-0001"}
    assert set(cases[0]) == {"id", "case_number", "table_id", "table_name", "table_kind",
                             "family_name", "status", "opened_on", "children", "route", "next_due",
                             "search_text"}
    meetings = json.loads(run(env, "list", "meetings", "--json").stdout)
    assert all("id" in m and "date" in m for m in meetings)


def test_show_meeting_json_and_text(env: dict[str, str]) -> None:
    meetings = json.loads(run(env, "list", "meetings", "--json").stdout)
    jbt = next(m for m in meetings if m["table_kind"] == "JBT")
    shown = json.loads(run(env, "show", "meeting", jbt["id"], "--json").stdout)
    assert shown["id"] == jbt["id"]
    assert shown["agenda"][0]["status"]["counts_as_jbt"] is True
    text = run(env, "show", "meeting", jbt["id"])
    assert text.returncode == 0 and "uitgesteld raadsonderzoek" in text.stdout
    assert "Geldt als JBT: ja" in text.stdout


def test_unknown_meeting_is_invalid_input(env: dict[str, str]) -> None:
    result = run(env, "show", "meeting", "bestaat-niet")
    assert result.returncode == 2
    assert result.stderr.strip() == "Bespreking: onbekend: bestaat-niet"


def test_check_reports_cipher_version_and_integrity(env: dict[str, str]) -> None:
    result = run(env, "check")  # no region set up: locally in order, not compared (exit 6)
    assert result.returncode == 6, result.stdout + result.stderr
    assert "lokaal in orde — niet vergeleken met de regio (laatst vergeleken: nog nooit)" in \
        result.stdout
    assert "cipher_version" in result.stdout and "4." in result.stdout
    assert "integrity_check:          ok" in result.stdout
    data = json.loads(run(env, "check", "--json").stdout)
    assert data["ok"] and data["cipher_version"].startswith("4.")
    assert run(env, "audit", "verify").returncode == 0


def test_wrong_passphrase_exit_3_no_traceback_no_change(env: dict[str, str],
                                                        tmp_path: Path) -> None:
    wrong = tmp_path / "fout.txt"
    wrong.write_text("Helemaal-Verkeerd-77")
    vault = Path(env["TAFELAPP_VAULT"])
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in vault.parent.iterdir()}
    result = run({**env, "TAFELAPP_PASSPHRASE_FILE": str(wrong)}, "list", "cases")
    assert result.returncode == 3
    assert "wachtwoordzin is onjuist" in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
    after = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in vault.parent.iterdir()
             if not p.name.endswith(".pogingen")}  # only the count of wrong tries is new
    assert after == before


def test_no_passphrase_and_no_terminal_is_locked(env: dict[str, str]) -> None:
    no_secret = {k: v for k, v in env.items() if k != "TAFELAPP_PASSPHRASE_FILE"}
    result = run(no_secret, "list", "cases", stdin="")
    assert result.returncode == 3
    assert "Kluis vergrendeld" in result.stderr


def test_bad_import_exit_2_lists_every_problem_and_writes_nothing(env: dict[str, str],
                                                                   tmp_path: Path) -> None:
    out = tmp_path / "casus.json"
    assert run(env, "export", "--case", "JBT-2026-0001", "-o", str(out)).returncode == 0
    assert out.stat().st_mode & 0o077 == 0  # the export holds personal data: 0600
    data: dict[str, Any] = json.loads(out.read_text())
    data["meetings"][0]["agenda"][0]["scaling_answers"][0]["score"] = 11
    data["case"]["family"]["name"] = ""
    bad = tmp_path / "fout.json"
    bad.write_text(json.dumps(data))
    before = run(env, "audit", "verify").stdout
    result = run(env, "import", str(bad))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert "Gezin, Naam: mag niet leeg zijn" in lines
    assert "Bespreking 1, Agendapunt 1, Schaalvraag 1, Score: mag hoogstens 10 zijn" in lines
    assert not any("." in line.split(":")[0] for line in lines)  # no internal paths
    assert run(env, "audit", "verify").stdout == before  # no audit record: nothing written
    again = run(env, "import", str(out))
    assert again.returncode == 0 and "ongewijzigd" in again.stdout


def test_missing_vault_and_bad_arguments(env: dict[str, str], tmp_path: Path) -> None:
    result = run({**env, "TAFELAPP_VAULT": str(tmp_path / "nee.tafelapp")}, "list", "cases")
    assert result.returncode == 1 and "Er is geen kluis" in result.stderr
    assert run(env, "list", "dingen").returncode == 2


def test_weak_passphrase_on_init_exit_2(env: dict[str, str], tmp_path: Path) -> None:
    weak = tmp_path / "zwak.txt"
    weak.write_text("geheim")
    result = run({**env, "TAFELAPP_PASSPHRASE_FILE": str(weak)},
                 "--vault", str(tmp_path / "nieuw.tafelapp"), "init")
    assert result.returncode == 2
    assert "Wachtwoordzin: moet minstens 12 tekens lang zijn (nu 6)" in result.stderr
    assert not (tmp_path / "nieuw.tafelapp").exists()


def test_passwd_rekeys(env: dict[str, str], tmp_path: Path) -> None:
    vault = tmp_path / "rekey.tafelapp"
    assert run(env, "--vault", str(vault), "init").returncode == 0
    new = tmp_path / "nieuw.txt"
    new.write_text("Andere-Lange-Zin-2027")
    result = run({**env, "TAFELAPP_NEW_PASSPHRASE_FILE": str(new)}, "--vault", str(vault),
                 "passwd")
    assert result.returncode == 0, result.stderr
    assert run(env, "--vault", str(vault), "check").returncode == 3
    assert run({**env, "TAFELAPP_PASSPHRASE_FILE": str(new)}, "--vault", str(vault),
               "check").returncode == 6  # opens and is locally in order (no region to compare)


def test_werklijst_lists_what_needs_attention(env: dict[str, str]) -> None:
    items = json.loads(run(env, "werklijst", "--json").stdout)
    assert {(i["case_number"], i["kind"]) for i in items} >= {
        ("JBT-2026-0001", "AGREEMENT_OVERDUE"), ("ZVT-2026-0001", "CASE_LEAD_NOT_ACCEPTED")}
    assert items[0]["working_days_left"] < 0  # most urgent first
    text = run(env, "werklijst", "--kind", "CASE_LEAD_NOT_ACCEPTED")
    assert text.returncode == 0 and "casusregie niet aanvaard" in text.stdout
    assert "JBT-2026-0001" not in text.stdout and "1 casus(sen)" in text.stdout
    wrong = run(env, "werklijst", "--kind", "ONZIN")
    assert wrong.returncode == 2 and "ONZIN" in wrong.stderr
    unknown = run(env, "werklijst", "--table", "geen-tafel")
    assert unknown.returncode == 2 and "onbekend: geen-tafel" in unknown.stderr


def test_wrong_passphrases_wait_longer_each_time_across_processes(tmp_path: Path) -> None:
    import time

    env = {k: v for k, v in os.environ.items() if not k.startswith("TAFELAPP_")}
    good, bad = tmp_path / "goed", tmp_path / "fout"
    good.write_text(PASSPHRASE)
    bad.write_text("dit-is-niet-de-zin-2026")
    env.update(TAFELAPP_VAULT=str(tmp_path / "k.tafelapp"), TAFELAPP_PASSPHRASE_FILE=str(good))
    assert run(env, "init").returncode == 0
    env["TAFELAPP_PASSPHRASE_FILE"] = str(bad)
    ended = []
    for _ in range(3):  # each a new process
        assert run(env, "list", "cases").returncode == 3
        ended.append(time.monotonic())
    assert ended[2] - ended[1] >= 1.9  # the third try came 2 s after the second failed
    assert (tmp_path / "k.tafelapp.pogingen").exists()
    env["TAFELAPP_PASSPHRASE_FILE"] = str(good)
    assert run(env, "list", "cases").returncode == 0  # (after its wait) the right one opens
    assert not (tmp_path / "k.tafelapp.pogingen").exists()  # and the count is forgotten
