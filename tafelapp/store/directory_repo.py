"""SQL for the address book: organisations and people, each stored whole as JSON with its name."""

from __future__ import annotations

from tafelapp.domain.directory import Organisation, Person
from tafelapp.store.connection import Connection
from tafelapp.store.rows import upsert


def save_organisation(conn: Connection, org: Organisation) -> None:
    """Insert or update one organisation."""
    upsert(conn, "organisations", {"id": org.id, "name": org.name, "kind": org.kind.value,
                                   "data": org.model_dump_json()})


def save_person(conn: Connection, person: Person) -> None:
    """Insert or update one person."""
    upsert(conn, "people", {"id": person.id, "name": person.name,
                            "organisation_id": person.organisation_id,
                            "data": person.model_dump_json()})


def organisations(conn: Connection) -> list[Organisation]:
    """Every organisation, by name."""
    rows = conn.execute("SELECT data FROM organisations ORDER BY name COLLATE NOCASE").fetchall()
    return [Organisation.model_validate_json(r[0]) for r in rows]


def people(conn: Connection) -> list[Person]:
    """Every person, by name."""
    rows = conn.execute("SELECT data FROM people ORDER BY name COLLATE NOCASE").fetchall()
    return [Person.model_validate_json(r[0]) for r in rows]


def organisation(conn: Connection, org_id: str) -> Organisation | None:
    """One organisation by id."""
    row = conn.execute("SELECT data FROM organisations WHERE id = ?", (org_id,)).fetchone()
    return Organisation.model_validate_json(row[0]) if row else None


def person(conn: Connection, person_id: str) -> Person | None:
    """One person by id."""
    row = conn.execute("SELECT data FROM people WHERE id = ?", (person_id,)).fetchone()
    return Person.model_validate_json(row[0]) if row else None


def delete_person(conn: Connection, person_id: str) -> None:
    """Remove a person from the address book (records that named them keep the name)."""
    conn.execute("DELETE FROM people WHERE id = ?", (person_id,))
