"""`tafelapp inzage …` as a privacy officer uses it: find, export (PDF read back with pdftotext,
JSON against its schema), list, rectify; bad input is a Dutch sentence with exit code 2."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import PASSPHRASE


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tafelapp.cli", *args], env=env, text=True,
                          capture_output=True, timeout=120)


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("cli-inzage")
    secret = folder / "wachtwoord.txt"
    secret.write_text(PASSPHRASE + "\n")
    environment = {k: v for k, v in os.environ.items() if not k.startswith("TAFELAPP_")}
    environment.update(TAFELAPP_VAULT=str(folder / "kluis.tafelapp"),
                       TAFELAPP_PASSPHRASE_FILE=str(secret), TAFELAPP_USER="FG Duinstede")
    assert run(environment, "init", "--demo").returncode == 0
    return environment


def test_find_lists_each_person_once_with_their_roles(env: dict[str, str]) -> None:
    found = json.loads(run(env, "inzage", "find", "ramdin", "--json").stdout)
    assert [p["name"] for p in found] == ["Anita Ramdin (fictief)", "Jayden Ramdin"]
    assert found[0]["label"] == "Anita Ramdin (fictief) — ouder (moeder) in ZVT-2026-0001"


def test_export_writes_a_pdf_and_a_json_that_follow_the_schema(
        env: dict[str, str], tmp_path: Path) -> None:
    result = run(env, "inzage", "export", "--person", "Anita Ramdin", "-o", str(tmp_path),
                 "--note", "identiteit gezien")
    assert result.returncode == 0, result.stderr
    assert "Inzage geschreven (1 dossier(s))" in result.stdout and "persoonsgegevens" in result.stdout
    pdf = next(tmp_path.glob("inzage-*-anita-ramdin.pdf"))
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Dossier ZVT-2026-0001" in text and "Anita Ramdin (fictief)" in text
    assert "Jayden" not in text and "JBT-2026-0001" not in text and "Van Dalen" not in text
    assert "[kind 1]" in text or "kind 1" in text
    schema = json.loads(run(env, "inzage", "schema").stdout)
    data = json.loads(next(tmp_path.glob("*.json")).read_text("utf-8"))
    jsonschema.validate(data, schema)
    listed = run(env, "inzage", "list").stdout
    assert data["request_id"] in listed and "Anita Ramdin (fictief)" in listed


def test_bad_input_is_a_dutch_sentence_and_exit_2(env: dict[str, str], tmp_path: Path) -> None:
    unknown = run(env, "inzage", "request", "--person", "Piet Onbekend")
    assert unknown.returncode == 2
    assert unknown.stderr.strip() == "Persoon: niemand met de naam ‘Piet Onbekend’ staat in " \
                                     "deze kluis"
    missing = run(env, "inzage", "export", "--person", "Anita Ramdin", "-o",
                  str(tmp_path / "weg"))
    assert missing.returncode == 2
    assert missing.stderr.strip() == "Map: de map ‘weg’ bestaat niet; kies een bestaande map"
    date = run(env, "inzage", "request", "--person", "Anita Ramdin", "--received", "gisteren")
    assert date.returncode == 2 and date.stderr.strip() == \
        "Datum ontvangen: ‘gisteren’ is geen datum (schrijf JJJJ-MM-DD)"
    future = run(env, "inzage", "request", "--person", "Anita Ramdin", "--received", "2999-01-01")
    assert future.returncode == 2 and "Datum ontvangen: de datum ligt in de toekomst" in \
        future.stderr
    rect = run(env, "inzage", "rectify", "--request", "geen", "--minutes", "x", "--text-file",
               str(tmp_path / "geen.txt"))
    assert rect.returncode == 2 and rect.stderr.strip() == \
        "Notulen: er zijn geen notulen met nummer ‘x’"
    for result in (unknown, missing, date, future, rect):
        assert "Traceback" not in result.stderr and str(tmp_path) not in result.stderr
