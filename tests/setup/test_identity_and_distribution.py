"""A signing identity belongs to a person (a differently written name is confirmed once, audited),
and every recipient without an e-mail address is something to resolve, not silently left out."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tafelapp.domain.problems import InvalidInput
from tafelapp.services import (
    directory_service,
    distribution_service,
    meeting_service,
    minutes_service,
)
from tafelapp.services.session import Session
from tafelapp.store import audit_repo
from tests.signing.certs import pkcs12_file


def _chair_certificate(session: Session) -> str:
    now = dt.datetime.now(dt.UTC)
    data = pkcs12_file("A. de Voorzitter", "123456", now - dt.timedelta(days=1),
                       now + dt.timedelta(days=30))
    return minutes_service.import_identity(session, data, "123456").id


def test_a_certificate_with_another_spelling_signs_after_one_confirmed_link(
        session: Session, demo: dict[str, str]) -> None:
    meeting = meeting_service.get_meeting(session, demo["jbt_meeting"])
    assert meeting.chair == "Mr. A. de Voorzitter (fictief)"
    minutes = minutes_service.draft_minutes(session, meeting.agenda[0].id)
    identity_id = _chair_certificate(session)
    with pytest.raises(InvalidInput) as refused:  # not linked: the names differ
        minutes_service.sign_minutes(session, minutes.id, identity_id, "123456", "CHAIR")
    assert "koppel het dan eerst" in refused.value.problems[0].message
    chair = directory_service.person_for_name(session, meeting.chair)
    with pytest.raises(InvalidInput) as ask:
        minutes_service.link_identity(session, identity_id, chair.id)
    assert ask.value.problems[0].code == "identity.confirm_link"
    assert "A. de Voorzitter" in ask.value.problems[0].message
    linked = minutes_service.link_identity(session, identity_id, chair.id, confirm=True)
    assert linked.person_id == chair.id and linked.link_confirmed_by == session.actor
    assert audit_repo.all_records(session.conn)[-1].action == "identity.link"
    signed = minutes_service.sign_minutes(session, minutes.id, identity_id, "123456", "CHAIR")
    assert signed.signatures[0].signer_name == meeting.chair
    assert signed.signatures[0].certificate_name == "A. de Voorzitter"
    report = minutes_service.verify_pdf(minutes_service.signed_document(session, minutes.id))
    assert report.signatures[0].intact


def test_a_linked_identity_cannot_sign_for_someone_else(session: Session,
                                                        demo: dict[str, str]) -> None:
    meeting = meeting_service.get_meeting(session, demo["jbt_meeting"])
    minutes = minutes_service.draft_minutes(session, meeting.agenda[0].id)
    identity_id = _chair_certificate(session)
    other = directory_service.person_for_name(session, "A. de Vries")
    minutes_service.link_identity(session, identity_id, other.id, confirm=True)
    with pytest.raises(InvalidInput) as refused:
        minutes_service.sign_minutes(session, minutes.id, identity_id, "123456", "CHAIR")
    assert refused.value.problems[0].code == "signing.not_holder"
    assert minutes_service.get_minutes(session, minutes.id).signatures == []


def test_an_exactly_named_local_identity_is_linked_without_asking(session: Session) -> None:
    person = directory_service.person_for_name(session, "B. Secretaris")
    identity = minutes_service.create_local_identity(session, "B. Secretaris", "654321")
    assert identity.person_id == person.id and identity.link_confirmed_by is None


def test_missing_addresses_are_resolved_in_the_book_or_the_family(
        session: Session, demo: dict[str, str], tmp_path: Path) -> None:
    meeting = meeting_service.get_meeting(session, demo["jbt_meeting"])
    item = meeting.agenda[0]
    sanne = next(p for p in item.participants if p.name.startswith("Sanne"))
    meeting_service.update_participant(session, item.id, sanne.id, email=None)
    karim = next(p for p in item.participants if p.name.startswith("Karim"))
    meeting_service.update_participant(session, item.id, karim.id, email=None)
    in_book = directory_service.find_people(session, "Karim")[0]  # the demo's book knows him
    directory_service.save_person(session, **{**in_book.model_dump(), "email": ""})
    minutes = minutes_service.draft_minutes(session, item.id)
    missing = {e.recipient.name for e in distribution_service.missing_addresses(session,
                                                                                 minutes.id)}
    assert missing == {sanne.name, karim.name}
    with pytest.raises(InvalidInput) as refused:
        distribution_service.resolve_address(session, minutes.id, karim.id, "karim@")
    assert refused.value.problems[0].field.endswith("email")
    distribution_service.resolve_address(session, minutes.id, karim.id, "karim@example.org")
    assert directory_service.find_people(session, "Karim")[0].email == "karim@example.org"
    who = distribution_service.distribution(session, minutes.id)
    assert any(r.email == "karim@example.org" for r in who.included)
    assert {e.recipient.name for e in distribution_service.missing_addresses(
        session, minutes.id)} == {sanne.name}
