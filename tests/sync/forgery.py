"""Doctored ondertekenpakketten as an attacker makes them from a real one, and a content hash of a
vault to prove a refusal changed nothing (shared by the service, CLI and screen tests)."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from tafelapp.domain.types import new_id
from tafelapp.services.session import Session
from tafelapp.signing import identities, pades

NOW = dt.datetime.now(dt.UTC).replace(microsecond=0)


def vault_digest(session: Session) -> str:
    """SHA-256 over every row of every table of the vault (order-independent per table)."""
    h = hashlib.sha256()
    tables = [r[0] for r in session.conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").fetchall()]
    for table in tables:
        rows = sorted(repr(tuple(r)) for r in session.conn.execute(f'SELECT * FROM "{table}"'))
        h.update(table.encode() + b"\0" + "\n".join(rows).encode() + b"\0")
    return h.hexdigest()


@dataclass(frozen=True)
class Keys:
    """Certificates and keys the forger holds (the secretary's: a real signer, for variants
    where a genuine signature sits in the wrong place)."""

    chair: tuple[bytes, bytes]
    secretary: tuple[bytes, bytes]
    chair_name: str
    secretary_name: str


def claim(role: str, name: str, cert_der: bytes) -> dict[str, Any]:
    """A signature as the package's JSON states it."""
    info = identities.certificate_info(cert_der)
    return {"role": role, "signer_name": name, "identity_id": new_id(),
            "signed_at": NOW.isoformat(), "certificate_subject": info.subject,
            "certificate_fingerprint": info.fingerprint, "local_identity": info.local,
            "certificate_name": info.common_name, "timestamped": False}


def _self_made(name: str) -> tuple[bytes, bytes]:
    made = identities.create_local(name, "000000", NOW)
    return made.certificate_der, identities.unlock_key(made.encrypted_key_der, "000000")


def _sign(pdf: bytes, key: tuple[bytes, bytes], field: str, name: str) -> bytes:
    return pades.sign(pdf, key[0], key[1], field, name, "vastgesteld", "Duinstede", field)


def _records(data: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    item = data.get("exchange", data)["minutes"][0]
    return item, item["minutes"]


def _with_pdf(data: dict[str, Any], pdf: bytes, signature: dict[str, Any]) -> None:
    item, minutes = _records(data)
    item["pdf_base64"] = base64.b64encode(pdf).decode()
    minutes["document_sha256"] = hashlib.sha256(pdf).hexdigest()
    minutes["signatures"].append(signature)
    minutes["status"] = "FINAL"
    minutes["finalised_at"] = NOW.isoformat()


def _pdf(data: dict[str, Any]) -> bytes:
    return base64.b64decode(_records(data)[0]["pdf_base64"])


def mallory(data: dict[str, Any], keys: Keys) -> None:
    """(a) A second signature with a self-made certificate 'Mallory Aanvaller'; the JSON says
    the secretary signed."""
    forged = _self_made("Mallory Aanvaller")
    _with_pdf(data, _sign(_pdf(data), forged, "Secretaris", keys.secretary_name),
              claim("SECRETARY", keys.secretary_name, forged[0]))


def mallory_named(data: dict[str, Any], keys: Keys) -> None:
    """A self-made certificate carrying the secretary's exact name."""
    forged = _self_made(keys.secretary_name)
    _with_pdf(data, _sign(_pdf(data), forged, "Secretaris", keys.secretary_name),
              claim("SECRETARY", keys.secretary_name, forged[0]))


def status_typed(data: dict[str, Any], keys: Keys) -> None:
    """(b) Nothing but `"status": "FINAL"` and a `finalised_at` typed into the JSON."""
    _item, minutes = _records(data)
    minutes["status"] = "FINAL"
    minutes["finalised_at"] = NOW.isoformat()


def undeclared_field(data: dict[str, Any], keys: Keys) -> None:
    """The real secretary's key, but in a field the notulen never declared."""
    _with_pdf(data, _sign(_pdf(data), keys.secretary, "Getuige", keys.secretary_name),
              claim("SECRETARY", keys.secretary_name, keys.secretary[0]))


def chair_as_secretary(data: dict[str, Any], keys: Keys) -> None:
    """A signer swapped: the chair's own (known) certificate in the secretary's field."""
    _with_pdf(data, _sign(_pdf(data), keys.chair, "Secretaris", keys.secretary_name),
              claim("SECRETARY", keys.secretary_name, keys.chair[0]))


def name_swapped(data: dict[str, Any], keys: Keys) -> None:
    """A genuine second signature, but the JSON names someone else as its signer."""
    _with_pdf(data, _sign(_pdf(data), keys.secretary, "Secretaris", keys.secretary_name),
              claim("SECRETARY", "C. Iemand Anders", keys.secretary[0]))


def rectifies_unknown(data: dict[str, Any], keys: Keys) -> None:
    """The notulen say they correct notulen that exist nowhere."""
    _records(data)[1]["rectifies"] = new_id()


VARIANTS: dict[str, tuple[Callable[[dict[str, Any], Keys], None], Callable[[Keys], str]]] = {
    "mallory": (mallory, lambda k: f"de handtekening van de secretaris is gezet met een "
                                   f"certificaat dat niet bij {k.secretary_name} hoort"),
    "mallory_named": (mallory_named, lambda k: f"de handtekening van de secretaris is gezet met "
                                               f"een certificaat dat niet bij "
                                               f"{k.secretary_name} hoort"),
    "status_typed": (status_typed, lambda k: "het bestand noemt de notulen vastgesteld, maar de "
                                             "PDF bewijst in ondertekening (de handtekening van "
                                             "de secretaris ontbreekt)"),
    "undeclared_field": (undeclared_field, lambda k: "er staat een handtekening in een veld dat "
                                                     "de notulen niet vragen ('Getuige')"),
    "chair_as_secretary": (chair_as_secretary, lambda k: f"niet bij {k.secretary_name} hoort "
                                                         f"(het is van {k.chair_name})"),
    "name_swapped": (name_swapped, lambda k: "het bestand noemt C. Iemand Anders als "
                                             "ondertekenaar van de handtekening van de "
                                             "secretaris"),
    "rectifies_unknown": (rectifies_unknown, lambda k: "verwijst naar notulen die niet"),
}


def forge(package: bytes, variant: str, keys: Keys) -> tuple[bytes, str]:
    """The doctored package and the phrase its refusal must contain."""
    data = json.loads(package)
    make, expected = VARIANTS[variant]
    make(data, keys)
    return json.dumps(data).encode(), expected(keys)
