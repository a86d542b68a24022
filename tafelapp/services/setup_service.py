"""Use cases for a region's set-up: the wizard, the region file (export/import), tables and defaults.

The wizard and `tafelapp setup import` take the same path: both produce a `RegionFile` and apply
it in one transaction, so what the wizard stores is exactly what a region file can carry.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from tafelapp.domain.directory import Organisation
from tafelapp.domain.enums import PartnerKind
from tafelapp.domain.models import CertifiedInstitution, Table
from tafelapp.domain.problems import InvalidInput, Problem
from tafelapp.domain.region import (
    CLOCK_SKEW,
    REGION_FORMAT,
    RegionFile,
    ServerSettings,
    entry_label,
    file_problems,
    reference_problems,
)
from tafelapp.domain.retention import RetentionTerms
from tafelapp.domain.rules.region_server import service_base
from tafelapp.domain.validation import load_json, problems_from_validation, validate_file
from tafelapp.services import directory_service, outbox_service
from tafelapp.services.session import Session, save_changed
from tafelapp.signing.identities import certificate_from_pem, certificate_info, certificate_pem
from tafelapp.store import directory_repo, minutes_repo, settings_repo, table_repo
from tafelapp.store.transaction import transaction

_REGION_KEY = "region_profile"
RETENTION_KEY = "retention_terms"


@dataclass
class RegionImport:
    """What an import changed: ids added and updated per kind; nothing when all was the same."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: int = 0

    @property
    def changed(self) -> bool:
        """Whether anything was written."""
        return bool(self.added or self.updated)


def region_name(session: Session) -> str:
    """The region's name as set up ('' before the set-up)."""
    stored = settings_repo.get(session.conn, _REGION_KEY) or {}
    return str(stored.get("name", ""))


def retention_terms(session: Session) -> RetentionTerms:
    """The region's bewaartermijnen as last read from its region file (none: nothing set)."""
    stored = settings_repo.get(session.conn, RETENTION_KEY)
    return RetentionTerms.model_validate(stored) if stored else RetentionTerms()


def is_set_up(session: Session) -> bool:
    """Whether this vault has at least one table (the set-up wizard has run or a file was read)."""
    return bool(table_repo.list_all(session.conn))


def _institutions(orgs: list[Organisation]) -> list[CertifiedInstitution]:
    return [CertifiedInstitution(id=o.id, name=o.name, target_groups=o.target_groups)
            for o in orgs if o.kind is PartnerKind.GI][:20]


def _certificates_by_person(session: Session) -> dict[str, str]:
    found: dict[str, str] = {}
    for ident in minutes_repo.identities(session.conn):
        if ident.person_id:
            material = minutes_repo.identity_material(session.conn, ident.id)
            if material:
                found[ident.person_id] = certificate_pem(material[0])
    return found


def export_region(session: Session) -> RegionFile:
    """The region's set-up as a region file: no case data and no secret."""
    stored = settings_repo.get(session.conn, _REGION_KEY) or {}
    server = outbox_service.region_settings(session)
    certs = _certificates_by_person(session)
    people = [p if p.certificate_pem or p.id not in certs
              else p.model_copy(update={"certificate_pem": certs[p.id]})
              for p in directory_repo.people(session.conn)]
    return RegionFile(
        exported_at=session.now(), region=stored.get("name") or "Regio",
        tables=table_repo.list_all(session.conn),
        organisations=directory_repo.organisations(session.conn), people=people,
        server=ServerSettings(base_url=server.base_url, client_id=server.client_id,
                              rsin=server.rsin, informatieobjecttype=server.informatieobjecttype,
                              confidentiality=server.confidentiality, zaken_url=server.zaken_url,
                              zaaktypen=server.zaaktypen, status_names=server.status_names,
                              role_names=server.role_names, result_names=server.result_names),
        retention=retention_terms(session))


def export_region_json(session: Session) -> str:
    """The region file as indented JSON text (UTF-8, readable, stable key order)."""
    return export_region(session).model_dump_json(indent=2) + "\n"


def _labelled(problems: list[Problem], raw: object) -> list[Problem]:
    return [Problem(p.code, entry_label(raw, p.field), p.message, p.severity) for p in problems]


def parse_region(data: bytes, now: dt.datetime | None = None) -> RegionFile:
    """Read a region file; every wrong field is named as the administrator knows it."""
    raw = load_json(data, "regiobestand")
    if not isinstance(raw, dict) or raw.get("format") != REGION_FORMAT:
        raise InvalidInput([Problem("region.wrong_format", "Bestand",
                                    "dit is geen regiobestand van Tafelapp (verwacht \"format\": "
                                    f"\"{REGION_FORMAT}\"); een casusexport leest u in met "
                                    "'tafelapp import'")])
    try:
        region = validate_file(RegionFile, data, "regiobestand")
    except InvalidInput as exc:
        raise InvalidInput(_labelled(exc.problems, raw)) from None
    problems = file_problems(region, now or dt.datetime.now(dt.UTC))
    for i, person in enumerate(region.people):
        if person.certificate_pem and certificate_from_pem(person.certificate_pem) is None:
            problems.append(Problem("region.bad_certificate", f"people.{i}.certificate_pem",
                                    "dit is geen leesbaar certificaat (PEM)"))
    if problems:
        raise InvalidInput(_labelled(problems, raw))
    return region


