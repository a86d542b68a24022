"""Who can ask for inzage: every name the vault's cases, meetings and address book hold, as people."""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from tafelapp.domain import labels
from tafelapp.domain.directory import name_key
from tafelapp.domain.inzage import Appearance, Candidate, Standing
from tafelapp.domain.inzage_privacy import FAMILY_ROLES
from tafelapp.domain.problems import InvalidInput, Problem
from tafelapp.services.session import Session
from tafelapp.store import directory_repo, inzage_repo


@lru_cache(maxsize=65536)
def _key(name: str) -> str:
    return name_key(name)


def _appearance(case_id: str, number: str, what: str, detail: str) -> Appearance:
    if what == "guardian":
        return Appearance(case_id=case_id, case_number=number, standing=Standing.FAMILY,
                          as_what=f"ouder ({detail})" if detail else "ouder")
    if what == "child":
        return Appearance(case_id=case_id, case_number=number, standing=Standing.FAMILY,
                          as_what="jeugdige")
    if what == "referrer":
        return Appearance(case_id=case_id, case_number=number, standing=Standing.PROFESSIONAL,
                          as_what="melder")
    if what == "case_lead":
        return Appearance(case_id=case_id, case_number=number, standing=Standing.PROFESSIONAL,
                          as_what="casusregisseur")
    family = detail in {r.value for r in FAMILY_ROLES}
    return Appearance(case_id=case_id, case_number=number,
                      standing=Standing.FAMILY if family else Standing.PROFESSIONAL,
                      as_what=labels.ROLE.get(detail, detail.lower()))


def people(session: Session) -> list[Candidate]:
    """Everyone named in the vault, one entry per person (the same name in several cases and
    roles is one person), sorted by name. A name the vault writes in two ways that `name_key`
    makes equal ("Mr. A. de Voorzitter", "A. de Voorzitter") is one person, shown as most often
    written."""
    spellings: dict[str, Counter[str]] = {}
    seen: dict[str, dict[tuple[str, str], Appearance]] = {}
    for case_id, number, name, what, detail in inzage_repo.name_occurrences(session.conn):
        key = _key(name)
        if not key:
            continue
        spellings.setdefault(key, Counter())[name] += 1
        found = _appearance(case_id, number, what, detail)
        seen.setdefault(key, {}).setdefault((case_id, found.as_what), found)
    for person in directory_repo.people(session.conn):
        key = _key(person.name)
        if key:
            spellings.setdefault(key, Counter())[person.name] += 1
            seen.setdefault(key, {})
    for bucket in seen.values():  # a guardian or child is not also listed as "ouder"/"jeugdige"
        family_cases = {case for case, what in bucket if what.startswith("ouder (") or
                        what == "jeugdige"}
        for case in family_cases:
            bucket.pop((case, "ouder"), None)
    everyone = [Candidate(key=key, name=spellings[key].most_common(1)[0][0],
                          appearances=sorted(seen[key].values(),
                                             key=lambda a: (a.case_number, a.as_what)))
                for key in spellings]
    return sorted(everyone, key=lambda c: (c.name.lower(), c.key))


def matching(candidates: list[Candidate], text: str) -> list[Candidate]:
    """Type-ahead: the people whose name, role or case number contains every typed word."""
    words = [w for w in name_key(text).split() if w]
    return [c for c in candidates
            if all(w in name_key(c.label) or w in c.label.lower() for w in words)]


def find_people(session: Session, text: str, limit: int = 20) -> list[Candidate]:
    """The first `limit` people matching what was typed."""
    return matching(people(session), text)[:limit]


def person(session: Session, ref: str) -> Candidate:
    """The one person a name (or key) denotes; a Dutch message naming the field otherwise."""
    candidates = people(session)
    key = name_key(ref)
    exact = [c for c in candidates if c.key == key or c.key == ref]
    if exact:
        return exact[0]
    found = matching(candidates, ref) if key else []
    if len(found) == 1:
        return found[0]
    if not found:
        raise InvalidInput([Problem("inzage.person_unknown", "Persoon",
                                    f"niemand met de naam ‘{ref}’ staat in deze kluis")])
    names = "; ".join(c.label for c in found[:5])
    raise InvalidInput([Problem("inzage.person_ambiguous", "Persoon",
                                f"‘{ref}’ past bij {len(found)} personen ({names}); "
                                "typ de volledige naam")])
