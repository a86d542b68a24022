"""Benchmark: the same workload in the SQLCipher vault and in plain sqlite3; prints ratios.

Steps: create 10,000 cases with a meeting each (participants, scores, decision, agreements),
read them all back, run the case-list query (all, and a search). Also the vault open time with
key derivation. Writes bench/results/vault.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tafelapp.domain.enums import Role
from tafelapp.domain.meeting import AgendaItem, Agreement, Decision, Meeting, Participant, ScalingAnswer
from tafelapp.domain.models import Case, Child, Family, Referral, Table
from tafelapp.store import case_repo, connection, meeting_repo, migrate, table_repo
from tafelapp.store.transaction import transaction

PASSPHRASE = "Benchmark-Kluis-Zin-2026"
RESULTS = Path(__file__).resolve().parent / "results" / "vault.json"


def build_workload(n: int) -> tuple[Table, list[Case], list[Meeting]]:
    """n cases, each discussed in its own meeting with 6 participants, 4 scores and 3 agreements."""
    table = Table(kind="JBT", name="Bench", region="R", municipality="M")
    cases, meetings = [], []
    day = dt.date(2026, 1, 5)
    for i in range(n):
        case = Case(table_id=table.id, case_number=f"JBT-2026-{i:05d}", opened_on=day,
                    family=Family(name=f"Familie{i}", address=f"Straat {i}"),
                    children=[Child(first_name=f"Kind{i}a", last_name=f"Familie{i}",
                                    birth_date=dt.date(2014, 1, 1)),
                              Child(first_name=f"Kind{i}b", last_name=f"Familie{i}",
                                    birth_date=dt.date(2018, 6, 1))],
                    referral=Referral(route="VTO", date=day, referrer_kind="VEILIG_THUIS",
                                      referrer_organisation="VT", referrer_person="M"))
        people = [Participant(name=f"P{i}-{r.value}", role=r)
                  for r in (Role.CHAIR, Role.SECRETARY, Role.PARENT, Role.PARENT, Role.JB,
                            Role.RVDK)]
        item = AgendaItem(
            case_id=case.id, purpose="Doel", opened_by_chair=True, participants=people,
            safety_plan={"worries": "Zorgen " * 40, "strengths": "Krachten " * 40},
            scaling_answers=[ScalingAnswer(participant_id=p.id, score=(i + k) % 11)
                             for k, p in enumerate(people[2:])],
            decision=Decision(kind="INVESTIGATION", motivation="Motivering " * 20,
                              decided_on=day),
            agreements=[Agreement(text=f"Afspraak {k}", owner="Ouders") for k in range(3)])
        cases.append(case)
        meetings.append(Meeting(table_id=table.id, date=day, chair="V", agenda=[item]))
    return table, cases, meetings


def _plain(path: Path) -> Any:
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("PRAGMA secure_delete = ON")
    conn.row_factory = sqlite3.Row
    return conn


def _timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def run_steps(conn: Any, table: Table, cases: list[Case], meetings: list[Meeting],
              batch: int, repeats: int) -> dict[str, float]:
    """Time each step on one connection; reads and queries are medians of `repeats`."""
    migrate.migrate(conn)

    def create() -> None:
        with transaction(conn):
            table_repo.save(conn, table)
        for start in range(0, len(cases), batch):
            with transaction(conn):
                for case, meeting in zip(cases[start:start + batch],
                                         meetings[start:start + batch], strict=True):
                    case_repo.save(conn, case)
                    meeting_repo.save(conn, meeting)

    ids = [c.id for c in cases]
    mids = [m.id for m in meetings]
    out = {"create": _timed(create)}
    out["read_back"] = statistics.median(
        _timed(lambda: (case_repo.get_many(conn, ids), meeting_repo.get_many(conn, mids)))
        for _ in range(repeats))
    out["case_list"] = statistics.median(
        _timed(lambda: case_repo.list_summaries(conn)) for _ in range(repeats))
    out["case_search"] = statistics.median(
        _timed(lambda: case_repo.list_summaries(conn, search="familie123")) for _ in range(
            repeats * 4))
    return out


def open_time(path: Path, repeats: int) -> float:
    """Median time to open the vault and run its first query (includes PBKDF2 key derivation)."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        conn = connection.open_vault_file(path, PASSPHRASE)
        times.append(time.perf_counter() - start)
        conn.close()
    return statistics.median(times)


def main() -> None:
    """Run both workloads and print/write the figures."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    table, cases, meetings = build_workload(args.cases)
    with tempfile.TemporaryDirectory() as folder:
        vault = Path(folder) / "bench.tafelapp"
        cipher_conn = connection.create_vault_file(vault, PASSPHRASE)
        cipher = run_steps(cipher_conn, table, cases, meetings, args.batch, args.repeats)
        cipher_conn.close()
        plain_conn = _plain(Path(folder) / "plain.sqlite")
        plain = run_steps(plain_conn, table, cases, meetings, args.batch, args.repeats)
        plain_conn.close()
        opened = open_time(vault, 5)
        size = vault.stat().st_size
    ratios = {step: cipher[step] / plain[step] for step in cipher}
    result = {
        "cases": args.cases, "batch": args.batch, "sqlcipher_s": cipher, "plain_s": plain,
        "ratio": ratios, "target_ratio": 1.5, "open_with_kdf_s": opened,
        "kdf": "PBKDF2-HMAC-SHA512, 256000 iterations (SQLCipher 4 default)",
        "vault_bytes": size, "measured_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }
    print(f"{'step':<12} {'sqlcipher':>10} {'plain':>10} {'ratio':>7}")
    for step in cipher:
        flag = "" if ratios[step] <= 1.5 else "  (above 1.5x target)"
        print(f"{step:<12} {cipher[step]:>9.3f}s {plain[step]:>9.3f}s {ratios[step]:>6.2f}x{flag}")
    print(f"open vault incl. key derivation: {opened * 1000:.0f} ms (median of 5)")
    print(f"vault size: {size / 2**20:.1f} MiB for {args.cases} cases")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main()