def _upsert(session: Session, kind: str, record: Any, before: Any, save: Any,
            result: RegionImport) -> None:
    if not save_changed(session, f"region.{kind}", kind, record, before, save):
        result.unchanged += 1
        return
    (result.updated if before is not None else result.added).append(f"{kind}:{record.id}")


def _older_problem(region: RegionFile, previous: dt.datetime, now: dt.datetime) -> Problem:
    ahead = previous > now + CLOCK_SKEW
    return Problem(
        "region.older_file", "Bestand",
        f"dit regiobestand ({region.exported_at:%d-%m-%Y %H:%M}) is ouder dan het bestand dat al "
        f"is ingelezen ({previous:%d-%m-%Y %H:%M}"
        + (", een datum in de toekomst" if ahead else "") + "); er is niets veranderd. Weet u "
        "zeker dat dit bestand klopt, dan kan een functioneel beheerder het toch inlezen met "
        "'tafelapp setup import BESTAND --accept-older' (dat komt in het auditlog)")


def apply_region(session: Session, region: RegionFile, raw: object = None,
                 accept_older: bool = False) -> RegionImport:
    """Store a region file all-or-nothing; records are matched by their stable id.

    A file older than the last one read is refused, unless a functional administrator accepts
    it (`accept_older`, audited): the way back after a wrongly dated file was read."""
    conn = session.conn
    known_people = {p.id for p in directory_repo.people(conn)}
    known_orgs = {o.id for o in directory_repo.organisations(conn)}
    known_tables = {t.id for t in table_repo.list_all(conn)}
    problems = reference_problems(region, known_people, known_orgs, known_tables)
    if problems:
        raise InvalidInput(_labelled(problems, raw if raw is not None
                                     else region.model_dump(mode="json")))
    stored = settings_repo.get(conn, _REGION_KEY) or {}
    previous_at = stored.get("file_exported_at")
    previous = _moment(previous_at) if previous_at else None
    older = previous is not None and previous > region.exported_at
    if older and not accept_older:
        assert previous is not None
        raise InvalidInput([_older_problem(region, previous, session.now())])
    result = RegionImport()
    with transaction(conn):
        if older:
            with session.change("region.accept_older", "settings", _REGION_KEY,
                                fields=["file_exported_at"]):
                settings_repo.put(conn, _REGION_KEY, {
                    **stored, "file_exported_at": region.exported_at.isoformat()})
            stored = settings_repo.get(conn, _REGION_KEY) or {}
            previous_at = stored.get("file_exported_at")
            result.updated.append("file_exported_at")
        for org in region.organisations:
            _upsert(session, "organisation", org, directory_repo.organisation(conn, org.id),
                    directory_repo.save_organisation, result)
        all_orgs = directory_repo.organisations(conn)
        for person in region.people:
            _upsert(session, "person", person, directory_repo.person(conn, person.id),
                    directory_repo.save_person, result)
        for table in region.tables:
            table = table.model_copy(update={"region": region.region})
            if table.kind.value == "JBT" and not table.institutions:
                table = table.model_copy(update={"institutions": _institutions(all_orgs)})
            _upsert(session, "table", table, table_repo.get(conn, table.id), table_repo.save,
                    result)
        latest = max(filter(None, [_moment(previous_at) if previous_at else None,
                                   region.exported_at]))
        profile = {"name": region.region, "file_exported_at": latest.isoformat()}
        if profile != stored:
            with session.change("region.profile", "settings", _REGION_KEY, fields=["region"]):
                settings_repo.put(conn, _REGION_KEY, profile)
        if "retention" in region.model_fields_set and \
                region.retention != retention_terms(session):
            with session.change("region.retention", "settings", RETENTION_KEY,
                                fields=["retention"]):
                settings_repo.put(conn, RETENTION_KEY, region.retention.model_dump(mode="json"))
            result.updated.append("retention")
        server = {k: v for k, v in region.server.model_dump().items() if v}
        if server.get("base_url"):
            server["base_url"] = service_base(server["base_url"])
        current = outbox_service.region_settings(session).model_dump()
        if server and any(current.get(k) != v for k, v in server.items()):
            outbox_service.update_region(session, **server)
            result.updated.append("server")
    return result


def _moment(text: str) -> dt.datetime:
    """A stored moment; one stored without a time zone (before they were required) is UTC."""
    moment = dt.datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def import_region(session: Session, data: bytes, accept_older: bool = False) -> RegionImport:
    """`tafelapp setup import FILE` and "Instellingen inlezen": validate, then apply at once."""
    region = parse_region(data, session.now())
    return apply_region(session, region, load_json(data, "regiobestand"), accept_older)


