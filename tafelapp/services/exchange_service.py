"""Use cases for the exchange file: export a case with its meetings, import one (all or nothing)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from tafelapp.domain.exchange import CaseExchange
from tafelapp.domain.problems import InvalidInput, Problem, errors, warnings
from tafelapp.domain.region import table_problems
from tafelapp.domain.rules.case_lead import case_lead_problems
from tafelapp.domain.rules.meeting import meeting_problems
from tafelapp.domain.rules.referral import case_problems
from tafelapp.domain.validation import validate_file
from tafelapp.services import signed_record_service
from tafelapp.services.case_service import get_case
from tafelapp.services.session import Session
from tafelapp.store import case_repo, meeting_repo, table_repo
from tafelapp.store.connection import DatabaseError
from tafelapp.store.transaction import transaction

MAX_IMPORT_BYTES = 50 * 1024 * 1024


def export_case(session: Session, case_id: str) -> CaseExchange:
    """The exchange record of one case: its table, the case and every meeting that discussed it."""
    case = get_case(session, case_id)
    table = table_repo.get(session.conn, case.table_id)
    assert table is not None
    return CaseExchange(exported_at=session.now().replace(microsecond=0), table=table, case=case,
                        meetings=meeting_repo.meetings_for_case(session.conn, case_id),
                        minutes=signed_record_service.for_case(session, case_id))


def export_case_json(session: Session, case_id: str) -> str:
    """The exchange file's text (UTF-8 JSON, indented)."""
    return export_case(session, case_id).model_dump_json(indent=2)


@dataclass
class ImportResult:
    """What an import did: `created`, `updated` or `unchanged`, and the warnings it carries."""

    case_id: str
    case_number: str
    outcome: str
    warnings: list[Problem] = field(default_factory=list)


def _prefixed(problems: list[Problem], prefix: str) -> list[Problem]:
    return [Problem(p.code, f"{prefix}.{p.field}", p.message, p.severity) for p in problems]


def parse_exchange(data: bytes) -> CaseExchange:
    """Parse and validate an exchange file; every problem is reported, none is fixed silently."""
    if len(data) > MAX_IMPORT_BYTES:
        raise InvalidInput([Problem("import.too_large", "(bestand)",
                                    f"het bestand is groter dan {MAX_IMPORT_BYTES // 2**20} MB")])
    return validate_file(CaseExchange, data, "exportbestand")  # a byte-order mark is fine; strict; time zones


def _rule_problems(session: Session, record: CaseExchange) -> list[Problem]:
    table, case = record.table, record.case
    local_table = table_repo.get(session.conn, table.id)
    if local_table is not None and local_table.kind is not table.kind:
        return [Problem("import.table_kind_conflict", "table.kind",
                        "deze tafel bestaat hier al als een ander soort tafel")]
    problems: list[Problem] = _prefixed(table_problems(table), "table")
    if case.table_id != table.id:
        problems.append(Problem("import.case_other_table", "case.table_id",
                                "de casus hoort niet bij de tafel in het bestand"))
    problems += _prefixed(case_problems(case, table.kind, session.today())
                          + case_lead_problems(case, table.kind), "case")
    owner = case_repo.id_by_number(session.conn, case.case_number)
    if owner is not None and owner != case.id:
        problems.append(Problem("import.case_number_taken", "case.case_number",
                                f"casusnummer {case.case_number} hoort hier bij een andere casus"))
    for index, meeting in enumerate(record.meetings):
        prefix = f"meetings.{index}"
        if any(item.case_id != case.id for item in meeting.agenda):
            problems.append(Problem("import.other_case_in_meeting", f"{prefix}.agenda",
                                    "het bestand bevat gegevens van een andere casus"))
            continue
        problems += _prefixed(meeting_problems(meeting, table, {case.id: case}), prefix)
        for number, item in enumerate(meeting.agenda):
            home = meeting_repo.meeting_id_of_item(session.conn, item.id)
            if home is not None and home != meeting.id:
                problems.append(Problem(
                    "import.item_other_meeting", f"{prefix}.agenda.{number}.id",
                    "dit agendapunt hoort hier bij een andere bespreking (ontbreekt de id van "
                    "de bespreking in het bestand?); er is niets ingelezen"))
        local = meeting_repo.get(session.conn, meeting.id)
        here = local.item_for_case(case.id) if local is not None else None
        there = meeting.item_for_case(case.id)
        if here is not None and there is not None and here.id != there.id:
            problems.append(Problem(
                "import.item_id_changed", f"{prefix}.agenda.{meeting.agenda.index(there)}.id",
                "deze bespreking heeft hier al een agendapunt voor deze casus met een andere id "
                "(ontbreekt de id of is die veranderd?); er is niets ingelezen"))
        if local is not None and local.table_id != meeting.table_id:
            problems.append(Problem("import.meeting_other_table", f"{prefix}.table_id",
                                    "deze bespreking bestaat hier al bij een andere tafel"))
    return problems


_STORE_FIELD = {"participants": "participants", "agreements": "agreements",
                "scaling_answers": "scaling_answers", "agenda_items": "agenda",
                "guardians": "family.guardians", "children": "children",
                "deadlines": "deadlines", "case_leads": "case_leads", "meetings": "meetings"}


@contextmanager
def _refused_by_store() -> Iterator[None]:
    """The store's last guard in words: an id that already belongs to another record here
    (a participant, an afspraak …) refuses the whole file, and the transaction rolls back."""
    try:
        yield
    except DatabaseError as exc:
        if type(exc).__name__ != "IntegrityError":
            raise
        table = next((t for t in _STORE_FIELD if f" {t}." in f" {exc}"), "")
        raise InvalidInput([Problem(
            "import.id_taken", _STORE_FIELD.get(table, "case"),
            "een id in dit bestand hoort hier al bij een ander gegeven (is het bestand met de "
            "hand veranderd?); er is niets ingelezen")]) from None


def import_case(session: Session, data: bytes) -> ImportResult:
    """Import an exchange file in one transaction; a file with any error writes nothing.

    Importing the same file twice is a no-op; a newer version of a known case replaces it.
    """
    return import_record(session, parse_exchange(data))


def import_record(session: Session, record: CaseExchange) -> ImportResult:
    """Import a parsed exchange record with its notulen, all or nothing (also for a package)."""
    problems = _rule_problems(session, record)
    if errors(problems):
        raise InvalidInput(errors(problems))
    for exchanged in record.minutes:  # a forked signed record is named before anything else
        signed_record_service.check_fits(session, exchanged.minutes)
    case = record.case
    existed = case_repo.exists(session.conn, case.id)
    same = False
    if existed:
        current = export_case(session, case.id)
        ids = {m.id for m in record.meetings}
        same = (current.case == case and
                [m for m in current.meetings if m.id in ids] == record.meetings)
    with transaction(session.conn), _refused_by_store():
        if not same:
            with session.change("case.import", "case", case.id, fields=[
                    "case", *[f"meeting.{m.id}" for m in record.meetings]]) as conn:
                if table_repo.get(conn, record.table.id) is None:
                    table_repo.save(conn, record.table)
                case_repo.save(conn, case)
                for meeting in record.meetings:
                    meeting_repo.save(conn, meeting, only_case=case.id)
        merged = [signed_record_service.merge(session, m) for m in record.minutes]
    if same and all(outcome == "unchanged" for outcome in merged):
        return ImportResult(case.id, case.case_number, "unchanged", warnings(problems))
    return ImportResult(case.id, case.case_number, "updated" if existed else "created",
                        warnings(problems))
