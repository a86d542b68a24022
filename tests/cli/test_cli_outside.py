"""`tafelapp setup import` and `tafelapp case new` with files from outside, in-process on one
vault: exit 2 with Dutch lines, no control or direction character from the file reaches the
terminal, the same path as the aanmelding screen, and the administrator's way back."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from tafelapp.cli.app import main
from tafelapp.cli.common import clean, print_json
from tafelapp.services import case_service, meeting_service, setup_service
from tafelapp.services.session import Session
from tests.fuzz.vault_hash import vault_hash
from tests.setup.region import set_up_region

FORBIDDEN = ("\x1b", "\x07", "\x9b", "\u202e", "\u2066", "\r")


def _aanmelding(made: dict[str, Any], path: Path, **changes: Any) -> str:
    data = {"table": made["table"].name, "route": "VTO", "referrer": "Ilse Jansen",
            "family": {"name": "Bos", "guardians": [{"name": "Anna Bos", "relation": "moeder",
                                                     "has_custody": True}]},
            "children": [{"first_name": "Lotte", "last_name": "Bos",
                          "birth_date": "2012-03-14"}],
            "criteria": {"development_threatened": True, "care_not_accepted": True},
            "preconditions": {"safety_plan_made": True, "help_in_place": True,
                              "choices_discussed": True, "registered_in_vir": True}, **changes}
    path.write_text(json.dumps(data), "utf-8")
    return str(path)


def test_case_new_with_agenda_fills_in_the_participants_like_the_screen(
        session: Session, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    made = set_up_region(session)
    path = _aanmelding(made, tmp_path / "aanmelding.json")
    assert main(["case", "new", path, "--agenda"], session) == 0
    out = capsys.readouterr().out
    assert "Casus geregistreerd: JBT-" in out and "deelnemers ingevuld" in out
    meeting = meeting_service.list_meetings(session)[0]
    item = meeting_service.get_meeting(session, meeting.id).agenda[0]
    assert sorted(p.role.value for p in item.participants) == [
        "CHAIR", "CHILD", "PARENT", "REFERRER", "SECRETARY"]
    # The same file again: refused (exit 2, nothing written) until it is said to be new.
    before = vault_hash(session)
    assert main(["case", "new", path, "--agenda"], session) == 2
    err = capsys.readouterr().err
    assert "deze aanmelding staat er al" in err and "--new-case" in err
    assert vault_hash(session) == before
    assert main(["case", "new", path, "--agenda", "--new-case"], session) == 0
    assert len(case_service.list_cases(session)) == 2


@pytest.mark.parametrize("changes", [
    {"referrer": "Ilse\x1b[2J\x1b]0;gekaapt\x07 Jansen\u202e"},
    {"table": "JBT\x9b31m Proefstad\u2066"},
    {"colour\x1b[31m": "rood"},
    {"family": {"name": "Bos\r\x1b[1A", "guardians": []}},
])
def test_no_control_character_from_an_aanmelding_reaches_the_terminal(
        session: Session, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        changes: dict[str, Any]) -> None:
    made = set_up_region(session)
    path = _aanmelding(made, tmp_path / "aanmelding.json", **changes)
    assert main(["case", "new", path], session) == 2
    captured = capsys.readouterr()
    assert captured.err.strip(), captured
    assert not any(c in captured.err + captured.out for c in FORBIDDEN), repr(captured.err)
    assert "Onverwachte fout" not in captured.err


def test_a_region_file_with_control_characters_and_english_is_refused_cleanly(
        session: Session, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    set_up_region(session)
    data = json.loads(setup_service.export_region_json(session))
    data["people"][0]["name"] = "Mr. \x1b[31mA.\u202e de Voorzitter"
    data["people"][0]["email"] = ["niet", "een", "adres"]
    path = tmp_path / "regio.json"
    path.write_text(json.dumps(data), "utf-8")
    before = vault_hash(session)
    assert main(["setup", "import", str(path)], session) == 2
    err = capsys.readouterr().err
    assert "Persoon 1 (Mr. \\x1b[31mA.\\u202e de Voorzitter), naam: bevat een regeleinde" in err
    assert "Persoon 1 (Mr. \\x1b[31mA.\\u202e de Voorzitter), e-mailadres: moet tekst zijn" in err
    assert not any(c in err for c in FORBIDDEN) and "Input should" not in err
    assert vault_hash(session) == before


def test_setup_import_accept_older_is_the_way_back_after_a_wrong_date(
        session: Session, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    set_up_region(session)
    data = json.loads(setup_service.export_region_json(session))
    path = tmp_path / "regio.json"
    data["exported_at"] = (dt.datetime.now(dt.UTC) + dt.timedelta(hours=12)).isoformat()
    path.write_text(json.dumps(data), "utf-8")
    assert main(["setup", "import", str(path)], session) == 0
    data["exported_at"] = dt.datetime.now(dt.UTC).isoformat()
    path.write_text(json.dumps(data), "utf-8")
    capsys.readouterr()
    assert main(["setup", "import", str(path)], session) == 2
    assert "--accept-older" in capsys.readouterr().err
    assert main(["setup", "import", str(path), "--accept-older"], session) == 0
    assert "bijgewerkt" in capsys.readouterr().out


def test_clean_and_json_output_escape_what_a_terminal_would_obey(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert clean("a\x1b[2Jb\u202ec\td\ne") == "a\\x1b[2Jb\\u202ec\td\ne"
    print_json({"naam": "x\x9b\u202ey\x1b"})
    out = capsys.readouterr().out
    assert not any(c in out for c in FORBIDDEN)
    assert json.loads(out) == {"naam": "x\x9b\u202ey\x1b"}  # still valid JSON, same value
