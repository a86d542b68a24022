"""Benchmark: the inzage of the demo parent — the picker's list of people and the export (PDF +
JSON, median of 5) — in the demo vault with EXTRA other families (each with a meeting), against a
floor measured in the same run: the Gezinsoverzicht PDF of the same meeting (one WeasyPrint
document of the same machinery).

Writes bench/results/inzage.json.
"""

from __future__ import annotations

import datetime as dt
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from tafelapp.services import (
    case_service,
    distribution_service,
    inzage_service,
    meeting_service,
    vault_service,
)
from tafelapp.services.demo_service import seed_demo

RESULTS = Path(__file__).resolve().parent / "results" / "inzage.json"
PASSPHRASE = "Benchmark-Kluis-Zin-2026"
EXTRA = int(sys.argv[1]) if len(sys.argv) > 1 else 500


def _median(job: object, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        job()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    """Fill, measure, print; write the JSON."""
    folder = Path(tempfile.mkdtemp())
    session = vault_service.create(folder / "k.tafelapp", PASSPHRASE, actor="bench")
    ids = seed_demo(session)
    today = session.today()
    fill = time.perf_counter()
    for n in range(EXTRA):
        case = case_service.open_case(
            session, table_id=ids["zvt"], opened_on=today - dt.timedelta(days=30),
            family={"name": f"Bench-{n}", "guardians": [
                {"name": f"Ouder{n} Bench{n}", "relation": "moeder"}]},
            children=[{"first_name": f"Kind{n}", "last_name": f"Bench{n}",
                       "birth_date": dt.date(today.year - 8, 1, 1)}])
        meeting = meeting_service.schedule_meeting(
            session, table_id=ids["zvt"], date=today - dt.timedelta(days=n % 60),
            chair="Mr. A. de Voorzitter (fictief)", secretary="B. Secretaris (fictief)")
        item = meeting_service.add_to_agenda(session, meeting.id, case.id)
        meeting_service.add_participant(session, item.id, name=f"Ouder{n} Bench{n}",
                                        role="PARENT")
    fill_s = time.perf_counter() - fill
    request = inzage_service.start_request(session, "Sanne van Dalen")
    out = folder / "uit"
    out.mkdir()
    people_s = _median(lambda: inzage_service.people(session))
    export_s = _median(lambda: inzage_service.export(session, request.id, out))
    item_id = meeting_service.get_meeting(session, ids["jbt_meeting"]).agenda[0].id
    floor_s = _median(lambda: distribution_service.family_summary_pdf(session, item_id))
    pages = len(inzage_service.people(session))
    session.close()
    result = {"extra_families": EXTRA, "people_in_picker": pages,
              "fill_s": round(fill_s, 1),
              "people_list_s": round(people_s, 3),
              "export_pdf_and_json_s": round(export_s, 3),
              "floor_gezinsoverzicht_pdf_s": round(floor_s, 3),
              "ratio_export_to_floor": round(export_s / floor_s, 2),
              "runs": 5, "statistic": "median"}
    for key, value in result.items():
        print(f"{key}: {value}")
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
