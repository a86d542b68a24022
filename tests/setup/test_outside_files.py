"""Region and aanmelding files from outside (issue 21): every probe found crashing, blocking or
passing loose values is refused in Dutch with the field named as the user knows it, and nothing
is written; a wrongly dated region file can be recovered from by a functional administrator."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from tafelapp.domain.problems import InvalidInput
from tafelapp.services import case_service, intake_service, meeting_service, setup_service
from tafelapp.services.session import Session
from tafelapp.store import audit_repo
from tests.fuzz.vault_hash import vault_hash
from tests.setup.region import set_up_region

ENGLISH = ("Input should", "Field required", "Extra inputs", "should be", "validation error",
           "value is not", "String should", "Value error", "Unterminated", "Expecting")
EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"


DEEP = "@deep@"


def _dumps(data: Any) -> bytes:
    """JSON text; the marker DEEP becomes 5000 nested lists (too deep for json.dumps itself)."""
    return json.dumps(data).replace(f'"{DEEP}"', "[" * 5000 + "]" * 5000).encode()


def _refused(session: Session, call: Any) -> list[str]:
    """Call; it must be refused in Dutch with nothing written. Returns the rendered lines."""
    before = vault_hash(session)
    with pytest.raises(InvalidInput) as refused:
        call()
    lines = [p.render() for p in refused.value.problems]
    assert lines and not any(word in line for line in lines for word in ENGLISH), lines
    assert not any("tables." in line or "people." in line or "server." in line
                   for line in lines), lines
    assert vault_hash(session) == before
    return lines


def _region(session: Session) -> dict[str, Any]:
    set_up_region(session)
    data: dict[str, Any] = json.loads(setup_service.export_region_json(session))
    return data


def _deep_region(d: dict[str, Any]) -> None:
    d["tables"][0]["name"] = DEEP


@pytest.mark.parametrize(("change", "expected"), [
    (_deep_region, "Bestand: het regiobestand is te diep genest"),
    (lambda d: d.update(exported_at="2026-11-20T10:00:00"), "Exportdatum: moet een tijdzone"),
    (lambda d: d["tables"][0].update(signing_order=["SECRETARY", "SECRETARY"]),
     "Tafel 1 (JBT Proefstad), volgorde van ondertekenen: elke rol ondertekent één keer"),
    (lambda d: d["tables"][0].update(weekday=True), "Tafel 1 (JBT Proefstad), vaste dag: moet "
                                                     "een getal zijn"),
    (lambda d: d["tables"][0].update(usual_start=34200), "vaste begintijd: moet een tijd als "
                                                          "tekst zijn"),
    (lambda d: d["tables"][0].update(usual_start="09:30+02:00"), "zonder tijdzone"),
    (lambda d: d["server"].update(base_url="https://zgw.example.org:99999/documenten"),
     "Regionale server, adres van de server: het poortnummer"),
    (lambda d: d["server"].update(rsin="123456789"), "Regionale server, RSIN: een RSIN heeft"),
    (lambda d: d["server"].update(confidentiality="heel geheim"),
     "Regionale server, vertrouwelijkheid: kies uit"),
    (lambda d: d["people"][0].update(name={"a": 1}), "Persoon 1, naam: moet tekst zijn"),
    (lambda d: d["tables"][0].update(institutions="GI"),
     "Tafel 1 (JBT Proefstad), gecertificeerde instellingen: moet een lijst zijn"),
    (lambda d: d["people"][1].update(name="Jan\x1b[2J\u202eJansen", email=5),
     "Persoon 2 (Jan\\x1b[2J\\u202eJansen), e-mailadres: moet tekst zijn"),
])
def test_a_region_file_that_cannot_be_true_is_refused(session: Session, change: Any,
                                                      expected: str) -> None:
    data = _region(session)
    change(data)
    lines = _refused(session, lambda: setup_service.import_region(session, _dumps(data)))
    assert any(expected in line for line in lines), lines


def test_a_region_file_dated_in_the_future_is_refused_and_an_older_one_can_be_accepted(
        session: Session) -> None:
    data = _region(session)
    now = dt.datetime.now(dt.UTC)
    data["exported_at"] = (now + dt.timedelta(hours=20)).isoformat()  # within a day's skew
    setup_service.import_region(session, json.dumps(data).encode())
    data["exported_at"] = "2099-01-01T10:00:00+00:00"
    lines = _refused(session, lambda: setup_service.import_region(
        session, json.dumps(data).encode()))
    assert "01-01-2099" in lines[0] and "klok" in lines[0]
    real = {**data, "exported_at": now.isoformat()}
    lines = _refused(session, lambda: setup_service.import_region(
        session, json.dumps(real).encode()))
    assert "ouder" in lines[0] and "--accept-older" in lines[0]
    audit = len(audit_repo.all_records(session.conn))
    result = setup_service.import_region(session, json.dumps(real).encode(), accept_older=True)
    assert result.changed
    actions = [r.action for r in audit_repo.all_records(session.conn)[audit:]]
    assert "region.accept_older" in actions
    # From now on the real file is the last one read: reading it again changes nothing.
    assert not setup_service.import_region(session, json.dumps(real).encode()).changed


def test_a_vault_that_took_a_2099_file_before_the_fix_recovers(session: Session) -> None:
    """A profile written by an older version (a 2099 date, without a time zone)."""
    from tafelapp.store import settings_repo

    data = _region(session)
    with session.change("test", "settings", "region_profile") as conn:
        settings_repo.put(conn, "region_profile", {"name": "Regio Proefland",
                                                   "file_exported_at": "2099-01-01T10:00:00"})
    lines = _refused(session, lambda: setup_service.import_region(
        session, json.dumps(data).encode()))
    assert "een datum in de toekomst" in lines[0]
    setup_service.import_region(session, json.dumps(data).encode(), accept_older=True)
    stored = settings_repo.get(session.conn, "region_profile") or {}
    assert stored["file_exported_at"].startswith(data["exported_at"][:19])


def _intake(made: dict[str, Any]) -> dict[str, Any]:
    return {"table_id": made["table"].id, "route": "VTO",
            "referrer_id": made["people"]["melder"].id,
            "family": {"name": "Bos", "guardians": [{"name": "Anna Bos", "relation": "moeder",
                                                     "has_custody": True}]},
            "children": [{"first_name": "Lotte", "last_name": "Bos",
                          "birth_date": "2013-03-14"}],
            "criteria": {"development_threatened": True, "care_not_accepted": True},
            "preconditions": {"safety_plan_made": True, "help_in_place": True,
                              "choices_discussed": True, "registered_in_vir": True}}


def _file(session: Session, made: dict[str, Any], **changes: Any) -> bytes:
    data = {**_intake(made), "table": made["table"].name, "referrer": "Ilse Jansen"}
    data.pop("table_id")
    data.pop("referrer_id")
    data.update(changes)
    return _dumps({k: v for k, v in data.items() if v is not ...})


@pytest.mark.parametrize(("changes", "expected"), [
    ({"table": ...}, "Tafel: verplicht veld ontbreekt"),
    ({"table": {"id": 1}}, "Tafel: verwacht de naam als tekst"),
    ({"route": ...}, "Aanmelding, Route: verplicht veld ontbreekt"),
    ({"route": ["VTO"]}, "Aanmelding, Route: kies de route"),
    ({"family": ...}, "Gezin: verplicht veld ontbreekt"),
    ({"family": "Bos"}, "Gezin: verwacht het gezin als object"),
    ({"children": ...}, "Kinderen: verplicht veld ontbreekt"),
    ({"children": {"first_name": "Lotte"}}, "Kinderen: verwacht een lijst"),
    ({"children": ["Lotte"]}, "Kind 1, Kinderen: verwacht een kind als object"),
    ({"children": DEEP}, "Bestand: het aanmeldingsbestand is te diep genest"),
    ({"referral_date": 5}, "Aanmelding, Datum: verwacht een datum"),
    ({"family": {"name": "Bos", "guardians": [{"name": "A", "has_custody": "yes"}]}},
     "Gezin, Ouder 1, Gezag: moet true of false zijn"),
    ({"criteria": {"development_threatened": 1}}, "Aanmelding, Criteria, Ontwikkeling ernstig bedreigd: "
                                                  "moet true of false zijn"),
    ({"referrer": "Onbekende\x1b]0;x\x07"}, "Aanmelding, Melder: 'Onbekende"),
    ({"colour": "rood"}, "Bestand: onbekend veld 'colour'"),
])
def test_an_aanmelding_file_of_the_wrong_shape_is_refused(session: Session,
                                                          changes: dict[str, Any],
                                                          expected: str) -> None:
    made = set_up_region(session)
    data = _file(session, made, **changes)
    lines = _refused(session, lambda: intake_service.register_case(
        session, **intake_service.aanmelding_fields(session, data)))
    assert any(line.startswith(expected) for line in lines), lines


def test_the_same_aanmelding_twice_is_refused_unless_it_is_a_new_case(session: Session) -> None:
    made = set_up_region(session)
    data = _file(session, made)
    first = intake_service.register_and_schedule(session,
                                                 **intake_service.aanmelding_fields(session, data))
    lines = _refused(session, lambda: intake_service.register_case(
        session, **intake_service.aanmelding_fields(session, data)))
    assert "staat er al" in lines[0] and "--new-case" in lines[0]
    other_child = _file(session, made, children=[{"first_name": "Daan", "last_name": "Bos",
                                                  "birth_date": "2015-06-01"}])
    intake_service.register_case(session, **intake_service.aanmelding_fields(session,
                                                                             other_child))
    case_service.close_case(session, first.item.case_id)  # a closed case is no duplicate
    intake_service.register_case(session, **intake_service.aanmelding_fields(session, data))
    second = intake_service.register_and_schedule(
        session, new_case=True, **intake_service.aanmelding_fields(session, data))
    assert len(case_service.list_cases(session)) == 4
    assert second.meeting.id == first.meeting.id
    assert len(meeting_service.get_meeting(session, first.meeting.id).agenda) == 2


def test_the_example_aanmelding_is_accepted(session: Session) -> None:
    from tafelapp.services import directory_service, table_service

    set_up_region(session)
    table = table_service.list_tables(session)[0]
    melder = directory_service.directory(session).people[0]
    raw = json.loads((EXAMPLES / "aanmelding-voorbeeld.json").read_text("utf-8"))
    raw.update(table=table.name, referrer=melder.name)
    raw["children"] = raw["children"][:1]
    fields = intake_service.aanmelding_fields(session, json.dumps(raw).encode())
    assert fields["table_id"] == table.id and fields["referrer_id"] == melder.id


def test_region_settings_typed_on_the_command_line_are_named_too() -> None:
    from tafelapp.domain.rules.region_server import settings_problems

    found = settings_problems("https://zgw.example.org:99999/documenten", "123456789",
                              "https://x.example.org:0/informatieobjecttypen/1", "heel geheim", "")
    lines = [p.render() for p in found]
    assert lines[0].startswith("Adres van de server: het poortnummer in het adres moet een getal")
    assert any(line.startswith("Informatieobjecttype: het poortnummer") for line in lines)
    assert any(line.startswith("RSIN: een RSIN heeft negen cijfers") for line in lines)
    assert any(line.startswith("Vertrouwelijkheid: kies uit") for line in lines)
