"""Benchmark: the bewaartermijn over a 50,000-case vault (goal: the sweep <= 30 s, in the
background), and what the clean-up that makes removed data really gone (VACUUM) costs.

The vault is the werklijst benchmark's (50,000 cases by plain SQL), with `--closed` of them
closed (audited close 20 weeks ago), of which `--due` have final notulen with a signed-PDF-sized
document, delivered and confirmed by the region 18 weeks ago (past an 8-week term), and the rest
closed but their zaak not yet confirmed. Measured: the plan (every closed case assessed), the removal of the due
cases, and the compaction (checkpoint + VACUUM + checkpoint) against a floor measured in the
same run: copying the vault file once (the bytes VACUUM must at least rewrite).
Writes bench/results/retention.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import shutil
import statistics
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from bench.werklijst import fill
from tafelapp.services import retention_service, vault_service
from tafelapp.services.session import Session
from tafelapp.services.setup_service import RETENTION_KEY
from tafelapp.store import audit_repo, settings_repo
from tafelapp.store.transaction import transaction

RESULTS = Path(__file__).resolve().parent / "results" / "retention.json"
PDF_BYTES = 48_000  # a signed 3–6 page notulen PDF is 40–80 kB


def close_and_sign(session: Session, closed: int, due: int, seed: int = 7) -> None:
    """Close `closed` cases; give the first `due` of them confirmed final notulen."""
    rng = random.Random(seed)
    conn = session.conn
    now = session.now()
    closed_at = (now - dt.timedelta(weeks=20)).isoformat(timespec="seconds")
    confirmed_at = (now - dt.timedelta(weeks=18)).isoformat()
    rows = conn.execute("SELECT c.id, c.case_number, a.id, a.meeting_id FROM cases c JOIN "
                        "agenda_items a ON a.case_id = c.id ORDER BY c.case_number LIMIT ?",
                        (closed,)).fetchall()
    with transaction(conn):
        settings_repo.put(conn, RETENTION_KEY, {"local_weeks": 8, "archive": {}})
        for n, (cid, number, item, meeting) in enumerate(rows):
            conn.execute("UPDATE cases SET status = 'CLOSED' WHERE id = ?", (cid,))
            audit_repo.append(conn, closed_at, "bench", "case.close", "case", cid, ["status"])
            if n >= due:  # closed, but the region has not confirmed its zaak yet
                conn.execute("INSERT INTO outbox (id, kind, ref_id, identificatie, state, "
                             "attempts, next_attempt_at, created_at) VALUES (?, 'case', ?, ?, "
                             "'queued', 0, ?, ?)", (f"out-case-{cid}", cid, f"ZAAK-{number}",
                                                    confirmed_at, confirmed_at))
                continue
            mid = uuid.uuid4().hex
            pdf = rng.randbytes(PDF_BYTES)
            conn.execute(
                "INSERT INTO minutes (id, agenda_item_id, meeting_id, case_id, kind, number, "
                "text, status, signing_order, signatures, document_sha256, document, "
                "created_at, finalised_at, record_sha256) VALUES (?, ?, ?, ?, 'MINUTES', ?, ?, "
                "'FINAL', '[\"CHAIR\"]', '[]', ?, ?, ?, ?, ?)",
                (mid, item, meeting, cid, f"{number}-N1",
                 json.dumps({"discussion": f"Verslag van gezin {number} " * 20}),
                 uuid.uuid4().hex, pdf, closed_at, closed_at, uuid.uuid4().hex))
            conn.execute("INSERT INTO outbox (id, kind, ref_id, identificatie, state, attempts, "
                         "next_attempt_at, server_url, created_at) VALUES (?, 'minutes', ?, ?, "
                         "'delivered', 1, ?, ?, ?)",
                         (f"out-{mid}", mid, f"TAFEL-{mid}", confirmed_at,
                          f"https://regio.example/doc/{mid}", confirmed_at))
            conn.execute("INSERT INTO outbox_attempts (outbox_id, at, outcome, http_status) "
                         "VALUES (?, ?, 'delivered', 201)", (f"out-{mid}", confirmed_at))
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _size_mb(path: Path) -> float:
    wal = path.with_name(path.name + "-wal")
    return round((path.stat().st_size + (wal.stat().st_size if wal.exists() else 0)) / 2**20, 1)


def run(cases: int, closed: int, due: int, repeats: int) -> dict[str, Any]:
    """One vault: fill, then measure plan, removal and compaction."""
    folder = Path(tempfile.mkdtemp())
    path = folder / "k.tafelapp"
    session = vault_service.create(path, "Bewaartermijn-Kluis-Zin-2026", actor="bench")
    started = time.perf_counter()
    fill(session, cases, session.today())
    close_and_sign(session, closed, due)
    filled = time.perf_counter() - started
    size_before = _size_mb(path)
    plan_runs = []
    for _ in range(repeats):
        start = time.perf_counter()
        plan = retention_service.plan(session)
        plan_runs.append(time.perf_counter() - start)
    assert len(plan.to_remove) == due, (len(plan.to_remove), due)
    copy_runs = []
    for _ in range(repeats):
        start = time.perf_counter()
        shutil.copyfile(path, folder / "copy.bin")
        copy_runs.append(time.perf_counter() - start)
        (folder / "copy.bin").unlink()
    start = time.perf_counter()
    outcome = retention_service.remove_due(session, compact=False)
    removal = time.perf_counter() - start
    size_removed = _size_mb(path)
    compact = retention_service.compact_file(session)
    size_after = _size_mb(path)
    assert len(outcome.removed) == due
    report = vault_service.check(session)
    session.close()
    shutil.rmtree(folder)
    floor = statistics.median(copy_runs)
    sweep = statistics.median(plan_runs) + removal + compact
    return {
        "cases": cases, "closed": closed, "due": due, "fill_s": round(filled, 1),
        "plan_s": {"runs": plan_runs, "median": statistics.median(plan_runs)},
        "removal_s": removal, "removal_per_case_ms": removal / max(due, 1) * 1000,
        "compact_s": compact, "copy_file_floor_s": {"runs": copy_runs, "median": floor},
        "compact_vs_copy_floor": compact / floor if floor else None,
        "sweep_total_s": sweep, "sweep_goal_s": 30.0, "sweep_within_goal": sweep <= 30.0,
        "file_mb": {"before": size_before, "after_removal_without_vacuum": size_removed,
                    "after_vacuum": size_after},
        "check_ok_after": report.ok,
    }


def main() -> None:
    """Measure a laptop-sized vault and the 50,000-case one; print; write."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=50_000)
    parser.add_argument("--closed", type=int, default=20_000)
    parser.add_argument("--due", type=int, default=2_000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    runs = [run(2_000, 800, 200, args.repeats), run(args.cases, args.closed, args.due,
                                                    args.repeats)]
    for r in runs:
        print(f"{r['cases']} cases ({r['closed']} closed, {r['due']} due): plan "
              f"{r['plan_s']['median']:.2f} s, removal {r['removal_s']:.1f} s "
              f"({r['removal_per_case_ms']:.1f} ms/case), VACUUM {r['compact_s']:.1f} s "
              f"(copy floor {r['copy_file_floor_s']['median']:.2f} s, ratio "
              f"{r['compact_vs_copy_floor']:.1f}); sweep {r['sweep_total_s']:.1f} s (goal 30 s); "
              f"file {r['file_mb']['before']} -> {r['file_mb']['after_vacuum']} MB")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({
        "measured_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "cpu_count": os.cpu_count(), "runs": runs}, indent=2) + "\n")
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main()
