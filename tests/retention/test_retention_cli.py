"""`tafelapp opschonen`: show, postpone (once), hold, run (confirmed), removed."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from tafelapp.cli.app import main
from tafelapp.cli.common import EXIT_INVALID, EXIT_OK
from tafelapp.services import case_service
from tafelapp.services.session import Session
from tests.retention.setup import TERM_WEEKS, closed_case, later


def test_opschonen_show_postpone_run_removed(session: Session,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    ids = closed_case(session)
    number = case_service.get_case(session, ids["jbt_case"]).case_number
    later(session, TERM_WEEKS + 1)
    assert main(["opschonen", "show"], session) == EXIT_OK
    out = capsys.readouterr().out
    assert f"WEG   {number}" in out and "1 casus gaat weg" in out
    assert main(["opschonen", "show", "--json"], session) == EXIT_OK
    [line] = json.loads(capsys.readouterr().out)["cases"]
    assert line["verdict"] == "REMOVE"
    assert main(["opschonen", "postpone", "--case", number, "--until", "morgen",
                 "--reason", "Moeder vraagt inzage"], session) == EXIT_INVALID
    assert "'morgen' is geen datum" in capsys.readouterr().err
    soon = session.today() + dt.timedelta(days=14)
    assert main(["opschonen", "postpone", "--case", number, "--until", f"{soon:%d-%m-%Y}",
                 "--reason", "Moeder vraagt inzage"], session) == EXIT_OK
    assert main(["opschonen", "postpone", "--case", number, "--until", f"{soon:%d-%m-%Y}",
                 "--reason", "Nog eens uitstellen"], session) == EXIT_INVALID
    assert "één keer" in capsys.readouterr().err
    assert main(["opschonen", "show"], session) == EXIT_OK
    assert "uitgesteld tot" in capsys.readouterr().out
    later(session, TERM_WEEKS + 4)
    assert main(["opschonen", "run"], session) == EXIT_INVALID  # not a terminal, no --yes
    assert "Niets verwijderd" in capsys.readouterr().err
    assert case_service.get_case(session, ids["jbt_case"]).children
    assert main(["opschonen", "run", "--yes"], session) == EXIT_OK
    assert f"Verwijderd: {number}" in capsys.readouterr().out
    assert main(["opschonen", "removed"], session) == EXIT_OK
    out = capsys.readouterr().out
    assert number in out and "1 document(en) bij de regio" in out
    assert main(["opschonen", "hold", "--case", number, "--until", "31-12-2099",
                 "--reason", "Rechtszaak loopt"], session) == EXIT_INVALID
    assert "niet (meer met persoonsgegevens)" in capsys.readouterr().err
