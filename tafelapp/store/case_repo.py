"""SQL for the case aggregate: case, children, referral, case leads and deadlines."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from tafelapp.domain.models import Case, CaseLead, Child, Deadline, Referral
from tafelapp.domain.summaries import CaseSummary
from tafelapp.store.connection import Connection
from tafelapp.store.rows import (
    chunks,
    from_row,
    placeholders,
    replace_children,
    row_of,
    upsert,
)

_CHILD = ("id", "first_name", "last_name", "birth_date", "unborn", "unborn_details")
_REFERRAL = ("route", "date", "referrer_kind", "referrer_organisation", "referrer_person",
             "criteria", "preconditions", "summary")
_LEAD = ("id", "organisation", "organisation_kind", "person", "person_id", "phone", "email",
         "contact_note", "since", "accepted", "accepted_on", "ended_on")
_DEADLINE = ("id", "kind", "started_on", "due_on", "source", "done_on", "note")


def search_key(case: Case) -> str:
    """The lower-cased text the case list searches: number, family name, children's names."""
    names = " ".join(f"{c.first_name} {c.last_name}" for c in case.children)
    return f"{case.case_number} {case.family.name} {names}".lower()


def save(conn: Connection, case: Case) -> None:
    """Insert or replace the whole case aggregate (inside the caller's transaction)."""
    upsert(conn, "cases", {
        "id": case.id, "table_id": case.table_id, "case_number": case.case_number,
        "status": case.status.value, "opened_on": case.opened_on.isoformat(),
        "family_name": case.family.name, "family": case.family.model_dump_json(),
        "search_key": search_key(case),
    })
    replace_children(conn, "children", "case_id", case.id, [
        row_of(child, _CHILD, case_id=case.id, position=i) for i, child in enumerate(case.children)
    ])
    conn.execute("DELETE FROM referrals WHERE case_id = ?", (case.id,))
    if case.referral is not None:
        upsert(conn, "referrals", row_of(case.referral, _REFERRAL, case_id=case.id), key="case_id")
    replace_children(conn, "case_leads", "case_id", case.id, [
        row_of(lead, _LEAD, case_id=case.id, position=i) for i, lead in enumerate(case.case_leads)
    ])
    replace_children(conn, "deadlines", "case_id", case.id, [
        row_of(d, _DEADLINE, case_id=case.id, position=i) for i, d in enumerate(case.deadlines)
    ])


def _grouped(conn: Connection, table: str, ids: Sequence[str],
             order: str = "position") -> dict[str, list[Any]]:
    groups: dict[str, list[Any]] = defaultdict(list)
    rows = conn.execute(f"SELECT * FROM {table} WHERE case_id IN ({placeholders(len(ids))}) "
                        f"ORDER BY case_id, {order}", list(ids)).fetchall()
    for row in rows:
        groups[row["case_id"]].append(row)
    return groups


def get_many(conn: Connection, case_ids: Sequence[str]) -> dict[str, Case]:
    """Whole cases by id (missing ids are left out)."""
    result: dict[str, Case] = {}
    for ids in chunks(list(case_ids)):
        cases = conn.execute(f"SELECT * FROM cases WHERE id IN ({placeholders(len(ids))})",
                             list(ids)).fetchall()
        children = _grouped(conn, "children", ids)
        referrals = {r["case_id"]: r for rows in _grouped(conn, "referrals", ids, "case_id").values()
                     for r in rows}
        leads = _grouped(conn, "case_leads", ids)
        deadlines = _grouped(conn, "deadlines", ids)
        for row in cases:
            cid = row["id"]
            data = from_row(row, ["family"], drop=("family_name", "search_key", "last_progress"))
            data["children"] = [Child.model_validate(
                from_row(r, ["unborn_details"], drop=("case_id", "position")))
                for r in children.get(cid, [])]
            ref = referrals.get(cid)
            data["referral"] = Referral.model_validate(
                from_row(ref, ["criteria", "preconditions"], drop=("case_id",))) if ref else None
            data["case_leads"] = [CaseLead.model_validate(from_row(r, drop=("case_id", "position")))
                                  for r in leads.get(cid, [])]
            data["deadlines"] = [Deadline.model_validate(from_row(r, drop=("case_id", "position")))
                                 for r in deadlines.get(cid, [])]
            result[cid] = Case.model_validate(data)
    return result


def get(conn: Connection, case_id: str) -> Case | None:
    """One whole case by id."""
    return get_many(conn, [case_id]).get(case_id)


def id_by_number(conn: Connection, case_number: str) -> str | None:
    """The id of the case with this case number."""
    row = conn.execute("SELECT id FROM cases WHERE case_number = ?", (case_number,)).fetchone()
    return str(row[0]) if row else None


def exists(conn: Connection, case_id: str) -> bool:
    """Whether a case with this id is stored."""
    return conn.execute("SELECT 1 FROM cases WHERE id = ?", (case_id,)).fetchone() is not None


def list_summaries(conn: Connection, search: str | None = None, table_id: str | None = None,
                   limit: int | None = None) -> list[CaseSummary]:
    """The case list: one line per case, newest first, optionally searched and per table."""
    where, params = [], []
    if search:
        where.append("c.search_key LIKE ? ESCAPE '\\'")
        escaped = search.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        params.append(f"%{escaped}%")
    if table_id:
        where.append("c.table_id = ?")
        params.append(table_id)
    sql = (
        "SELECT c.id, c.case_number, c.table_id, t.name AS table_name, t.kind AS table_kind, "
        "c.family_name, c.status, c.opened_on, c.search_key AS search_text, "
        "(SELECT count(*) FROM children ch WHERE ch.case_id = c.id) AS children, "
        "(SELECT route FROM referrals r WHERE r.case_id = c.id) AS route, "
        "(SELECT min(due_on) FROM deadlines d WHERE d.case_id = c.id AND d.done_on IS NULL) "
        "AS next_due "
        "FROM cases c JOIN tables t ON t.id = c.table_id "
        + (f"WHERE {' AND '.join(where)} " if where else "")
        + "ORDER BY c.opened_on DESC, c.case_number DESC"
        + (f" LIMIT {int(limit)}" if limit else "")
    )
    return [CaseSummary.model_validate(dict(zip(r.keys(), r, strict=True)))
            for r in conn.execute(sql, params).fetchall()]


def next_sequence(conn: Connection, prefix: str) -> int:
    """The next free number for case numbers that start with `prefix`."""
    row = conn.execute("SELECT count(*) FROM cases WHERE case_number LIKE ?",
                       (f"{prefix}%",)).fetchone()
    return int(row[0]) + 1
