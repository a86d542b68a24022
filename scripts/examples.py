"""Generate docs/examples/ from the demo data: concept and signed notulen, Gezinsoverzicht, the
inzage of a parent (PDF and JSON), a page PNG."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from tafelapp.services import (
    distribution_service,
    inzage_service,
    meeting_service,
    minutes_service,
    vault_service,
)
from tafelapp.services.demo_service import seed_demo

OUT = Path(__file__).resolve().parents[1] / "docs" / "examples"


def main() -> None:
    """Write the example documents (all fictional)."""
    OUT.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp())
    session = vault_service.create(folder / "k.tafelapp", "Voorbeeld-Kluis-Zin-2026", actor="x")
    ids = seed_demo(session)
    item = meeting_service.get_meeting(session, ids["jbt_meeting"]).agenda[0]
    minutes = minutes_service.draft_minutes(session, item.id)
    minutes_service.update_text(
        session, minutes.id,
        introduction="De bespreking vond plaats aan de keukentafel; Noor was het eerste half uur "
                     "aanwezig.",
        discussion="Moeder vertelt dat de ruzies minder zijn sinds oma vaker komt. Vader zegt dat "
                   "hij hulp wil, maar niet van de instanties die er eerder waren. De melder "
                   "licht de twee politiemeldingen toe. De Raad legt uit wat een uitgesteld "
                   "raadsonderzoek betekent en wat er gebeurt als de voorwaarden niet worden "
                   "nagekomen.")
    (OUT / "notulen-concept.pdf").write_bytes(minutes_service.render_draft(session, minutes.id))
    chair = minutes_service.create_local_identity(session, "Mr. A. de Voorzitter (fictief)",
                                                  "123456")
    secretary = minutes_service.create_local_identity(session, "B. Secretaris (fictief)",
                                                      "654321")
    minutes_service.sign_minutes(session, minutes.id, chair.id, "123456", "CHAIR")
    minutes_service.sign_minutes(session, minutes.id, secretary.id, "654321", "SECRETARY")
    distribution_service.export_signed(session, minutes.id, OUT / "notulen-ondertekend.pdf")
    (OUT / "gezinsoverzicht.pdf").write_bytes(
        distribution_service.family_summary_pdf(session, item.id))
    distribution_service.write_distribution(session, minutes.id, folder / "verzending")
    request = inzage_service.start_request(session, "Sanne van Dalen",
                                           note="identiteit gecontroleerd (paspoort)")
    written = inzage_service.export(session, request.id, folder)
    shutil.copyfile(written.pdf, OUT / "inzage-ouder.pdf")
    shutil.copyfile(written.json, OUT / "inzage-ouder.json")
    session.close()
    if shutil.which("pdftoppm"):
        for name in ("notulen-ondertekend", "gezinsoverzicht", "inzage-ouder"):
            subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1",
                            str(OUT / f"{name}.pdf"), str(OUT / name)], check=True)
    print(f"examples in {OUT}")


if __name__ == "__main__":
    main()
