"""`tafelapp setup …` and `tafelapp case new` on a new vault without demo data, as a script uses them."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from tests.cli.test_cli import run
from tests.conftest import PASSPHRASE

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"


def _env(folder: Path, name: str) -> dict[str, str]:
    secret = folder / "wachtwoord.txt"
    secret.write_text(PASSPHRASE + "\n")
    environment = {k: v for k, v in os.environ.items() if not k.startswith("TAFELAPP_")}
    environment.update(TAFELAPP_VAULT=str(folder / f"{name}.tafelapp"),
                       TAFELAPP_PASSPHRASE_FILE=str(secret), TAFELAPP_USER="cli-test")
    assert run(environment, "init").returncode == 0
    return environment


def test_a_region_from_the_example_file_then_a_case_onto_the_agenda(tmp_path: Path) -> None:
    env = _env(tmp_path, "a")
    imported = run(env, "setup", "import", str(EXAMPLES / "regio-voorbeeld.json"))
    assert imported.returncode == 0, imported.stderr
    assert "nieuw" in imported.stdout
    again = run(env, "setup", "import", str(EXAMPLES / "regio-voorbeeld.json"))
    assert again.returncode == 0 and "Niets veranderd" in again.stdout
    shown = run(env, "setup", "show").stdout
    assert "Jeugdbeschermingstafel Duinstede" in shown and "Ilse Jansen" in shown
    new = run(env, "case", "new", str(EXAMPLES / "aanmelding-voorbeeld.json"), "--agenda")
    assert new.returncode == 0, new.stderr
    assert "Casus geregistreerd: JBT-" in new.stdout and "gepland" in new.stdout
    meetings = json.loads(run(env, "list", "meetings", "--json").stdout)
    assert len(meetings) == 1 and meetings[0]["cases"] == 1
    exported = tmp_path / "regio.json"
    assert run(env, "setup", "export", "-o", str(exported)).returncode == 0
    text = exported.read_text("utf-8")
    assert "Fictief-Van Dalen" not in text and '"secret"' not in text  # no case data, no secret


@pytest.mark.parametrize(("args", "expected"), [
    (("setup", "person", "--name", "X", "--email", "geen-adres"), "e-mailadres"),
    (("setup", "table", "--kind", "JBT", "--name", "T", "--municipality", "M", "--chair",
      "Onbekende Persoon"), "staat niet in het adresboek"),
    (("setup", "table", "--kind", "JBT", "--name", "T", "--municipality", "M", "--time",
      "25:00"), "tijd"),
])
def test_refusals_name_the_field_and_exit_2(tmp_path: Path, args: tuple[str, ...],
                                             expected: str) -> None:
    env = _env(tmp_path, "b")
    result = run(env, *args)
    assert result.returncode == 2 and expected in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def test_a_bad_aanmelding_file_is_refused_with_its_field(tmp_path: Path) -> None:
    env = _env(tmp_path, "c")
    assert run(env, "setup", "import", str(EXAMPLES / "regio-voorbeeld.json")).returncode == 0
    data = json.loads((EXAMPLES / "aanmelding-voorbeeld.json").read_text("utf-8"))
    data["children"][0]["birth_date"] = "2013-02-31"
    bad = tmp_path / "fout.json"
    bad.write_text(json.dumps(data))
    result = run(env, "case", "new", str(bad))
    assert result.returncode == 2 and "Kind 1, Geboortedatum" in result.stderr
    assert json.loads(run(env, "list", "cases", "--json").stdout) == []
    shutil.copy(EXAMPLES / "aanmelding-voorbeeld.json", tmp_path / "goed.json")
    assert run(env, "case", "new", str(tmp_path / "goed.json")).returncode == 0


def test_vault_may_follow_the_subcommand_and_a_wrong_term_is_refused(tmp_path: Path) -> None:
    env = _env(tmp_path, "d")
    vault = env.pop("TAFELAPP_VAULT")
    assert run(env, "setup", "import", str(EXAMPLES / "regio-voorbeeld.json"),
               "--vault", vault).returncode == 0
    assert "Jeugdbeschermingstafel" in run(env, "setup", "show", f"--vault={vault}").stdout
    env["TAFELAPP_VAULT"] = vault
    data = json.loads((EXAMPLES / "aanmelding-voorbeeld.json").read_text("utf-8"))
    data["route"] = "SPOED_VOTS"
    path = tmp_path / "spoed.json"
    path.write_text(json.dumps(data))
    assert run(env, "case", "new", str(path)).returncode == 0
    case_number = json.loads(run(env, "list", "cases", "--json").stdout)[0]["case_number"]
    exported = tmp_path / "export.json"
    assert run(env, "export", "--case", case_number, "-o", str(exported)).returncode == 0
    record = json.loads(exported.read_text("utf-8"))
    record["case"]["deadlines"][0]["due_on"] = "2099-01-01"
    exported.write_text(json.dumps(record))
    refused = run(env, "import", str(exported))
    assert refused.returncode == 2
    assert "Termijn 1, Uiterste datum: de uiterste datum 01-01-2099 past niet" in refused.stderr
    assert "volgens de regel" in refused.stderr
