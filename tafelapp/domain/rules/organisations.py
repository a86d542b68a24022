"""What an organisation in the address book still lacks for the family: a complaints route."""

from __future__ import annotations

from tafelapp.domain.directory import Organisation
from tafelapp.domain.enums import PartnerKind
from tafelapp.domain.problems import Problem, Severity

NEEDS_COMPLAINTS_ROUTE = {PartnerKind.RVDK: "de Raad", PartnerKind.VEILIG_THUIS: "Veilig Thuis"}


def complaints_route_problems(organisations: list[Organisation],
                              field: str = "organisations") -> list[Problem]:
    """A warning per Raad or Veilig Thuis without a klachtenregeling: the Gezinsoverzicht tells
    the family where to go with a complaint, and has nothing to say for them."""
    return [Problem("organisation.complaints_route_missing", f"{field}.{i}.complaints",
                    f"{NEEDS_COMPLAINTS_ROUTE[o.kind]} heeft geen klachtenregeling; vul een "
                    "telefoonnummer of website in, anders leest het gezin in het "
                    "Gezinsoverzicht niet waar het met een klacht terecht kan", Severity.WARNING)
            for i, o in enumerate(organisations)
            if o.kind in NEEDS_COMPLAINTS_ROUTE and not o.complaints.strip()]
