"""Regiobestand (`RegionFile`): a region's set-up as one file that travels to the next laptop.

It holds the tables, the organisations and the people (with the public certificate they sign
with) and the regional server's address, never a secret and never case data.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from tafelapp.domain.directory import Organisation, Person
from tafelapp.domain.models import Model, Table
from tafelapp.domain.problems import Problem, printable
from tafelapp.domain.retention import RetentionTerms
from tafelapp.domain.rules.region_server import settings_problems, zaken_problems
from tafelapp.domain.types import Name, ShortText

REGION_FORMAT = "tafelapp.region"
CLOCK_SKEW = dt.timedelta(days=1)
"""How far a file's date may lie ahead of this computer's clock (another laptop's clock)."""


class ServerSettings(Model):
    """The regional document store as the region publishes it (the client secret stays out)."""

    base_url: ShortText = ""
    client_id: ShortText = ""
    rsin: ShortText = ""
    informatieobjecttype: ShortText = ""
    confidentiality: ShortText = "vertrouwelijk"
    # the Zaken API (each case as a zaak); absent in files from before it
    zaken_url: ShortText = ""
    zaaktypen: dict[ShortText, ShortText] = Field(default_factory=dict, max_length=10)
    status_names: dict[ShortText, ShortText] = Field(default_factory=dict, max_length=20)
    role_names: dict[ShortText, ShortText] = Field(default_factory=dict, max_length=20)
    result_names: dict[ShortText, ShortText] = Field(default_factory=dict, max_length=20)


class RegionFile(Model):
    """Version 1 of the region file."""

    format: Literal["tafelapp.region"] = "tafelapp.region"
    version: Literal[1] = 1
    exported_at: dt.datetime
    region: Name
    tables: list[Table] = Field(default_factory=list, max_length=100)
    organisations: list[Organisation] = Field(default_factory=list, max_length=1000)
    people: list[Person] = Field(default_factory=list, max_length=5000)
    server: ServerSettings = Field(default_factory=ServerSettings)
    # bewaartermijnen: the laptop's local term and the region's archive terms (absent in older
    # files: then this laptop removes nothing by itself)
    retention: RetentionTerms = Field(default_factory=RetentionTerms)


COLLECTION_NL = {"tables": "Tafel", "organisations": "Organisatie", "people": "Persoon"}
REGION_FIELD_NL = {
    "name": "naam", "kind": "soort", "region": "regio", "municipality": "gemeente",
    "place": "vaste plek", "weekday": "vaste dag", "usual_start": "vaste begintijd",
    "default_chair_id": "vaste voorzitter", "default_secretary_id": "vaste secretaris",
    "signing_order": "volgorde van ondertekenen", "institutions": "gecertificeerde instellingen",
    "target_groups": "doelgroepen", "phone": "telefoon", "email": "e-mailadres",
    "complaints": "klachtenregeling", "function": "functie", "organisation_id": "organisatie",
    "role": "vaste rol", "table_ids": "tafels", "certificate_pem": "certificaat", "id": "id",
    "base_url": "adres van de server", "client_id": "client-id", "rsin": "RSIN",
    "informatieobjecttype": "informatieobjecttype", "confidentiality": "vertrouwelijkheid",
    "exported_at": "exportdatum", "format": "soort bestand", "version": "versie",
    "zaken_url": "adres van de Zaken API", "zaaktypen": "zaaktypen",
    "status_names": "statustypen", "role_names": "roltypen", "result_names": "resultaattypen",
    "retention": "bewaartermijnen", "local_weeks": "lokale bewaartermijn (weken)",
    "archive": "archieftermijnen", "years": "archieftermijn (jaren)",
    "nominatie": "archiefnominatie",
}


def entry_label(data: object, path: str) -> str:
    """`people.2.email` in the words of the file's reader: `Persoon 3 (Jan Jansen), e-mailadres`."""
    parts = path.split(".")
    if len(parts) >= 2 and parts[0] in COLLECTION_NL and parts[1].isdigit():
        index = int(parts[1])
        name = ""
        if isinstance(data, dict):
            entries = data.get(parts[0])
            if isinstance(entries, list) and index < len(entries) and isinstance(
                    entries[index], dict) and isinstance(entries[index].get("name"), str):
                name = printable(entries[index]["name"].strip())[:60]
        where = f"{COLLECTION_NL[parts[0]]} {index + 1}" + (f" ({name})" if name else "")
        rest = [REGION_FIELD_NL.get(p, p) for p in parts[2:] if not p.isdigit()]
        return ", ".join([where, *rest[:1]]) if rest else where
    if parts[0] == "retention":
        rest = [REGION_FIELD_NL.get(p, printable(p)[:40]) for p in parts[1:]]
        return "Bewaartermijnen" + (f", {' '.join(rest)}" if rest else "")
    if parts[0] == "server":
        return "Regionale server" + (f", {REGION_FIELD_NL.get(parts[-1], 'instelling')}"
                                     if len(parts) > 1 else "")
    known = REGION_FIELD_NL.get(parts[-1])
    if known is None:  # a key the file should not have: named as written, never a path
        return f"Onbekend veld '{printable(parts[-1])[:40]}'" if path not in ("", "(bestand)", "Bestand") \
            else "Bestand"
    return known.capitalize()


def table_problems(table: Table, field: str = "") -> list[Problem]:
    """What a table's set-up cannot be: each role signs once (`signing_order`)."""
    if len(set(table.signing_order)) != len(table.signing_order):
        return [Problem("region.signing_order_twice", ".".join(filter(None, [field,
                                                                            "signing_order"])),
                        "elke rol ondertekent één keer; noem de voorzitter en de secretaris "
                        "elk hoogstens één keer")]
    return []


def file_problems(region: RegionFile, now: dt.datetime) -> list[Problem]:
    """Rules of the file as a whole: not dated ahead of this computer's clock (beyond a day),
    each table's signing order, and the server settings the region publishes."""
    problems: list[Problem] = []
    if region.exported_at > now + CLOCK_SKEW:
        problems.append(Problem(
            "region.future_file", "exported_at",
            f"het bestand is gedateerd op {region.exported_at:%d-%m-%Y %H:%M}, later dan nu "
            f"({now:%d-%m-%Y %H:%M}); klopt de klok van de computer die het schreef? Er is "
            "niets veranderd"))
    for i, table in enumerate(region.tables):
        problems += table_problems(table, f"tables.{i}")
    for kind, term in region.retention.archive.items():
        if term.nominatie == "vernietigen" and term.years is None:
            problems.append(Problem("region.archive_years_missing",
                                    f"retention.archive.{kind.value}.years",
                                    "vul in na hoeveel jaar de regio dit vernietigt (of kies "
                                    "'blijvend_bewaren')"))
    server = region.server
    problems += [Problem(p.code, f"server.{p.field}", p.message, p.severity)
                 for p in settings_problems(server.base_url, server.rsin,
                                            server.informatieobjecttype,
                                            server.confidentiality, "")]
    problems += [Problem(p.code, f"server.{p.field}", p.message, p.severity)
                 for p in zaken_problems(server.zaken_url, dict(server.zaaktypen), "")]
    return problems


def reference_problems(region: RegionFile, known_people: set[str], known_orgs: set[str],
                       known_tables: set[str]) -> list[Problem]:
    """Links inside the file that point nowhere (a person's organisation, a table's chair …)."""
    people = known_people | {p.id for p in region.people}
    orgs = known_orgs | {o.id for o in region.organisations}
    tables = known_tables | {t.id for t in region.tables}
    problems: list[Problem] = []
    for i, t in enumerate(region.tables):
        for attr in ("default_chair_id", "default_secretary_id"):
            value = getattr(t, attr)
            if value and value not in people:
                problems.append(Problem("region.unknown_person", f"tables.{i}.{attr}",
                                        "verwijst naar een persoon die niet in het bestand of "
                                        "het adresboek staat"))
    for i, p in enumerate(region.people):
        if p.organisation_id and p.organisation_id not in orgs:
            problems.append(Problem("region.unknown_organisation", f"people.{i}.organisation_id",
                                    "verwijst naar een organisatie die niet in het bestand of het "
                                    "adresboek staat"))
        for t_id in p.table_ids:
            if t_id not in tables:
                problems.append(Problem("region.unknown_table", f"people.{i}.table_ids",
                                        "verwijst naar een tafel die niet in het bestand staat"))
    for name, ids in (("tables", [t.id for t in region.tables]),
                      ("organisations", [o.id for o in region.organisations]),
                      ("people", [p.id for p in region.people])):
        seen: set[str] = set()
        for i, entry_id in enumerate(ids):
            if entry_id in seen:
                problems.append(Problem("region.duplicate_id", f"{name}.{i}.id",
                                        "deze id komt twee keer voor in het bestand"))
            seen.add(entry_id)
    return problems
