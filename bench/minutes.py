"""Benchmark: render + sign a 5-page notulen from the demo data (median of 5), verify it, carry
it between two vaults as a signing package, and sign with a smartcard (a SoftHSM2 token); and
make a 6-page notulen B-LTA (OCSP, CRL and TSA of a certomancer PKI on loopback) and verify it
offline with the embedded data only, beside verifying its B-T version (the floor, same run).

Goals on this machine (issue 12): render + sign <= 1.0 s, verify <= 0.3 s; (issue 20) offline
verify of the B-LTA notulen <= 0.5 s.
Writes bench/results/minutes.json.
"""

from __future__ import annotations

import datetime as dt
import json
import statistics
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

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

    render_only = []
    for _ in range(5):  # the floor: WeasyPrint alone, in the same run
        start = time.perf_counter()
        render_pdf(html)
        render_only.append(time.perf_counter() - start)
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
    package_export, package_open = _package_round_trip(folder, session, minutes.id)
    token_sign = _smartcard(folder, pdf)
    archive = _archive_figures(folder, html)
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
        "render_only_floor_s": {"runs": render_only, "median": statistics.median(render_only)},
        "render_and_sign_vs_floor": round(statistics.median(render_sign)
                                          / statistics.median(render_only), 2),
        "second_signature_s": {"runs": second, "median": statistics.median(second)},
        "verify_two_signatures_s": {"runs": verify, "median": statistics.median(verify),
                                    "goal": 0.3},
        "bytes": len(pdf),
        "package_export_s": {"runs": package_export, "median": statistics.median(package_export)},
        "package_open_in_second_vault_s": {"runs": package_open,
                                           "median": statistics.median(package_open)},
        "smartcard_sign_s": {"runs": token_sign, "median": statistics.median(token_sign),
                             "token": "SoftHSM2, RSA 2048"},
        **archive,
    }
    print(f"notulen of {pages} pages, {len(pdf) // 1024} KiB")
    print(f"render + sign (chair):     median {statistics.median(render_sign) * 1000:.0f} ms "
          "(goal 1000 ms)")
    print(f"render alone (floor):      median {statistics.median(render_only) * 1000:.0f} ms")
    print(f"second signature:          median {statistics.median(second) * 1000:.0f} ms")
    print(f"verify (two signatures):   median {statistics.median(verify) * 1000:.0f} ms "
          "(goal 300 ms)")
    print(f"package export / open:     median {statistics.median(package_export) * 1000:.0f} / "
          f"{statistics.median(package_open) * 1000:.0f} ms")
    print(f"smartcard signature:       median {statistics.median(token_sign) * 1000:.0f} ms")
    arch, off = archive["make_b_lta_s"], archive["verify_offline_b_lta_s"]
    print(f"make B-LTA ({archive['b_lta_pages']} pages):     median {arch['median'] * 1000:.0f} ms "
          "(OCSP, CRL, TSA on loopback)")
    print(f"verify B-LTA offline:      median {off['median'] * 1000:.0f} ms (goal 500 ms); "
          f"B-T floor {archive['verify_b_t_floor_s']['median'] * 1000:.0f} ms, ratio "
          f"{archive['verify_b_lta_vs_b_t']}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")
    print(f"wrote {RESULTS}")


def _package_round_trip(folder: Path, session: Any, minutes_id: str
                        ) -> tuple[list[float], list[float]]:
    """The chair signs in the vault, exports the package; a fresh second vault (with the region
    file) opens it."""
    from tafelapp.services import package_service, setup_service

    meeting = meeting_service.get_meeting(session, minutes_service.get_minutes(
        session, minutes_id).meeting_id)
    chair = minutes_service.create_local_identity(session, meeting.chair, "123456")
    minutes_service.sign_minutes(session, minutes_id, chair.id, "123456", "CHAIR")
    region = setup_service.export_region_json(session).encode()
    exports, opens = [], []
    for n in range(5):
        start = time.perf_counter()
        data = package_service.export_package(session, minutes_id)
        exports.append(time.perf_counter() - start)
        other = vault_service.create(folder / f"b{n}.tafelapp", "Benchmark-Kluis-Zin-2026", "b")
        setup_service.import_region(other, region)  # the chair's certificate comes with it
        start = time.perf_counter()
        assert package_service.open_package(other, data).outcome == "created"
        opens.append(time.perf_counter() - start)
        other.close()
    return exports, opens


