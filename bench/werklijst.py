"""Benchmark: the werklijst over 50,000 cases (goal <= 300 ms median) and one table's quarter figures.

Also the werklijst screen with that list (offscreen Qt): showing it, and sorting it on a column.

The vault is filled with plain SQL inserts (the same schema the app uses) for speed: 50,000 open
cases over three tables, each with a meeting (85 % in the last six weeks), two agreements (open
ones mostly ahead, ~8 % slipped), a term, a case lead (10 % none, 10 % not accepted), and
decisions of which some the chair disagreed with.
Writes bench/results/werklijst.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import statistics
import tempfile
import time
import uuid
from pathlib import Path

from tafelapp.domain.figures import Quarter
from tafelapp.domain.worklist import WorkItem
from tafelapp.services import figures_service, vault_service, worklist_service
from tafelapp.services.session import Session
from tafelapp.store.transaction import transaction

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
RESULTS = Path(__file__).resolve().parent / "results" / "werklijst.json"


def fill(session: Session, cases: int, today: dt.date) -> str:
    """Insert the workload; returns one table id."""
    rng = random.Random(5)
    conn = session.conn
    tables = [uuid.uuid4().hex for _ in range(3)]
    with transaction(conn):
        for n, tid in enumerate(tables):
            conn.execute("INSERT INTO tables (id, kind, name, region, municipality, institutions) "
                         "VALUES (?, ?, ?, 'R', 'M', '[]')", (tid, "JBT" if n else "ZVT",
                                                             f"Tafel {n}"))
    def day(offset: int) -> str:
        return (today + dt.timedelta(days=offset)).isoformat()
    batch = 5000
    for start in range(0, cases, batch):
        rows: dict[str, list[tuple[object, ...]]] = {k: [] for k in (
            "cases", "meetings", "items", "agreements", "deadlines", "leads", "decisions",
            "referrals")}
        for i in range(start, min(cases, start + batch)):
            cid, mid, iid = uuid.uuid4().hex, uuid.uuid4().hex, uuid.uuid4().hex
            tid = tables[i % 3]
            opened = day(-rng.randint(20, 400))
            rows["cases"].append((cid, tid, f"JBT-2026-{i:06d}", "OPEN", opened, f"Fam{i}",
                                  '{"name": "x"}', f"jbt-2026-{i:06d} fam{i}"))
            rows["referrals"].append((cid, "VTO", opened, "VEILIG_THUIS", "VT", "M", "{}", "{}"))
            # Most cases are being worked on: a meeting in the last six weeks for 85 %.
            meeting_day = day(-rng.randint(0, 41) if rng.random() < 0.85
                              else -rng.randint(42, 200))
            rows["meetings"].append((mid, tid, meeting_day, "OFFICE", "V"))
            rows["items"].append((iid, mid, cid, 0, "", 1, 1, "[]", "{}", ""))
            for k in range(2):
                # Open agreements mostly lie ahead; about 8 % have slipped past their date.
                status = "DONE" if rng.random() < 0.4 else "OPEN"
                due = (rng.randint(-30, -1) if status == "OPEN" and rng.random() < 0.08
                       else rng.randint(0, 120) if status == "OPEN" else -rng.randint(1, 120))
                rows["agreements"].append((uuid.uuid4().hex, iid, k, "Afspraak", "ARRANGEMENT",
                                           "Ouders", day(due), status,
                                           day(due - rng.randint(0, 5)) if status == "DONE"
                                           else None))
            rows["deadlines"].append((uuid.uuid4().hex, cid, 0, "GRANT_DECISION", opened,
                                      day(rng.randint(-3, 120)), "001 §2.3 e"))
            r = rng.random()
            if r > 0.1:
                rows["leads"].append((uuid.uuid4().hex, cid, 0, "GI", "GI", "P",
                                      day(-rng.randint(0, 60)), int(r > 0.2)))
            if rng.random() < 0.3:
                rows["decisions"].append((iid, "INVESTIGATION", "m", int(rng.random() < 0.1),
                                          "[]", meeting_day))
        with transaction(conn):
            conn.executemany("INSERT INTO cases (id, table_id, case_number, status, opened_on, "
                             "family_name, family, search_key) VALUES (?,?,?,?,?,?,?,?)",
                             rows["cases"])
            conn.executemany("INSERT INTO referrals (case_id, route, date, referrer_kind, "
                             "referrer_organisation, referrer_person, criteria, preconditions) "
                             "VALUES (?,?,?,?,?,?,?,?)", rows["referrals"])
            conn.executemany("INSERT INTO meetings (id, table_id, date, location_kind, chair) "
                             "VALUES (?,?,?,?,?)", rows["meetings"])
            conn.executemany("INSERT INTO agenda_items (id, meeting_id, case_id, position, "
                             "purpose, opened_by_chair, reported_to_secretary, involvement, "
                             "safety_plan, plan_of_approach) VALUES (?,?,?,?,?,?,?,?,?,?)",
                             rows["items"])
            conn.executemany("INSERT INTO agreements (id, agenda_item_id, position, text, kind, "
                             "owner, due_date, status, done_on) VALUES (?,?,?,?,?,?,?,?,?)",
                             rows["agreements"])
            conn.executemany("INSERT INTO deadlines (id, case_id, position, kind, started_on, "
                             "due_on, source) VALUES (?,?,?,?,?,?,?)", rows["deadlines"])
            conn.executemany("INSERT INTO case_leads (id, case_id, position, organisation, "
                             "organisation_kind, person, since, accepted) "
                             "VALUES (?,?,?,?,?,?,?,?)", rows["leads"])
            conn.executemany("INSERT INTO decisions (agenda_item_id, kind, motivation, "
                             "chair_disagrees, extended_to_children, decided_on) "
                             "VALUES (?,?,?,?,?,?)", rows["decisions"])
    with transaction(conn):  # what the repositories keep up to date on every save
        conn.execute("UPDATE cases SET last_progress = (SELECT max(m.date) FROM agenda_items a "
                     "JOIN meetings m ON m.id = a.meeting_id WHERE a.case_id = cases.id)")
    return tables[1]


def screen_runs(items: list[WorkItem]) -> tuple[list[float], list[float]]:
    """Seconds to show the list in the werklijst screen (5 times) and to sort on each column."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from ui.views.worklist_view import WorklistView

    app = QApplication.instance() or QApplication([])
    view = WorklistView()
    view.resize(1280, 720)
    view.show()
    show_runs, sort_runs = [], []
    for _ in range(5):
        start = time.perf_counter()
        view.show_items(items)
        app.processEvents()
        show_runs.append(time.perf_counter() - start)
    for column in range(view.model.columnCount()):
        start = time.perf_counter()
        view.view.sortByColumn(column, Qt.SortOrder.AscendingOrder)
        app.processEvents()
        sort_runs.append(time.perf_counter() - start)
    view.close()
    view.deleteLater()
    app.processEvents()
    return show_runs, sort_runs


