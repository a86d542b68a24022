"""The body of `POST /enkelvoudiginformatieobjecten` for a signed document."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
from typing import Any

from tafelapp.settings import RegionSettings


def document_body(settings: RegionSettings, identificatie: str, title: str, author: str,
                  created: dt.date, pdf: bytes, filename: str, signed_on: dt.date,
                  pki: bool, beschrijving: str = "") -> dict[str, Any]:
    """Metadata and content of one document, as the Documenten API expects it."""
    return {
        "identificatie": identificatie, "bronorganisatie": settings.rsin,
        "creatiedatum": created.isoformat(), "titel": title[:200], "auteur": author[:200],
        "taal": "dut", "status": "definitief", "formaat": "application/pdf",
        "bestandsnaam": filename, "vertrouwelijkheidaanduiding": settings.confidentiality,
        "indicatieGebruiksrecht": False,  # no usage rights; a zaak cannot close without it
        "informatieobjecttype": settings.informatieobjecttype,
        "inhoud": base64.b64encode(pdf).decode("ascii"), "bestandsomvang": len(pdf),
        "ondertekening": {"soort": "pki" if pki else "digitaal", "datum": signed_on.isoformat()},
        "integriteit": {"algoritme": "sha_256", "waarde": hashlib.sha256(pdf).hexdigest(),
                        "datum": signed_on.isoformat()},
        **({"beschrijving": beschrijving} if beschrijving else {}),
    }
