"""An unlocked vault: the connection, who is working, the clock, and the audited transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from tafelapp import events
from tafelapp.domain.audit import changed_fields
from tafelapp.domain.problems import InvalidInput, Problem, errors
from tafelapp.domain.rules.signing import record_locked_problem
from tafelapp.domain.validation import problems_from_validation
from tafelapp.store import audit_repo
from tafelapp.store.connection import Connection
from tafelapp.store.errors import RecordLocked
from tafelapp.store.meeting_repo import meeting_label
from tafelapp.store.transaction import transaction

M = TypeVar("M", bound=BaseModel)


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass
class Session:
    """What every service function works on: one open vault and the person using it."""

    conn: Connection
    path: Path
    actor: str
    clock: Callable[[], dt.datetime] = field(default=_utc_now)

    def now(self) -> dt.datetime:
        """The current time (UTC)."""
        return self.clock()

    def today(self) -> dt.date:
        """Today's date in the Netherlands' sense of the clock (local date of `now`)."""
        return self.now().astimezone().date()

    @contextmanager
    def change(self, action: str, entity: str, entity_id: str,
               before: BaseModel | None = None, after: BaseModel | None = None,
               fields: list[str] | None = None) -> Iterator[Connection]:
        """One transaction that also appends an audit record of which fields changed."""
        try:
            with transaction(self.conn) as conn:
                yield conn
                names = fields if fields is not None else changed_fields(before, after)
                audit_repo.append(conn, self.now().isoformat(timespec="seconds"), self.actor,
                                  action, entity, entity_id, names)
        except RecordLocked as exc:  # the store's guard of signed records, in words
            raise InvalidInput([record_locked_problem(
                exc.status, meeting_label(self.conn, exc.meeting_id))]) from None
        events.publish(f"{entity}_changed", action=action, id=entity_id)

    def close(self) -> None:
        """Checkpoint the WAL and close the connection."""
        try:
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            self.conn.close()


def save_changed(session: Session, action: str, entity: str, record: Any, before: Any,
                 save: Callable[[Connection, Any], None]) -> bool:
    """Store a record (with its audit entry) only when it differs from what is stored; say if so.

    Re-reading the same region file or saving an unchanged entry writes nothing and no audit.
    """
    if before == record:
        return False
    with session.change(action, entity, record.id, before=before, after=record) as conn:
        save(conn, record)
    return True


def build(model: type[M], prefix: str = "", /, **data: Any) -> M:
    """Construct a record, turning validation errors into Dutch problems with field paths."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise InvalidInput(problems_from_validation(exc, prefix)) from None


def updated(record: M, prefix: str = "", /, **changes: Any) -> M:
    """A validated copy of a record with some fields changed."""
    data = record.model_dump()
    data.update(changes)
    return build(type(record), prefix, **data)


def refuse_errors(problems: list[Problem]) -> None:
    """Raise InvalidInput when any problem blocks the action."""
    blocking = errors(problems)
    if blocking:
        raise InvalidInput(blocking)


def not_found(what: str, field_name: str, value: str) -> InvalidInput:
    """The error for an id that does not exist."""
    return InvalidInput([Problem(f"{what}.not_found", field_name, f"onbekend: {value}")])
