"""The region file's bewaartermijnen: read, stored, exported; wrong values refused in the
administrator's words, and nothing changed."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tafelapp.domain.problems import InvalidInput
from tafelapp.services import setup_service
from tafelapp.services.session import Session


def _file(retention: Any) -> bytes:
    return json.dumps({"format": "tafelapp.region", "version": 1,
                       "exported_at": "2026-01-01T00:00:00+00:00", "region": "Regio",
                       "retention": retention}).encode()


@pytest.mark.parametrize(("retention", "field", "message"), [
    ({"local_weeks": 0}, "Bewaartermijnen, lokale bewaartermijn (weken)", "moet minstens 1 zijn"),
    ({"local_weeks": "acht"}, "Bewaartermijnen, lokale bewaartermijn (weken)",
     "moet een geheel getal zijn"),
    ({"local_weeks": 600}, "Bewaartermijnen, lokale bewaartermijn (weken)", "hoogstens 520"),
    ({"archive": {"brieven": {"years": 5}}}, "Bewaartermijnen, archieftermijnen brieven",
     "kies uit 'notulen'"),
    ({"archive": {"notulen": {"nominatie": "bewaren", "years": 5}}},
     "Bewaartermijnen, archieftermijnen notulen archiefnominatie", "blijvend_bewaren"),
    ({"archive": {"notulen": {"nominatie": "vernietigen"}}},
     "Bewaartermijnen, archieftermijnen notulen archieftermijn (jaren)", "na hoeveel jaar"),
])
def test_wrong_terms_are_named_and_change_nothing(session: Session, retention: Any, field: str,
                                                  message: str) -> None:
    setup_service.import_region(session, _file({"local_weeks": 8}))
    with pytest.raises(InvalidInput) as refused:
        setup_service.import_region(session, _file(retention))
    [problem] = refused.value.problems
    assert problem.field == field and message in problem.message, problem
    assert setup_service.retention_terms(session).local_weeks == 8


def test_terms_are_stored_audited_and_exported(session: Session) -> None:
    terms = {"local_weeks": 8, "archive": {"zaak": {"nominatie": "blijvend_bewaren"}}}
    result = setup_service.import_region(session, _file(terms))
    assert "retention" in result.updated
    assert setup_service.import_region(session, _file(terms)).updated == []  # same: no write
    exported = json.loads(setup_service.export_region_json(session))
    assert exported["retention"]["local_weeks"] == 8
    assert exported["retention"]["archive"]["zaak"]["nominatie"] == "blijvend_bewaren"
    without = json.loads(_file(None))
    del without["retention"]
    setup_service.import_region(session, json.dumps(without).encode())  # an older file
    assert setup_service.retention_terms(session).local_weeks == 8  # keeps what was read
