"""The wizard's page check: the rules of saving, named per row, a missing complaints route warned."""

from __future__ import annotations

from tafelapp.services.wizard_service import page_problems, wizard_problems


def _raw(**changes: object) -> dict[str, object]:
    raw: dict[str, object] = {
        "region": "Regio Proefland", "people": [], "tables": [], "server": {},
        "organisations": [
            {"id": "raad", "name": "Raad voor de Kinderbescherming", "kind": "RVDK",
             "complaints": "", "phone": "088-1234567", "email": "info@rvdk.example.org"},
            {"id": "vt", "name": "Veilig Thuis", "kind": "VEILIG_THUIS",
             "complaints": "0800-2000"}]}
    raw.update(changes)
    return raw


def test_a_raad_without_complaints_route_is_a_warning_at_its_row() -> None:
    [problem] = wizard_problems(_raw())
    assert problem.severity.value == "warning"
    assert problem.field == "Organisatie 1 (Raad voor de Kinderbescherming), klachtenregeling"
    assert page_problems(_raw(), 1) == [problem]
    assert page_problems(_raw(people=[{"id": "p", "name": "A. Voorzitter"}]), 2) == []


def test_a_wrong_e_mail_of_an_organisation_is_an_error_on_its_page() -> None:
    raw = _raw()
    raw["organisations"][1]["email"] = "vt@"  # type: ignore[index]
    [problem] = page_problems(raw, 1)
    assert problem.severity.value == "error"
    assert problem.field == "Organisatie 2 (Veilig Thuis), e-mailadres"


def test_a_region_without_a_name_is_refused_on_the_first_page() -> None:
    [problem] = page_problems(_raw(region=" "), 0)
    assert problem.field == "Naam van de regio"


def test_an_empty_personen_or_tafels_page_is_said_not_refused() -> None:
    """A newcomer's Enter went past an empty Personen and Tafels page without a word."""
    [people] = page_problems(_raw(), 2)
    [tables] = page_problems(_raw(), 3)
    assert (people.field, tables.field) == ("Personen", "Tafels")
    assert {people.severity.value, tables.severity.value} == {"warning"}
    assert "voorzitter en de secretaris" in people.message and "Ctrl+N" in tables.message
    assert page_problems(_raw(), 3, region_only=True) == []  # a ketenregisseur has no table
