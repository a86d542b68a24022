"""Opschonen (clean-up after the bewaartermijn): what will go, postpone once, bewaren tot, remove.

The plan comes first and the user sees it; removal takes only cases the plan (re-computed at
that moment) still says may go. Every removal, postponement and hold is in the audit log.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass, field
from pathlib import Path

from tafelapp.domain.problems import InvalidInput, Problem
from tafelapp.domain.retention import (
    POSTPONE_MAX,
    Assessment,
    RecordKind,
    RetentionTerms,
    Verdict,
    archive_text,
    assess,
    redacted_escalation,
    redacted_minutes_text,
)
from tafelapp.services import outbox_service
from tafelapp.services.session import Session
from tafelapp.services.setup_service import retention_terms
from tafelapp.store import (
    case_repo,
    escalation_repo,
    meeting_repo,
    minutes_repo,
    retention_repo,
)
from tafelapp.store.transaction import transaction

BATCH = 100
"""Cases removed per commit."""


@dataclass(frozen=True)
class Plan:
    """What a clean-up would do today: the cases that go and those that stay (with why)."""

    today: dt.date
    local_weeks: int | None
    assessments: list[Assessment] = field(default_factory=list)
    stale_backups: list[Path] = field(default_factory=list)

    @property
    def to_remove(self) -> list[Assessment]:
        """The cases whose personal data will go."""
        return [a for a in self.assessments if a.verdict is Verdict.REMOVE]

    @property
    def kept(self) -> list[Assessment]:
        """The closed cases that stay, each with its reason."""
        return [a for a in self.assessments if a.verdict is not Verdict.REMOVE]

    @property
    def summary(self) -> str:
        """One Dutch line for the screen and the CLI."""
        if self.local_weeks is None:
            return ("De regio heeft geen lokale bewaartermijn ingesteld: Tafelapp verwijdert "
                    "niets vanzelf.")
        go = len(self.to_remove)
        return (f"Lokale bewaartermijn {self.local_weeks} weken. "
                + ("Er gaat niets weg." if not go else
                   f"{go} {'casus gaat' if go == 1 else 'casussen gaan'} weg")
                + (f"; {len(self.kept)} gesloten blijven." if self.kept else "."))


@dataclass(frozen=True)
class Outcome:
    """What a clean-up did, and what it cost."""

    removed: list[str]
    compact_seconds: float
    file_bytes_before: int
    file_bytes_after: int
    backups_removed: list[str]


def _zaken_configured(session: Session) -> bool:
    return bool(outbox_service.region_settings(session).zaken_url)


def _backups(session: Session) -> list[Path]:
    """Encrypted copies made before a schema upgrade: they hold every case as it was then."""
    return sorted(session.path.parent.glob(f"{session.path.name}.v*.bak"))


def plan(session: Session, terms: RetentionTerms | None = None) -> Plan:
    """The clean-up as it would run today (nothing is changed)."""
    terms = terms or retention_terms(session)
    today = session.today()
    if terms.local_weeks is None:
        return Plan(today, None)
    weeks = terms.local_weeks
    found = [assess(f, weeks, today) for f in retention_repo.closed_case_facts(
        session.conn, _zaken_configured(session))]
    return Plan(today, weeks, found, _backups(session) if found else [])


def _refuse(code: str, field_name: str, message: str) -> InvalidInput:
    return InvalidInput([Problem(code, field_name, message)])


def _reason(reason: str, what: str) -> str:
    text = " ".join(reason.split())
    if len(text) < 5:
        raise _refuse("retention.reason_missing", "reden",
                      f"schrijf op waarom u {what} (minstens een paar woorden)")
    return text[:500]


def _closed_case(session: Session, case_id: str) -> None:
    case = case_repo.get(session.conn, case_id) if not retention_repo.is_removed(
        session.conn, case_id) else None
    if case is None:
        raise _refuse("retention.case_unknown", "casus",
                      "deze casus staat niet (meer met persoonsgegevens) in deze kluis")


def postpone(session: Session, case_id: str, until: dt.date, reason: str) -> None:
    """Stel het opschonen één keer uit, tot een datum (hoogstens een half jaar), met een reden."""
    _closed_case(session, case_id)
    text = _reason(reason, "het opschonen uitstelt")
    today = session.today()
    if until <= today or until > today + POSTPONE_MAX:
        raise _refuse("retention.postpone_date", "uitstellen tot",
                      f"kies een datum na vandaag en uiterlijk "
                      f"{today + POSTPONE_MAX:%d-%m-%Y}")
    if retention_repo.was_postponed(session.conn, case_id):
        raise _refuse("retention.postponed_before", "uitstellen",
                      "het opschonen van deze casus is al eens uitgesteld; dat kan één keer. "
                      "Moet hij langer blijven, leg dan 'bewaren tot' vast met de reden")
    with session.change("retention.postpone", "case", case_id,
                        fields=["retention.postponed_until", "retention.reason"]) as conn:
        retention_repo.postpone(conn, case_id, until, text, session.actor, session.now())


def hold(session: Session, case_id: str, until: dt.date, reason: str) -> None:
    """Bewaren tot …: a legal hold (e.g. a court case, a complaint, an inzage request) keeps the
    case on this laptop until the date, whatever the term says."""
    _closed_case(session, case_id)
    text = _reason(reason, "de casus langer bewaart")
    if until <= session.today():
        raise _refuse("retention.hold_date", "bewaren tot", "kies een datum na vandaag")
    with session.change("retention.hold", "case", case_id,
                        fields=["retention.hold_until", "retention.reason"]) as conn:
        retention_repo.set_hold(conn, case_id, until, text, session.actor, session.now())


def end_hold(session: Session, case_id: str) -> None:
    """Lift a legal hold (the term applies again)."""
    with session.change("retention.end_hold", "case", case_id,
                        fields=["retention.hold_until"]) as conn:
        retention_repo.end_hold(conn, case_id)


def _remove_one(session: Session, found: Assessment, weeks: int) -> None:
    facts = found.facts
    case_id = facts.case_id
    with session.change("retention.remove", "case", case_id, fields=[
            "family", "children", "referral.referrer_person", "case_leads.person",
            "agenda.personal_data", "minutes.text", "minutes.document", "escalations.texts"]
                        ) as conn:
        documents = retention_repo.documents_at_region(conn, case_id)
        retention_repo.write_tombstone(conn, facts, session.now(), session.actor, weeks * 7,
                                       documents)
        for meeting_id, item_id in meeting_repo.items_of_case(conn, case_id):
            meeting_repo.remove_personal_data(conn, meeting_id, item_id)
        empty = redacted_minutes_text().model_dump_json()
        for minutes in minutes_repo.for_case(conn, case_id):
            if minutes.status.value == "DRAFT":
                minutes_repo.delete_draft(conn, minutes.id)
            else:
                minutes_repo.remove_text_and_document(conn, minutes.id, empty)
        for escalation in escalation_repo.all_escalations(conn, case_id=case_id):
            retention_repo.remove_escalation_text(
                conn, escalation.id, redacted_escalation(escalation).model_dump_json())
        retention_repo.remove_case_rows(conn, case_id, facts.case_number)


def remove_due(session: Session, case_ids: list[str] | None = None,
               compact: bool = True) -> Outcome:
    """Remove the personal data of the cases the plan says may go now (of `case_ids` when
    given: those the user saw), each with its own audit record, committed in batches; then
    compact the file so nothing of it stays in free pages or the WAL."""
    current = plan(session)
    if current.local_weeks is None:
        raise _refuse("retention.no_term", "lokale bewaartermijn",
                      "de regio heeft geen lokale bewaartermijn ingesteld; lees een regiobestand "
                      "in dat hem noemt")
    chosen = [a for a in current.to_remove if case_ids is None or a.facts.case_id in case_ids]
    for start in range(0, len(chosen), BATCH):  # one commit (fsync) per batch, an audit each
        with transaction(session.conn):
            for found in chosen[start:start + BATCH]:
                _remove_one(session, found, current.local_weeks)
    before = _size(session.path)
    took, backups = 0.0, []
    if chosen and compact:
        took = compact_file(session)
        for backup in current.stale_backups:
            backup.unlink(missing_ok=True)
            backups.append(backup.name)
        if backups:
            with session.change("retention.backups_removed", "vault", session.path.name,
                                fields=[f"backup.{name}" for name in backups]):
                pass
            compact_file(session)
    return Outcome([a.facts.case_number for a in chosen], took, before, _size(session.path),
                   backups)


def _size(path: Path) -> int:
    wal = path.with_name(path.name + "-wal")
    return path.stat().st_size + (wal.stat().st_size if wal.exists() else 0)


def compact_file(session: Session) -> float:
    """Really gone: secure_delete zeroes what a delete frees; the WAL is written back and
    emptied (checkpoint TRUNCATE), and VACUUM rebuilds the file without free pages. Seconds."""
    started = time.perf_counter()
    conn = session.conn
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("VACUUM")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return time.perf_counter() - started


def tombstones(session: Session) -> list[dict[str, object]]:
    """Every removed case's tombstone (case number, dates, where the region holds what)."""
    return retention_repo.tombstones(session.conn)


def is_removed(session: Session, case_id: str) -> bool:
    """Whether the case's personal data was removed from this vault."""
    return retention_repo.is_removed(session.conn, case_id)


def archive_line(session: Session, minutes_id: str) -> str:
    """The region's archive term for these notulen in words (shown with the notulen)."""
    minutes = minutes_repo.get(session.conn, minutes_id)
    if minutes is None:
        return ""
    kind = RecordKind.RECTIFICATION if minutes.kind.value == "RECTIFICATION" \
        else RecordKind.MINUTES
    return archive_text(retention_terms(session), kind,
                        retention_repo.closed_on(session.conn, minutes.case_id))
