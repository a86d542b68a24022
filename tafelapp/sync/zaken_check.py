"""`tafelapp region test` for the Zaken API: the zaaktype published with what we need, and each
right proven where it can be without storing anything — and said so where it cannot."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx

from tafelapp.domain.enums import DecisionKind, TableKind
from tafelapp.domain.zaak import (
    CASE_LEAD_ROLE,
    CLOSED_WITHOUT_DECISION,
    DEFAULT_RESULT_NAMES,
    DEFAULT_ROLE_NAMES,
    DEFAULT_STATUS_NAMES,
    Step,
    names,
)
from tafelapp.settings import RegionSettings
from tafelapp.sync.outbox import auth_help, token_refused
from tafelapp.sync.zaken_client import ZakenClient
from tafelapp.sync.zgw_client import Reply

NEEDED_STEPS = {TableKind.JBT: [Step.REGISTERED, Step.DISCUSSED, Step.DECIDED,
                                Step.INVESTIGATION, Step.CLOSED],
                TableKind.ZVT: [Step.REGISTERED, Step.DISCUSSED, Step.PLAN, Step.CLOSED]}
NEEDED_RESULTS = {TableKind.JBT: [d.value for d in DecisionKind],
                  TableKind.ZVT: [CLOSED_WITHOUT_DECISION]}


@dataclass(frozen=True)
class ZakenStep:
    """One check: its name, the verdict, what to do; `proven` False: could not be shown."""

    name: str
    ok: bool
    message: str
    proven: bool = True


def _omschrijvingen(reply: Reply) -> set[str]:
    body = reply.body if isinstance(reply.body, dict) else {}
    return {str(t.get("omschrijving")) for t in body.get("results") or [] if isinstance(t, dict)}


def _zaaktype_steps(settings: RegionSettings, client: ZakenClient, kind: TableKind,
                    url: str) -> list[ZakenStep]:
    reply = client.get(url)
    label = f"Zaaktype {kind.value}"
    if reply.status == 403:
        return [ZakenStep(f"{label} (catalogi.lezen)", False, "de regio heeft deze client geen "
                          "catalogi.lezen gegeven; zonder dat recht vindt Tafelapp de statustypen "
                          f"niet. Vraag de regio catalogi.lezen toe te kennen. — {auth_help(reply)}")]
    if reply.status != 200 or not isinstance(reply.body, dict):
        return [ZakenStep(label, False, f"{url} is geen zaaktype dat de Catalogi API kent (HTTP "
                          f"{reply.status}); controleer het adres bij de regio")]
    if reply.body.get("concept"):
        return [ZakenStep(label, False, "bestaat, maar is nog niet gepubliceerd (concept): vraag "
                          "de regio het zaaktype te publiceren")]
    steps = [ZakenStep(f"{label} (catalogi.lezen)", True,
                       f"{reply.body.get('identificatie', '')} is gepubliceerd")]
    for resource, wanted, what in (
            ("statustypen", [names(DEFAULT_STATUS_NAMES, settings.status_names)[s.value]
                             for s in NEEDED_STEPS[kind]], "statustypen"),
            ("roltypen", [names(DEFAULT_ROLE_NAMES, settings.role_names)[CASE_LEAD_ROLE]],
             "roltype voor de casusregie"),
            ("resultaattypen", [names(DEFAULT_RESULT_NAMES, settings.result_names)[r]
                                for r in NEEDED_RESULTS[kind]], "resultaattypen")):
        held = _omschrijvingen(client.types_of(url, resource))
        missing = [w for w in wanted if w not in held]
        steps.append(ZakenStep(f"{label}: {what}", not missing, "alle aanwezig" if not missing
                               else f"ontbreekt: {', '.join(missing)} (het zaaktype kent: "
                               f"{', '.join(sorted(held)) or 'geen'}). Laat de regio ze toevoegen "
                               "of stel de vertaling in (tafelapp region set --statustype "
                               "STAP=omschrijving)"))
    return steps


def _right(name: str, reply: Reply, allowed: tuple[int, ...], what: str) -> ZakenStep:
    if reply.status in allowed:
        return ZakenStep(name, True, "toegestaan")
    if reply.status in (401, 403):
        return ZakenStep(name, False, f"De regio heeft deze client geen recht gegeven om {what}. "
                         f"Vraag de regio '{name.split('(')[-1].rstrip(')')}' toe te kennen op "
                         f"het zaaktype. — Server: {reply.text[:200]}")
    return ZakenStep(name, False, f"onverwacht antwoord HTTP {reply.status}: {reply.text[:200]}")


def _rights(settings: RegionSettings, client: ZakenClient, zaaktype: str,
            known_zaak: str | None) -> list[ZakenStep]:
    steps = []
    probe = client.request("GET", "/zaken", params={"zaaktype": zaaktype,
                                                    "identificatie": "tafelapp-regiotest"})
    if known_zaak:
        steps.append(_right("Zaken lezen (zaken.lezen)", client.get(known_zaak), (200,),
                            "zaken te lezen"))
    elif probe.status == 200:
        steps.append(ZakenStep("Zaken lezen (zaken.lezen)", True, "zoeken toegestaan; of het "
                               "voor dit zaaktype geldt, blijkt pas bij de eerste zaak (zonder "
                               "leesrecht wordt een zaak 'afgeleverd, niet bevestigd')",
                               proven=False))
    else:
        steps.append(_right("Zaken lezen (zaken.lezen)", probe, (200,), "zaken te lezen"))
    body: dict[str, Any] = {"zaaktype": zaaktype, "bronorganisatie": settings.rsin,
                            "verantwoordelijkeOrganisatie": settings.rsin}  # no startdatum
    steps.append(_right("Zaken aanmaken (zaken.aanmaken)", client.create(body), (400,),
                        "zaken aan te maken"))
    if known_zaak:
        steps.append(_right("Statussen zetten (zaken.statussen.toevoegen)", client.create(
            {"zaak": known_zaak}, "statussen"), (400,), "statussen te zetten"))
        steps.append(_right("Zaken bijwerken (zaken.bijwerken)", client.patch(known_zaak, {}),
                            (200,), "zaken bij te werken"))
    else:
        for name in ("Statussen zetten (zaken.statussen.toevoegen)",
                     "Zaken bijwerken (zaken.bijwerken)"):
            steps.append(ZakenStep(name, True, "niet aangetoond: dit recht is alleen te "
                                   "bewijzen met een bestaande zaak; na de eerste gepubliceerde "
                                   "zaak toont 'tafelapp region test' het aan", proven=False))
    return steps


def check_zaken(settings: RegionSettings, actor: str, known: dict[str, str] | None = None,
                client: ZakenClient | None = None) -> list[ZakenStep]:
    """Each zaaktype (published, statustypen, roltype, resultaattypen) and each Zaken right;
    an open zaak Tafelapp published (per table kind, `known`) lets the rights that need a zaak
    be proven."""
    if not settings.zaken_url:
        return [ZakenStep("Zaken API", True, "niet ingesteld: zaken worden niet gepubliceerd "
                          "(tafelapp region set --zaken-url … --zaaktype JBT=…)")]
    if not settings.pseudonym_secret:
        return [ZakenStep("Pseudoniemgeheim", False, "niet ingesteld: zonder geheim kan "
                          "Tafelapp geen pseudoniemen maken; tafelapp region set "
                          "--ask-pseudonym-secret (hetzelfde geheim op elke laptop van de regio)")]
    own = client is None
    client = client or ZakenClient(settings, actor)
    try:
        probe = client.request("GET", "/zaken", params={"identificatie": "tafelapp-regiotest"})
        if token_refused(probe):
            return [ZakenStep("Zaken API: toegangsbewijs", False, auth_help(probe))]
        if probe.status == 404 or not isinstance(probe.body, dict):
            return [ZakenStep("Adres van de Zaken API", False, f"{settings.zaken_url} antwoordt "
                              f"niet als een Zaken API (HTTP {probe.status}); geef …/zaken of "
                              "…/zaken/api/v1")]
        steps = [ZakenStep("Adres van de Zaken API", True, settings.zaken_url)]
        for kind_text, url in sorted(settings.zaaktypen.items()):
            kind = TableKind(kind_text)
            found = _zaaktype_steps(settings, client, kind, url)
            steps += found
            if all(s.ok for s in found):
                steps += [ZakenStep(f"{kind.value}: {s.name}", s.ok, s.message, s.proven)
                          for s in _rights(settings, client, url, (known or {}).get(kind.value))]
        return steps
    except httpx.TransportError as exc:
        return [ZakenStep("Verbinding met de Zaken API", False, f"niet bereikbaar "
                          f"({type(exc).__name__}); controleer het adres en het netwerk")]
    finally:
        if own:
            client.close()