def _smartcard(folder: Path, pdf: bytes) -> list[float]:
    """Sign with the key on a SoftHSM2 token (the PIN opens a session each time, as in use)."""
    from tests.signing.pki import KEY_LABEL, TOKEN_LABEL, TOKEN_PIN, make_pki, softhsm_token

    (folder / "pki").mkdir()
    (folder / "hsm").mkdir()
    pki = make_pki(folder / "pki")
    module = softhsm_token(folder / "hsm", next(pki))
    runs = []
    for _ in range(5):
        start = time.perf_counter()
        pades.sign_pkcs11(pdf, module, TOKEN_LABEL, KEY_LABEL, TOKEN_PIN, "Kaart",
                          "Mr. A. de Voorzitter (fictief)", "Notulen vastgesteld", "Duinstede",
                          "Voorzitter")
        runs.append(time.perf_counter() - start)
    pki.close()
    return runs


def _archive_figures(folder: Path, html: str) -> dict[str, Any]:
    """B-LTA: the upgrade (validation data fetched from the loopback PKI, document timestamp) and
    the offline verification with embedded data only; the B-T verify is the floor."""
    from tafelapp.signing import ltv
    from tests.signing.ltv_pki import CHAIR, SECRETARY, make_ltv_pki

    (folder / "ltv").mkdir()
    pki_gen = make_ltv_pki(folder / "ltv")
    pki = next(pki_gen)
    base = pades.declare_signatures(render_pdf(html), ["Voorzitter", "Secretaris"])
    signed = pades.sign(base, pki.certs["chair"], pki.keys["chair"], "Voorzitter", CHAIR,
                        "Notulen vastgesteld", "Duinstede", timestamp_url=pki.tsa_url)
    signed = pades.sign(signed, pki.certs["secretary"], pki.keys["secretary"], "Secretaris",
                        SECRETARY, "Notulen vastgesteld", "Duinstede", timestamp_url=pki.tsa_url)
    anchors = {pki.root_der: "Test-CA"}
    ltv.archive(signed, [pki.root_der], pki.tsa_url)  # warm-up: aiohttp, AdES modules
    make, offline, floor = [], [], []
    archived = b""
    for _ in range(5):
        start = time.perf_counter()
        archived = ltv.archive(signed, [pki.root_der], pki.tsa_url)
        make.append(time.perf_counter() - start)
    pades.verify(archived, anchors)
    for _ in range(5):
        start = time.perf_counter()
        report = pades.verify(archived, anchors)
        offline.append(time.perf_counter() - start)
        assert report.intact and [s.level for s in report.signatures] == ["B-LTA", "B-LTA"]
        assert all(s.valid_when_signed for s in report.signatures)
        start = time.perf_counter()
        assert pades.verify(signed, anchors).intact
        floor.append(time.perf_counter() - start)
    pki_gen.close()
    target = folder / "lta.pdf"
    target.write_bytes(archived)
    pages = int(next(line.split()[-1] for line in subprocess.run(
        ["pdfinfo", str(target)], capture_output=True, text=True, check=True).stdout.splitlines()
        if line.startswith("Pages:")))
    return {
        "b_lta_pages": pages, "b_lta_bytes": len(archived), "b_t_bytes": len(signed),
        "make_b_lta_s": {"runs": make, "median": statistics.median(make),
                         "note": "OCSP, CRL and TSA on loopback (certomancer)"},
        "verify_offline_b_lta_s": {"runs": offline, "median": statistics.median(offline),
                                   "goal": 0.5},
        "verify_b_t_floor_s": {"runs": floor, "median": statistics.median(floor)},
        "verify_b_lta_vs_b_t": round(statistics.median(offline) / statistics.median(floor), 2),
    }


if __name__ == "__main__":
    main()
