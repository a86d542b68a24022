"""Bring one zaak at the region to what the case is: every create preceded by a lookup.

None of the Zaken API's creates is idempotent. A part the region confirmed (its answer arrived)
is kept in the vault (`zaak_parts`) and not looked up again; every other part is looked up first
and created only when the region does not hold it, so a lost answer, a kill of the server or a
retry never makes a second zaak, status, resultaat, rol or link. PATCH and DELETE are idempotent.
A zaak this run created (its answer arrived) holds nothing yet: its parts need no lookup; a run
that stops half-way looks everything up again on the next try.

A run that changes anything first sets the zaak's `CHANGED_BRON` kenmerk to today (before the
eindstatus: a closed zaak cannot be changed), so the region's refresh finds it by that day.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import httpx

from tafelapp.domain.labels import dutch_time
from tafelapp.domain.zaak import (
    CASE_LEAD_ROLE,
    CHANGED_BRON,
    DEFAULT_RESULT_NAMES,
    DEFAULT_ROLE_NAMES,
    DEFAULT_STATUS_NAMES,
    STEP_NL,
    Step,
    ZaakPlan,
    names,
    status_moment,
)
from tafelapp.settings import RegionSettings
from tafelapp.sync.outbox import (
    CLOCK_CODES,
    RETRY_STATUSES,
    Outcome,
    server_reason,
    token_refused,
)
from tafelapp.sync.zaken_client import ZakenClient
from tafelapp.sync.zgw_client import Reply

_RIGHTS = {"zaken": "zaken.aanmaken", "statussen": "zaken.statussen.toevoegen",
           "resultaten": "zaken.bijwerken", "rollen": "zaken.bijwerken",
           "zaakinformatieobjecten": "zaken.bijwerken", "PATCH": "zaken.bijwerken",
           "GET": "zaken.lezen", "types": "catalogi.lezen"}
UNCONFIRMED_ZAAK = ("Afgeleverd, niet bevestigd: de Zaken API heeft al een zaak met identificatie "
                    "{0}, maar deze client kan hem niet lezen (geen zaken.lezen op dit zaaktype, "
                    "of de zaak is vertrouwelijker dan deze client mag zien). Vraag de regio om "
                    "zaken.lezen op het zaaktype toe te kennen; 'Opnieuw proberen' bevestigt het "
                    "daarna.")


class Stop(Exception):
    """Publishing ends here with this outcome (what was confirmed so far is kept)."""

    def __init__(self, outcome: Outcome) -> None:
        super().__init__(outcome.message)
        self.outcome = outcome


def check(reply: Reply, what: str, right: str, expected: tuple[int, ...] = (200, 201)) -> Reply:
    """The answer, or Stop with what it means in Dutch (retry on 5xx and lost pages)."""
    if reply.status in expected:
        if reply.status != 204 and not isinstance(reply.body, (dict, list)):
            raise Stop(Outcome("retry", reply.status, message=(
                f"onvolledig antwoord van de Zaken API bij {what}; wordt opnieuw geprobeerd")))
        return reply
    if reply.status in (401, 403) and reply.code in CLOCK_CODES:
        raise Stop(Outcome("clock", reply.status, message=(
            "De Zaken API weigert het toegangsbewijs vanwege de tijd: de klok van deze laptop "
            f"lijkt verkeerd te staan. Zet de klok goed. — Server: {server_reason(reply)}")))
    if token_refused(reply):
        raise Stop(Outcome("rejected", reply.status, message=(
            "De Zaken API accepteert het toegangsbewijs niet: controleer client-id en secret bij "
            f"de regio. — Server: {server_reason(reply)}")))
    if reply.status in (401, 403):
        raise Stop(Outcome("rejected", reply.status, message=(
            f"De Zaken API staat deze client {what} niet toe: de regio moet '{right}' toekennen "
            f"voor dit zaaktype. — Server: {server_reason(reply)}")))
    if reply.status >= 500 or reply.status in RETRY_STATUSES:
        raise Stop(Outcome("retry", reply.status, message=(
            f"de Zaken API gaf een fout bij {what} (HTTP {reply.status}); wordt opnieuw "
            "geprobeerd")))
    raise Stop(Outcome("rejected", reply.status, message=(
        f"De Zaken API weigert {what} (HTTP {reply.status}); opnieuw proberen helpt pas na een "
        f"correctie. — Server: {server_reason(reply)}")))


def results(reply: Reply) -> list[dict[str, Any]]:
    """The items of a list answer (paged `{results: […]}` or a plain list)."""
    body = reply.body
    items = body.get("results") if isinstance(body, dict) else body
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise Stop(Outcome("retry", reply.status, message="onvolledige lijst van de Zaken API; "
                                                          "wordt opnieuw geprobeerd"))
    return items


class Publisher:
    """One run of bringing one zaak up to date; `confirmed` grows as the region answers."""

    def __init__(self, plan: ZaakPlan, settings: RegionSettings, client: ZakenClient,
                 confirmed: dict[str, str], changed_on: dt.date | None = None) -> None:
        self.plan = plan
        self.changed_on = changed_on or dutch_time(dt.datetime.now(dt.UTC)).date()
        self.touched = False  # CHANGED_BRON set to today in this run
        self.settings = settings
        self.client = client
        self.confirmed = dict(confirmed)
        self.dropped: list[str] = []
        self.fresh = False  # the zaak was created in this run: it holds nothing else yet
        mine = dict(plan.kenmerken).get("tafelapp:casus") or ""
        # the identificatie when the case number is taken in the region (at most 40 characters)
        self.own_number = f"{plan.identificatie[:31]}-{mine[:8]}" if mine else ""
        zaaktype = settings.zaaktypen.get(plan.zaaktype_kind.value, "")
        if not zaaktype:
            raise Stop(Outcome("rejected", None, message=(
                f"Er is geen zaaktype ingesteld voor de {plan.zaaktype_kind.value}: tafelapp "
                f"region set --zaaktype {plan.zaaktype_kind.value}=<URL van het zaaktype>.")))
        self.zaaktype = zaaktype

    # -- catalogus ---------------------------------------------------------------------------
    def _type_url(self, resource: str, code: str, table: dict[str, str]) -> str:
        reply = check(self.client.types_of(self.zaaktype, resource), f"het lezen van de "
                      f"{resource} van het zaaktype", _RIGHTS["types"])
        wanted = table.get(code, code)
        found = {str(t.get("omschrijving")): str(t.get("url")) for t in results(reply)}
        if wanted not in found:
            raise Stop(Outcome("rejected", None, message=(
                f"Het zaaktype kent geen {resource[:-1]} '{wanted}' (nodig voor "
                f"'{STEP_NL.get(Step(code), code) if code in Step.__members__ else code}'); het "
                f"kent: {', '.join(sorted(found)) or 'geen'}. Laat de regio het toevoegen, of "
                "stel de vertaling in het regiobestand in.")))
        return found[wanted]

    def _status_type(self, step: Step) -> str:
        return self._type_url("statustypen", step.value,
                              names(DEFAULT_STATUS_NAMES, self.settings.status_names))

    # -- the zaak ----------------------------------------------------------------------------
    def _taken(self, zaak: dict[str, Any], number: str) -> str | None:
        """Why the zaak found under `number` is not this case's (None: it is this case's)."""
        table = dict(self.plan.kenmerken).get("tafelapp:tafel")
        theirs = {k.get("bron"): k.get("kenmerk") for k in zaak.get("kenmerken") or []
                  if isinstance(k, dict)}
        # a zaak of another table, or one Tafelapp did not make (every create carries the table)
        if zaak.get("zaaktype") != self.zaaktype or theirs.get("tafelapp:tafel") != table:
            return (f"Bij de regio bestaat al een zaak met identificatie {number} van een ander "
                    "zaaktype, van een andere tafel of niet door Tafelapp gemaakt")
        mine = dict(self.plan.kenmerken).get("tafelapp:casus")
        if mine and theirs.get("tafelapp:casus") not in (None, mine):
            # the same number given to two cases on two laptops: never the other family's zaak
            return (f"Bij de regio bestaat al een zaak met identificatie {number} voor een "
                    "andere casus van deze tafel")
        return None

    def _at(self, number: str) -> tuple[str | None, str | None]:
        """This case's zaak under identificatie `number`, found or created: (its URL, None), or
        (None, why) when another zaak holds the number."""
        found = results(check(self.client.find_zaak(number), "het zoeken van de zaak",
                              _RIGHTS["GET"]))
        if not found:
            reply = self.client.create(self._zaak_body(number))
            if not (reply.status == 400 and "identificatie" in reply.text):
                body = check(reply, "het aanmaken van de zaak", _RIGHTS["zaken"]).body
                self.confirmed["fields"] = self.plan.fields_digest
                self.fresh = self.touched = True
                return str(body["url"]), None
            found = results(check(self.client.find_zaak(number), "het zoeken van de zaak",
                                  _RIGHTS["GET"]))
            if not found:  # it exists, but this client cannot see it
                raise Stop(Outcome("unconfirmed", reply.status,
                                   message=UNCONFIRMED_ZAAK.format(number)))
        why = self._taken(found[0], number)
        return (None, why) if why else (str(found[0]["url"]), None)

    def zaak(self) -> str:
        """The zaak's URL: confirmed earlier, found, or created now. A case number another
        laptop (or another table) also gave out holds the other case's zaak: this case's zaak
        then has the number with its own id's first characters (`own_number`), the same on
        every laptop that holds the case, so a retry or a second laptop finds it again."""
        if "zaak" in self.confirmed:
            return self.confirmed["zaak"]
        url, why = self._at(self.plan.identificatie)
        if url is None and self.own_number:
            url, _why = self._at(self.own_number)
            if url is not None:  # kept with the parts: every later run still says so
                self.confirmed[f"nummer:{self.own_number}"] = url
        if url is None:
            raise Stop(Outcome("rejected", None, message=(
                f"{why}: het casusnummer is in de regio al in gebruik"
                + (f", en {self.own_number} ook" if self.own_number else "")
                + ". Er is niets overschreven en niets aan die zaak gekoppeld. Vraag de regio "
                  "welke zaak dit is.")))
        self.confirmed["zaak"] = url
        return url

    def _fields(self) -> dict[str, Any]:
        marks = [*self.plan.kenmerken, (CHANGED_BRON, self.changed_on.isoformat())]
        return {"kenmerken": [{"bron": b, "kenmerk": k} for b, k in marks],
                "uiterlijkeEinddatumAfdoening": self.plan.deadline.isoformat()
                if self.plan.deadline else None, **dict(self.plan.archive)}

    def _zaak_body(self, number: str) -> dict[str, Any]:
        return {"identificatie": number, "bronorganisatie": self.settings.rsin,
                "verantwoordelijkeOrganisatie": self.settings.rsin, "zaaktype": self.zaaktype,
                "vertrouwelijkheidaanduiding": self.settings.confidentiality,
                "startdatum": self.plan.startdatum.isoformat(), **self._fields()}

    def fields(self, zaak: str) -> None:
        """Kenmerken and the next legal term, sent again only when they changed (PATCH)."""
        if self.confirmed.get("fields") != self.plan.fields_digest:
            self.touch(zaak)

    def touch(self, zaak: str) -> None:
        """Before the run's first change of the zaak: its fields with today as CHANGED_BRON
        (once a run; a zaak this run created carries it already)."""
        if self.touched:
            return
        check(self.client.patch(zaak, self._fields()), "het bijwerken van de zaak",
              _RIGHTS["PATCH"])
        self.confirmed["fields"] = self.plan.fields_digest
        self.touched = True

    # -- sub-resources -----------------------------------------------------------------------
    def statuses(self, zaak: str, final: bool) -> None:
        """Each step of the course once, in order; the eindstatus only when `final`."""
        steps = [(i, s, on) for i, (s, on) in enumerate(self.plan.steps, 1)
                 if (s is Step.CLOSED) == final and f"status:{s.value}" not in self.confirmed]
        if not steps:
            return
        held = {} if self.fresh else {
            str(s.get("statustype")): str(s.get("url")) for s in results(check(
                self.client.list_of("statussen", zaak=zaak), "het lezen van de statussen",
                _RIGHTS["GET"]))}
        for index, step, on in steps:
            type_url = self._status_type(step)
            if type_url not in held:
                self.touch(zaak)
                body = {"zaak": zaak, "statustype": type_url,
                        "datumStatusGezet": status_moment(on, index)}
                held[type_url] = str(check(self.client.create(body, "statussen"),
                                           f"het zetten van de status '{STEP_NL[step]}'",
                                           _RIGHTS["statussen"]).body["url"])
            self.confirmed[f"status:{step.value}"] = held[type_url]

    def result(self, zaak: str) -> None:
        """The JBT decision as the zaak's one resultaat (replaced when a later decision differs)."""
        result = self.plan.result
        key = f"resultaat:{result}"
        if result is None or key in self.confirmed:
            return
        type_url = self._type_url("resultaattypen", result,
                                  names(DEFAULT_RESULT_NAMES, self.settings.result_names))
        held = [] if self.fresh else results(check(
            self.client.list_of("resultaten", zaak=zaak), "het lezen van het resultaat",
            _RIGHTS["GET"]))
        if held and held[0].get("resultaattype") == type_url:
            url = str(held[0]["url"])
        else:  # a resultaattype cannot be changed: a later decision replaces the resultaat
            self.touch(zaak)
            for earlier in held:
                check(self.client.delete(str(earlier["url"])), "het vervangen van het "
                      "resultaat", _RIGHTS["resultaten"], expected=(204, 404))
            url = str(check(self.client.create({"zaak": zaak, "resultaattype": type_url},
                                               "resultaten"), "het vastleggen van het besluit",
                            _RIGHTS["resultaten"]).body["url"])
        self.dropped += [p for p in self.confirmed if p.startswith("resultaat:") and p != key]
        self.confirmed = {p: u for p, u in self.confirmed.items() if p not in self.dropped}
        self.confirmed[key] = url

    def lead(self, zaak: str) -> None:
        """Casusregie as one rol with the casusregisseur's pseudonym (an earlier one removed)."""
        wanted = self.plan.lead_pseudonym
        have = [p for p in self.confirmed if p.startswith("rol:")]
        if (wanted is None and not have) or have == [f"rol:{wanted}"]:
            return
        type_url = self._type_url("roltypen", CASE_LEAD_ROLE,
                                  names(DEFAULT_ROLE_NAMES, self.settings.role_names))
        held = [] if self.fresh else results(check(
            self.client.list_of("rollen", zaak=zaak, roltype=type_url),
            "het lezen van de rollen", _RIGHTS["GET"]))
        url = None
        for rol in held:
            anp = (rol.get("betrokkeneIdentificatie") or {}).get("anpIdentificatie")
            if anp == wanted and url is None:
                url = str(rol["url"])
            else:  # an earlier casusregisseur (or a second copy): no longer the lead
                self.touch(zaak)
                check(self.client.delete(str(rol["url"])), "het verwijderen van een vorige "
                      "casusregisseur", _RIGHTS["rollen"], expected=(204, 404))
        self.dropped += have
        self.confirmed = {p: u for p, u in self.confirmed.items() if not p.startswith("rol:")}
        if wanted is None:
            return
        if url is None:
            self.touch(zaak)
            body = {"zaak": zaak, "betrokkeneType": "natuurlijk_persoon", "roltype": type_url,
                    "roltoelichting": "casusregie",
                    "betrokkeneIdentificatie": {"anpIdentificatie": wanted}}
            url = str(check(self.client.create(body, "rollen"), "het vastleggen van de "
                            "casusregie", _RIGHTS["rollen"]).body["url"])
        self.confirmed[f"rol:{wanted}"] = url

    def documents(self, zaak: str) -> None:
        """Every delivered notulen linked to the zaak once (zaakinformatieobject)."""
        missing = [(m, u) for m, u in self.plan.documents if f"zio:{m}" not in self.confirmed]
        if not missing:
            return
        held = {} if self.fresh else {
            str(z.get("informatieobject")): str(z.get("url")) for z in results(check(
                self.client.list_of("zaakinformatieobjecten", zaak=zaak),
                "het lezen van de gekoppelde documenten", _RIGHTS["GET"]))}
        for minutes_id, document in missing:
            if document not in held:
                self.touch(zaak)
                held[document] = str(check(self.client.create(
                    {"zaak": zaak, "informatieobject": document}, "zaakinformatieobjecten"),
                    "het koppelen van de notulen", _RIGHTS["zaakinformatieobjecten"]).body["url"])
            self.confirmed[f"zio:{minutes_id}"] = held[document]

    def run(self) -> Outcome:
        """Everything in order: zaak, fields, statuses, resultaat, rol, notulen, eindstatus."""
        zaak = self.zaak()
        if "status:CLOSED" in self.confirmed:
            return Outcome("delivered", 200, url=zaak, message="zaak is afgesloten")
        self.fields(zaak)
        self.statuses(zaak, final=False)
        self.result(zaak)
        self.lead(zaak)
        self.documents(zaak)
        self.statuses(zaak, final=True)
        return Outcome("delivered", 200, url=zaak, message=(
            f"in de regio als zaak {self.own_number}: het casusnummer "
            f"{self.plan.identificatie} was daar al in gebruik voor een andere casus"
            if f"nummer:{self.own_number}" in self.confirmed else None))


def publish(plan: ZaakPlan, settings: RegionSettings, client: ZakenClient,
            confirmed: dict[str, str], changed_on: dt.date | None = None
            ) -> tuple[Outcome, dict[str, str], list[str]]:
    """Publish one case; returns the outcome, every part the region holds now, and the parts
    that no longer hold (kept even when publishing stopped half-way). `changed_on`: the day the
    zaak is marked as changed (default: today in the Netherlands)."""
    publisher: Publisher | None = None
    try:
        publisher = Publisher(plan, settings, client, confirmed, changed_on)
        outcome = publisher.run()
    except Stop as stop:
        outcome = stop.outcome
    except httpx.TimeoutException:
        outcome = Outcome("retry", None, message="time-out: geen antwoord op tijd van de Zaken API")
    except httpx.TransportError as exc:
        outcome = Outcome("retry", None, message=f"netwerkfout bij de Zaken API: "
                                                 f"{type(exc).__name__}")
    if publisher is None:
        return outcome, dict(confirmed), []
    return outcome, publisher.confirmed, publisher.dropped