def _with_tables(session: Session, people: list[dict[str, Any]],
                 tables: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Which tables each person sits at: those recorded before (that still exist) and those the
    person chairs or minutes by default."""
    known = {t["id"] for t in tables} | {t.id for t in table_repo.list_all(session.conn)}
    usual: dict[str, set[str]] = {}
    for table in tables:
        for key in ("default_chair_id", "default_secretary_id"):
            if table.get(key):
                usual.setdefault(table[key], set()).add(table["id"])
    result = []
    for person in people:
        stored = directory_repo.person(session.conn, str(person.get("id", "")))
        kept = {t for t in (stored.table_ids if stored else []) if t in known}
        result.append({**person, "table_ids": sorted(kept | usual.get(person.get("id", ""), set()))})
    return result


def save_wizard(session: Session, raw: dict[str, Any], secret: str | None = None,
                removed_people: list[str] | None = None) -> RegionImport:
    """What the set-up wizard collected, stored exactly as a region file would be, in one
    transaction with the people taken out of the address book (records keep their names)."""
    data = {"format": REGION_FORMAT, "version": 1, "exported_at": session.now().isoformat(),
            **raw, "people": _with_tables(session, raw.get("people", []),
                                          raw.get("tables", []))}
    with transaction(session.conn):
        for person_id in removed_people or []:
            directory_service.remove_person(session, person_id)
        result = import_region(session, json.dumps(data, default=str).encode())
        if secret:
            outbox_service.update_region(session, secret=secret)
    return result


def save_table(session: Session, **fields: Any) -> Table:
    """Add or change one table (tafel) with its place, usual day and time, chair and secretary."""
    existing = table_repo.get(session.conn, str(fields.get("id", ""))) if fields.get("id") else None
    data = {**(existing.model_dump() if existing else {}), **fields}
    data.setdefault("region", region_name(session) or "Regio")
    data.setdefault("municipality", data.get("place") or data.get("name", ""))
    try:
        table = Table.model_validate(data)
    except ValidationError as exc:
        raise InvalidInput(problems_from_validation(exc, "table")) from None
    for attr in ("default_chair_id", "default_secretary_id"):
        if getattr(table, attr):
            directory_service.get_person(session, getattr(table, attr))
    if table.kind.value == "JBT" and not table.institutions:
        table = table.model_copy(update={
            "institutions": _institutions(directory_repo.organisations(session.conn))})
    save_changed(session, "region.table", "table", table, existing, table_repo.save)
    return table


def set_region_name(session: Session, name: str) -> None:
    """Name the region (shown on documents and in the region file)."""
    if not name.strip():
        raise InvalidInput([Problem("region.name_missing", "region", "vul de naam van de regio in")])
    stored = settings_repo.get(session.conn, _REGION_KEY) or {}
    with session.change("region.profile", "settings", _REGION_KEY, fields=["region"]) as conn:
        settings_repo.put(conn, _REGION_KEY, {**stored, "name": name.strip()[:200]})


_TRUST_KEY = "trust_roots"


def trust_anchors(session: Session) -> dict[bytes, str]:
    """Who may sign: the certificates of the region's people (from the region's set-up and the
    identities linked here) and the configured PKIoverheid/UZI roots; certificate DER → whose."""
    anchors: dict[bytes, str] = {}
    people = {p.id: p for p in directory_repo.people(session.conn)}
    for person in people.values():
        der = certificate_from_pem(person.certificate_pem) if person.certificate_pem else None
        if der:
            anchors[der] = person.name
    for ident in minutes_repo.identities(session.conn):
        material = minutes_repo.identity_material(session.conn, ident.id)
        if ident.person_id in people and material:
            anchors[material[0]] = people[ident.person_id].name
    for pem in settings_repo.get(session.conn, _TRUST_KEY) or []:
        der = certificate_from_pem(pem)
        if der:
            anchors.setdefault(der, "vertrouwd stamcertificaat")
    return anchors


def anchors_from_region_file(data: bytes) -> dict[bytes, str]:
    """The people's certificates in a region file (for `tafelapp verify --region`)."""
    region = parse_region(data)
    anchors: dict[bytes, str] = {}
    for person in region.people:
        der = certificate_from_pem(person.certificate_pem) if person.certificate_pem else None
        if der:
            anchors[der] = person.name
    return anchors


def add_trust_root(session: Session, pem: str) -> str:
    """Trust a root certificate (PKIoverheid, UZI) for verifying signatures; returns its name."""
    der = certificate_from_pem(pem)
    if der is None:
        raise InvalidInput([Problem("trust.not_a_certificate", "Bestand",
                                    "dit is geen leesbaar certificaat (PEM)")])
    stored = list(settings_repo.get(session.conn, _TRUST_KEY) or [])
    name = certificate_info(der).common_name
    if pem.strip() not in [p.strip() for p in stored]:
        with session.change("trust.add_root", "settings", _TRUST_KEY, fields=[name]) as conn:
            settings_repo.put(conn, _TRUST_KEY, [*stored, pem.strip()])
    return name
