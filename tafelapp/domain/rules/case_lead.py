"""Rules for casusregie: one partner at a time; at a ZVT never the municipality (`003`, `004 §3.1`)."""

from __future__ import annotations

from tafelapp.domain.enums import PartnerKind, TableKind
from tafelapp.domain.models import Case
from tafelapp.domain.problems import Problem, Severity

MUNICIPALITY_REASON = (
    "aan de Zorg- en Veiligheidstafel heeft de gemeente de ketenregie, niet de casusregie; de "
    "casusregie ligt bij één ketenpartner (003)"
)


def case_lead_problems(case: Case, table_kind: TableKind) -> list[Problem]:
    """One active casusregie per case (1 Gezin 1 Plan 1 Regisseur); a ZVT's is a chain partner;
    accepted on or after its start; a casusregisseur without a phone number is a to-do."""
    problems: list[Problem] = []
    active = case.active_case_leads()
    if len(active) > 1:
        problems.append(Problem("case_lead.more_than_one", "case_leads",
                                "er kan maar één casusregie tegelijk zijn; beëindig eerst de "
                                "huidige (004 §3.1)"))
    for index, lead in enumerate(case.case_leads):
        if table_kind is TableKind.ZVT and lead.organisation_kind is PartnerKind.MUNICIPALITY:
            problems.append(Problem("case_lead.municipality_at_zvt",
                                    f"case_leads.{index}.organisation_kind", MUNICIPALITY_REASON))
        if lead.ended_on is not None and lead.ended_on < lead.since:
            problems.append(Problem("case_lead.ends_before_start", f"case_leads.{index}.ended_on",
                                    "de einddatum ligt vóór de startdatum"))
        if lead.accepted and lead.accepted_on is None:
            problems.append(Problem("case_lead.accepted_without_date",
                                    f"case_leads.{index}.accepted_on",
                                    "geef de datum waarop de casusregie is aanvaard"))
        if lead.accepted_on is not None and lead.accepted_on < lead.since:
            problems.append(Problem("case_lead.accepted_before_start",
                                    f"case_leads.{index}.accepted_on",
                                    f"'aanvaard op' ({lead.accepted_on:%d-%m-%Y}) ligt vóór "
                                    f"'sinds' ({lead.since:%d-%m-%Y})"))
        if lead.active and not lead.phone:
            problems.append(Problem(
                "case_lead.phone_missing", f"case_leads.{index}.phone",
                f"er is geen telefoonnummer van casusregisseur {lead.person}; vul het in, dan "
                "weet het gezin wie het kan bellen", Severity.WARNING))
    return problems
