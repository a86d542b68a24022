"""When a meeting may be called a JBT (`001` work process 2.5 step 15)."""

from __future__ import annotations

from tafelapp.domain.enums import Role, Route
from tafelapp.domain.meeting import AgendaItem, SafetyPlan
from tafelapp.domain.problems import Problem, Severity


def safety_plan_missing(plan: SafetyPlan, has_agreements: bool, has_scores: bool) -> list[str]:
    """The parts a veiligheidsplan still lacks (`001 §2.5.4` note 13): names of the fields."""
    missing = [name for name in ("strengths", "worries", "must_happen_now", "danger_statement")
               if not getattr(plan, name).strip()]
    if not has_agreements:
        missing.append("agreements")
    if not has_scores:
        missing.append("scaling_answers")
    return missing


_PLAN_PART = {
    "strengths": "wat gaat er goed (krachten)",
    "worries": "wat zijn de zorgen",
    "must_happen_now": "wat moet er nu gebeuren",
    "danger_statement": "de grootste zorg",
    "agreements": "veiligheidsafspraken",
    "scaling_answers": "de schaalvragen",
}


def jbt_condition_problems(item: AgendaItem, route: Route | None) -> list[Problem]:
    """Why this discussion does not (yet) count as a JBT; empty when it does.

    The conditions of `001` step 15: parents, JB and RO take part; it was reported to the JBT
    secretaris; a veiligheidsplan was made; the agreements are registered; the voorzitter opens
    the meeting and explains its purpose. During a VOTS-JBT the JB maps a missing analysis.
    """
    problems: list[Problem] = []
    moment = item.decision.decided_at if item.decision else None
    present = {p.role for p in item.participants if p.present_at(moment)}
    there = {p.role for p in item.participants if p.takes_part}
    for role, label in ((Role.PARENT, "ouders nemen"), (Role.JB, "een jeugdbeschermer (JB) neemt"),
                        (Role.RVDK, "de raadsonderzoeker (RO) neemt")):
        if role not in present:
            when = (f" op het moment van het besluit ({moment:%H:%M})"
                    if moment is not None and role in there else "")
            problems.append(Problem(f"jbt.absent.{role.value.lower()}", "participants",
                                    f"{label}{when} niet deel; een JBT vraagt ouders, JB en RO "
                                    "(001 stap 15)", Severity.WARNING))
    if not item.reported_to_secretary:
        problems.append(Problem("jbt.not_reported", "reported_to_secretary",
                                "de bespreking is niet gemeld bij de secretaris van de JBT "
                                "(001 stap 15)", Severity.WARNING))
    missing = safety_plan_missing(item.safety_plan, bool(item.agreements),
                                  bool(item.scaling_answers))
    plan_parts = [m for m in missing if m != "agreements"]
    if plan_parts:
        parts = ", ".join(_PLAN_PART[m] for m in plan_parts)
        hint = (" Bij een JBT na een spoedmaatregel brengt de JB de zorgen/krachten-analyse "
                "tijdens de bespreking in kaart." if route is Route.SPOED_VOTS else "")
        problems.append(Problem("jbt.no_safety_plan", "safety_plan",
                                f"het veiligheidsplan is niet compleet; nog nodig: {parts} "
                                f"(001 stap 15).{hint}", Severity.WARNING))
    if not item.agreements:
        problems.append(Problem("jbt.no_agreements", "agreements",
                                "er zijn geen afspraken geregistreerd (001 stap 15)",
                                Severity.WARNING))
    if not item.opened_by_chair:
        problems.append(Problem("jbt.not_opened_by_chair", "opened_by_chair",
                                "de voorzitter opent altijd de bespreking (001 stap 15)",
                                Severity.WARNING))
    if not item.purpose.strip():
        problems.append(Problem("jbt.purpose_missing", "purpose",
                                "de voorzitter legt het doel van de bespreking uit; dat doel is "
                                "niet vastgelegd (001 stap 15)", Severity.WARNING))
    return problems


def counts_as_jbt(item: AgendaItem, route: Route | None) -> bool:
    """True when every condition of step 15 is met."""
    return not jbt_condition_problems(item, route)
