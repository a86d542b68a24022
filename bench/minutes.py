"""Benchmark: render + sign a 5-page notulen from the demo data (median of 5), and verify it.

Goal on this machine: render + sign <= 1.5 s. Writes bench/results/minutes.json.
"""

from __future__ import annotations

import datetime as dt
import json
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from tafelapp.documents.pdf import render_pdf
from tafelapp.services import meeting_service, minutes_service, vault_service
from tafelapp.services.demo_service import seed_demo
from tafelapp.signing import identities, pades

RESULTS = Path(__file__).resolve().parent / "results" / "minutes.json"


def main() -> None:
    """Measure and print; write the JSON."""
    folder = Path(tempfile.mkdtemp())
    session = vault_service.create(folder / "k.tafelapp", "Benchmark-Kluis-Zin-2026", actor="b")
    ids = seed_demo(session)
    item = meeting_service.get_meeting(session, ids["jbt_meeting"]).agenda[0]
    minutes = minutes_service.draft_minutes(session, item.id)
    paragraph = ("Moeder vertelt dat de gezinsbehandeling op dinsdag is en dat Noor weer naar "
                 "school gaat; vader is twee keer niet gekomen en legt uit waarom. ") * 6
    minutes_service.update_text(session, minutes.id, discussion="\n\n".join([paragraph] * 14))
    html = minutes_service.document_html(session, minutes.id)
    render_pdf(html)  # warm-up: WeasyPrint and its fonts load once per process
    now = dt.datetime.now(dt.UTC)
    chair = identities.create_local("Mr. A. de Voorzitter (fictief)", "123456", now)
    secretary = identities.create_local("B. Secretaris (fictief)", "654321", now)
    chair_key = identities.unlock_key(chair.encrypted_key_der, "123456")
    sec_key = identities.unlock_key(secretary.encrypted_key_der, "654321")
    pades.sign(render_pdf("<p>warm-up</p>"), chair.certificate_der, chair_key, "W", "w", "w", "w")
    anchors = {chair.certificate_der: "voorzitter", secretary.certificate_der: "secretaris"}

    render_sign, second, verify = [], [], []
    pdf = b""
    for _ in range(5):
        start = time.perf_counter()
        base = pades.declare_signatures(render_pdf(html), ["Voorzitter", "Secretaris"])
        signed = pades.sign(base, chair.certificate_der, chair_key, "Voorzitter",
                            "Mr. A. de Voorzitter (fictief)", "Notulen vastgesteld", "Duinstede",
                            "Voorzitter")
        render_sign.append(time.perf_counter() - start)
        start = time.perf_counter()
        pdf = pades.sign(signed, secretary.certificate_der, sec_key, "Secretaris",
                         "B. Secretaris (fictief)", "Notulen vastgesteld", "Duinstede",
                         "Secretaris")
        second.append(time.perf_counter() - start)
        start = time.perf_counter()
        report = pades.verify(pdf, anchors)
        verify.append(time.perf_counter() - start)
        assert report.intact and report.complete and report.known
        assert len(report.signatures) == 2
    session.close()
    target = folder / "n.pdf"
    target.write_bytes(pdf)
    pages = int(next(line.split()[-1] for line in subprocess.run(
        ["pdfinfo", str(target)], capture_output=True, text=True, check=True).stdout.splitlines()
        if line.startswith("Pages:")))
    result = {
        "measured_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), "pages": pages,
        "render_and_sign_s": {"runs": render_sign, "median": statistics.median(render_sign),
                              "goal": 1.0},
        "second_signature_s": {"runs": second, "median": statistics.median(second)},
        "verify_two_signatures_s": {"runs": verify, "median": statistics.median(verify),
                                    "goal": 0.3},
        "bytes": len(pdf),
    }
    print(f"notulen of {pages} pages, {len(pdf) // 1024} KiB")
    print(f"render + sign (chair):     median {statistics.median(render_sign) * 1000:.0f} ms "
          "(goal 1000 ms)")
    print(f"second signature:          median {statistics.median(second) * 1000:.0f} ms")
    print(f"verify (two signatures):   median {statistics.median(verify) * 1000:.0f} ms "
          "(goal 300 ms)")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main()