def main() -> None:
    """Fill, measure, print, write."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=50_000)
    args = parser.parse_args()
    session = vault_service.create(Path(tempfile.mkdtemp()) / "k.tafelapp",
                                   "Werklijst-Kluis-Zin-2026", actor="bench")
    today = session.today()
    started = time.perf_counter()
    table_id = fill(session, args.cases, today)
    print(f"filled {args.cases} cases in {time.perf_counter() - started:.1f} s")
    worklist_service.work_list(session)  # warm the page cache once
    runs, items = [], []
    for _ in range(5):
        start = time.perf_counter()
        items = worklist_service.work_list(session)
        runs.append(time.perf_counter() - start)
    quarter = Quarter.of(today)
    figure_runs = []
    for _ in range(5):
        start = time.perf_counter()
        figures_service.figures(session, table_id, quarter)
        figure_runs.append(time.perf_counter() - start)
    session.close()
    show_runs, sort_runs = screen_runs(items)
    result = {
        "measured_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "cases": args.cases, "work_items": len(items),
        "worklist_s": {"runs": runs, "median": statistics.median(runs), "goal": 0.3},
        "quarter_figures_one_table_s": {"runs": figure_runs,
                                        "median": statistics.median(figure_runs)},
        "screen_show_s": {"runs": show_runs, "median": statistics.median(show_runs)},
        "screen_sort_per_column_s": {"runs": sort_runs, "median": statistics.median(sort_runs),
                                     "max": max(sort_runs)},
    }
    print(f"werklijst over {args.cases} cases: {len(items)} items, median "
          f"{statistics.median(runs) * 1000:.0f} ms (goal 300 ms)")
    print(f"quarter figures of one table: median {statistics.median(figure_runs) * 1000:.0f} ms")
    print(f"werklijst screen: show median {statistics.median(show_runs) * 1000:.0f} ms, sort on "
          f"a column median {statistics.median(sort_runs) * 1000:.0f} ms, slowest column "
          f"{max(sort_runs) * 1000:.0f} ms")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main()
