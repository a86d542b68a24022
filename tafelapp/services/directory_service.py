"""Use cases for the address book: organisations and people, type-ahead, and adding on the spot."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import TypeAdapter, ValidationError

from tafelapp.domain.directory import Email, Organisation, Person, same_person, search_people
from tafelapp.domain.problems import InvalidInput, Problem
from tafelapp.domain.validation import problems_from_validation
from tafelapp.services.session import Session, build, not_found, save_changed
from tafelapp.store import directory_repo


@dataclass(frozen=True)
class Directory:
    """The whole address book as the pickers show it."""

    organisations: list[Organisation]
    people: list[Person]

    @property
    def organisation_by_id(self) -> dict[str, Organisation]:
        """Organisations keyed by id."""
        return {o.id: o for o in self.organisations}

    def person(self, person_id: str | None) -> Person | None:
        """The person with this id (None when unknown)."""
        return next((p for p in self.people if p.id == person_id), None)

    def organisation_of(self, person: Person) -> Organisation | None:
        """A person's organisation (None when none is known)."""
        return self.organisation_by_id.get(person.organisation_id or "")

    def organisation_name(self, person: Person) -> str:
        """The name of a person's organisation ('' when none)."""
        org = self.organisation_of(person)
        return org.name if org else ""

    def label(self, person: Person) -> str:
        """How a person appears in a picker: name — function, organisation."""
        extra = ", ".join(x for x in (person.function, self.organisation_name(person)) if x)
        return f"{person.name} — {extra}" if extra else person.name


def directory(session: Session) -> Directory:
    """Every organisation and person."""
    return Directory(directory_repo.organisations(session.conn),
                     directory_repo.people(session.conn))


def find_people(session: Session, text: str, limit: int = 20) -> list[Person]:
    """Type-ahead over names, functions and organisations."""
    book = directory(session)
    return search_people(book.people, book.organisation_by_id, text, limit)


def get_person(session: Session, person_id: str) -> Person:
    """One person; an unknown id is invalid input."""
    person = directory_repo.person(session.conn, person_id)
    if person is None:
        raise not_found("person", "person_id", person_id)
    return person


def get_organisation(session: Session, org_id: str) -> Organisation:
    """One organisation; an unknown id is invalid input."""
    org = directory_repo.organisation(session.conn, org_id)
    if org is None:
        raise not_found("organisation", "organisation_id", org_id)
    return org


def save_organisation(session: Session, **fields: Any) -> Organisation:
    """Add an organisation, or change one (by its id)."""
    org = build(Organisation, "organisation", **fields)
    save_changed(session, "directory.organisation", "organisation", org,
                 directory_repo.organisation(session.conn, org.id),
                 directory_repo.save_organisation)
    return org


def save_person(session: Session, **fields: Any) -> Person:
    """Add a person, or change one (by its id); their organisation must be in the book."""
    person = build(Person, "person", **fields)
    if person.organisation_id and directory_repo.organisation(
            session.conn, person.organisation_id) is None:
        raise InvalidInput([Problem("person.unknown_organisation", "person.organisation_id",
                                    "deze organisatie staat niet in het adresboek")])
    save_changed(session, "directory.person", "person", person,
                 directory_repo.person(session.conn, person.id), directory_repo.save_person)
    return person


def person_for_name(session: Session, name: str, organisation: str | None = None,
                    **fields: Any) -> Person:
    """The person with this name (as written, or plainly the same), else a new address-book entry.

    This is "toevoegen ter plekke": typing a new name once puts it in the book for next time.
    """
    book = directory(session)
    for person in book.people:
        if same_person(person.name, name):
            return person
    org_id = None
    if organisation and organisation.strip():
        org = next((o for o in book.organisations
                    if o.name.lower() == organisation.strip().lower()), None)
        if org is None:
            org = save_organisation(session, name=organisation.strip(), kind="OTHER")
        org_id = org.id
    return save_person(session, name=name, organisation_id=org_id, **fields)


def check_email(email: str) -> str:
    """An e-mail address as stored, or a Dutch refusal naming the field."""
    try:
        return str(TypeAdapter(Email).validate_python(email))
    except ValidationError as exc:
        raise InvalidInput(problems_from_validation(exc, "email")) from None


def set_email(session: Session, person_id: str, email: str) -> Person:
    """Record a person's e-mail address (so the verzendlijst can reach them)."""
    person = get_person(session, person_id)
    return save_person(session, **{**person.model_dump(), "email": email})


def remove_person(session: Session, person_id: str) -> None:
    """Take someone out of the address book; meetings and notulen keep the name they recorded."""
    before = get_person(session, person_id)
    with session.change("directory.person_remove", "person", person_id, before=before) as conn:
        directory_repo.delete_person(conn, person_id)
