"""`tafelapp region test`: one real round trip that says in Dutch what is wrong with a region."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

import httpx

from tafelapp.domain.rules.region_server import url_problem
from tafelapp.settings import RegionSettings
from tafelapp.sync.outbox import auth_help, cannot_read, certificate_refused, token_refused
from tafelapp.sync.payload import document_body
from tafelapp.sync.spec import API_ROOT
from tafelapp.sync.zgw_client import Reply, ZgwClient

PROBE_PREFIX = "tafelapp-regiotest-"


@dataclass(frozen=True)
class Step:
    """One thing checked: its name as the administrator knows it, the verdict, what to do."""

    name: str
    ok: bool
    message: str
    proven: bool = True  # False: allowed as far as could be shown, not proven


def _params(reply: Reply) -> dict[str, str]:
    body = reply.body if isinstance(reply.body, dict) else {}
    return {str(p.get("name")): f"{p.get('reason')} ({p.get('code')})"
            for p in body.get("invalidParams", []) if isinstance(p, dict)}


def _read_steps(settings: RegionSettings, reply: Reply, known: Reply | None) -> list[Step]:
    """The lookup answer: address, token and the read right."""
    address = settings.base_url.rstrip("/") + API_ROOT
    if reply.status == 404 or not isinstance(reply.body, dict):
        return [Step("Adres van de Documenten API", False,
                     f"{address} antwoordt niet als een Documenten API (HTTP {reply.status}). "
                     "Geef het adres van de dienst (…/documenten) of de API-root "
                     "(…/documenten/api/v1).")]
    steps = [Step("Adres van de Documenten API", True, address)]
    if token_refused(reply):
        return [*steps, Step("Toegangsbewijs (client-id en secret)", False, auth_help(reply))]
    steps.append(Step("Toegangsbewijs (client-id en secret)", True, "geaccepteerd"))
    if cannot_read(reply):
        steps.append(Step("Recht om te lezen (documenten.lezen)", False,
                          "De regio heeft deze client geen leesrecht gegeven. Zonder leesrecht "
                          "kan een upload waarvan het antwoord verloren ging niet worden "
                          f"bevestigd. — Server: {auth_help(reply)}"))
    elif reply.status == 200 and known is not None:
        if known.status == 200:
            steps.append(Step("Recht om te lezen (documenten.lezen)", True,
                              "een afgeleverd document is terug te lezen"))
        else:
            steps.append(Step("Recht om te lezen (documenten.lezen)", False,
                              "zoeken mag, maar een afgeleverd document is niet terug te lezen "
                              f"(HTTP {known.status}): documenten.lezen geldt niet voor dit "
                              "informatieobjecttype. Een upload waarvan het antwoord verloren "
                              "ging, blijft dan 'afgeleverd, niet bevestigd'. Vraag de regio "
                              "documenten.lezen op dit informatieobjecttype toe te kennen."))
    elif reply.status == 200:
        steps.append(Step("Recht om te lezen (documenten.lezen)", True,
                          "zoeken toegestaan; of documenten.lezen voor dit informatieobjecttype "
                          "geldt, is pas aan te tonen met een afgeleverd document (zonder dat "
                          "recht vindt zoeken niets)", proven=False))
    else:
        steps.append(Step("Recht om te lezen (documenten.lezen)", False,
                          f"onverwacht antwoord HTTP {reply.status}: {reply.text[:200]}"))
    return steps


def _create_steps(reply: Reply) -> list[Step]:
    """The answer to a document that cannot be stored (no titel): rights and the type."""
    if reply.status in (401, 403):
        return [Step("Recht om te maken (documenten.aanmaken)", False,
                     "De regio heeft deze client geen recht gegeven om documenten van dit "
                     f"informatieobjecttype te maken. — Server: {auth_help(reply)}")]
    if reply.status == 201:
        return [Step("Recht om te maken (documenten.aanmaken)", True,
                     "let op: de server nam een document zonder titel aan (identificatie "
                     f"{PROBE_PREFIX}…); vraag de regio het te verwijderen")]
    if reply.status != 400:
        return [Step("Recht om te maken (documenten.aanmaken)", False,
                     f"onverwacht antwoord HTTP {reply.status}: {reply.text[:200]}")]
    steps = [Step("Recht om te maken (documenten.aanmaken)", True, "toegestaan")]
    params = _params(reply)
    problem = next((reason for name, reason in params.items() if "informatieobjecttype" in name),
                   None)
    if problem is None:
        steps.append(Step("Informatieobjecttype", True, "bestaat en is gepubliceerd"))
    elif "not-published" in problem or "concept" in problem:
        steps.append(Step("Informatieobjecttype", False, "bestaat, maar is nog niet gepubliceerd "
                          f"(concept): vraag de regio het te publiceren. — Server: {problem}"))
    else:
        steps.append(Step("Informatieobjecttype", False, "wordt door de server niet herkend: "
                          f"controleer het adres bij de regio. — Server: {problem}"))
    other = {n: r for n, r in params.items() if n not in ("titel", "informatieobjecttype")}
    if other:
        steps.append(Step("Overige velden", False, "; ".join(f"{n}: {r}" for n, r in
                                                              other.items())))
    return steps


UPDATE_STEP = "Recht om een nieuwe versie te maken (documenten.bijwerken, documenten.lock)"
UPDATE_FIX = ("Vraag de regio om documenten.bijwerken en documenten.lock toe te kennen voor dit "
              "informatieobjecttype (in Open Zaak: Applicatie → Autorisaties → component "
              "Documenten); zonder die rechten houdt de regio na een vernieuwing van de "
              "archieftijdstempel de vorige archiefversie.")


def _update_step(client: ZgwClient, known: str | None) -> Step:
    """The rights a renewed archive version needs: PATCH without a lock and unlock with a wrong
    one change nothing, but a missing right is answered 403 before either is looked at."""
    if known is None:
        return Step(UPDATE_STEP, True, "pas aan te tonen met een afgeleverd document",
                    proven=False)
    missing = []
    if client.update(known, {}).status in (401, 403):
        missing.append("documenten.bijwerken")
    if client.unlock(known, "tafelapp-regiotest").status in (401, 403):
        missing.append("documenten.lock")
    if not missing:
        return Step(UPDATE_STEP, True, "toegestaan (een vernieuwde archiefversie kan als nieuwe "
                                       "versie van hetzelfde document naar de regio)")
    return Step(UPDATE_STEP, False, f"ontbreekt: {' en '.join(missing)}. {UPDATE_FIX}")


def _probe_id() -> str:
    """An identificatie no real document has (at most 40 characters, as the API allows)."""
    return f"{PROBE_PREFIX}{uuid.uuid4().hex[:16]}"


def probe_body(settings: RegionSettings) -> dict[str, Any]:
    """A document the server can never store (no titel) but whose type and rights it checks."""
    body = document_body(settings, _probe_id(), "x", "Tafelapp regiotest", dt.date.today(),
                         b"%PDF-1.7\n", "regiotest.pdf", dt.date.today(), False)
    del body["titel"]
    return body


def check_region(settings: RegionSettings, actor: str,
                transport: httpx.BaseTransport | None = None,
                known_document: str | None = None) -> list[Step]:
    """Token accepted, read right, create right, informatieobjecttype published, the right to make
    a new versie — in that order; stops at the first step that makes the rest meaningless.
    Stores nothing."""
    if not settings.configured:
        return [Step("Instellingen", False, "de regio is nog niet ingesteld: tafelapp region set …")]
    refused = url_problem(settings.base_url, "base_url")
    if refused is not None:
        return [Step("Adres van de Documenten API", False, refused.message)]
    client = ZgwClient(settings, actor, transport=transport)
    try:
        known = client.request("GET", known_document) if known_document else None
        steps = _read_steps(settings, client.find(_probe_id()), known)
        if not all(step.ok for step in steps[:2]) or len(steps) < 2:
            return steps
        steps += _create_steps(client.create(probe_body(settings)))
        return [*steps, _update_step(client, known_document if known and known.status == 200
                                     else None)]
    except httpx.TransportError as exc:
        if certificate_refused(exc):
            return [Step("Verbinding", False, "Certificaatprobleem: het certificaat van de "
                         "server wordt niet vertrouwd; stel de CA-bundel van de regio in "
                         "(tafelapp region set --ca-bundle).")]
        return [Step("Verbinding", False, f"de server is niet bereikbaar ({type(exc).__name__}); "
                     "controleer het adres en het netwerk")]
    finally:
        client.close()


def region_ready(steps: list[Step]) -> bool:
    """Every step ran and passed, up to and including the informatieobjecttype."""
    return all(step.ok for step in steps) and any(s.name == "Informatieobjecttype" for s in steps)
