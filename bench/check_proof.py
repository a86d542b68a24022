"""Benchmark: what proving final notulen from their PDF costs — per notulen in `tafelapp check`
(median of 10) and per opened package (the guard, median of 5).

Writes bench/results/check_proof.json.
"""

from __future__ import annotations

import json
import statistics
import tempfile
import time
from pathlib import Path

from tafelapp.services import (
    meeting_service,
    minutes_service,
    package_service,
    setup_service,
    signed_record_service,
    vault_service,
)
from tafelapp.services.demo_service import seed_demo

RESULTS = Path(__file__).resolve().parent / "results" / "check_proof.json"
PASSPHRASE = "Benchmark-Kluis-Zin-2026"


def main() -> None:
    """Measure and print; write the JSON."""
    folder = Path(tempfile.mkdtemp())
    session = vault_service.create(folder / "k.tafelapp", PASSPHRASE, actor="b")
    meeting = meeting_service.get_meeting(session, seed_demo(session)["jbt_meeting"])
    assert meeting.secretary is not None
    minutes = minutes_service.draft_minutes(session, meeting.agenda[0].id)
    chair = minutes_service.create_local_identity(session, meeting.chair, "123456")
    minutes_service.sign_minutes(session, minutes.id, chair.id, "123456", "CHAIR")
    package = package_service.export_package(session, minutes.id)
    region = setup_service.export_region_json(session).encode()
    secretary = minutes_service.create_local_identity(session, meeting.secretary, "654321")
    minutes_service.sign_minutes(session, minutes.id, secretary.id, "654321", "SECRETARY")
    checks = []
    for _ in range(10):
        start = time.perf_counter()
        assert signed_record_service.status_mismatches(session) == []
        checks.append(time.perf_counter() - start)
    opens = []
    for n in range(5):
        other = vault_service.create(folder / f"b{n}.tafelapp", PASSPHRASE, "b")
        setup_service.import_region(other, region)
        start = time.perf_counter()
        assert package_service.open_package(other, package).outcome == "created"
        opens.append(time.perf_counter() - start)
        other.close()
    session.close()
    result = {"prove_final_notulen_in_check_s": round(statistics.median(checks), 3),
              "open_package_with_proof_s": round(statistics.median(opens), 3),
              "document": "the demo notulen (check: both signatures; package: the chair's)"}
    print(f"check, per final notulen: median {result['prove_final_notulen_in_check_s']} s")
    print(f"open a package (proven):  median {result['open_package_with_proof_s']} s")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main()
