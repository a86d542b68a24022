"""Rules for a referral and its children: criteria, ages, the unborn child (`001 §2.1`, `§2.2`)."""

from __future__ import annotations

import datetime as dt

from tafelapp.domain.calendar import add_months, age_on
from tafelapp.domain.deadlines import deadline_problems
from tafelapp.domain.enums import ReferrerKind, Route, TableKind
from tafelapp.domain.models import Case, Child, Referral
from tafelapp.domain.problems import Problem, Severity

UNBORN_MAX_MONTHS = 10
"""How far after the day it is reported an unborn child's due date may lie (a pregnancy: ~9)."""

_MAY_FILE_AT_JBT = {
    ReferrerKind.VEILIG_THUIS, ReferrerKind.GI, ReferrerKind.RVDK,
    ReferrerKind.MANDATED_CARE_PROVIDER,
}


def child_problems(child: Child, field: str, today: dt.date) -> list[Problem]:
    """A child is either born (birth date, not in the future) or unborn (expected date and details)."""
    problems: list[Problem] = []
    if child.unborn:
        if child.unborn_details is None:
            problems.append(Problem("child.unborn_details_missing", f"{field}.unborn_details",
                                    "bij een ongeboren kind horen de uitgerekende datum, de "
                                    "bodemeis en de checklist"))
        if child.birth_date is not None:
            problems.append(Problem("child.unborn_with_birth_date", f"{field}.birth_date",
                                    "een ongeboren kind heeft nog geen geboortedatum"))
    else:
        if not child.first_name:
            problems.append(Problem("child.first_name_missing", f"{field}.first_name",
                                    "voornaam ontbreekt (alleen een ongeboren kind mag nog "
                                    "zonder naam)"))
        if child.birth_date is None:
            problems.append(Problem("child.birth_date_missing", f"{field}.birth_date",
                                    "geboortedatum ontbreekt"))
        elif child.birth_date > today:
            problems.append(Problem("child.birth_date_future", f"{field}.birth_date",
                                    f"geboortedatum {child.birth_date:%d-%m-%Y} ligt in de toekomst"))
        elif child.birth_date.year < today.year - 30:
            problems.append(Problem("child.birth_date_implausible", f"{field}.birth_date",
                                    f"geboortedatum {child.birth_date:%d-%m-%Y} is niet aannemelijk "
                                    "voor een jeugdige"))
        if child.unborn_details is not None:
            problems.append(Problem("child.born_with_unborn_details", f"{field}.unborn_details",
                                    "alleen een ongeboren kind heeft zwangerschapsgegevens"))
    return problems


def unborn_problems(child: Child, field: str) -> list[Problem]:
    """Bodemeis (`001 §2.2 d`), household (`§2.2 f`) and unknowns with a reason (`§2.2 c`)."""
    details = child.unborn_details
    if not child.unborn or details is None:
        return []
    problems: list[Problem] = []
    f = f"{field}.unborn_details"
    if not details.pregnancy_certain:
        problems.append(Problem("unborn.pregnancy_not_certain", f"{f}.pregnancy_certain",
                                "bodemeis niet gehaald: de zwangerschap moet zeker zijn "
                                "(001 §2.2 d)"))
    if not details.whereabouts_known:
        problems.append(Problem("unborn.whereabouts_unknown", f"{f}.whereabouts_known",
                                "bodemeis niet gehaald: de verblijfplaats van de zwangere moet "
                                "bekend zijn (001 §2.2 d)"))
    if details.other_household:
        problems.append(Problem("unborn.other_household", f"{f}.other_household",
                                "het ongeboren kind hoort bij een ander huishouden: de juiste "
                                "route is een melding bij Veilig Thuis, geen VTO (001 §2.2 f)"))
    for index, answer in enumerate(details.checklist):
        if not answer.known and not (answer.unknown_reason or "").strip():
            problems.append(Problem("unborn.unknown_without_reason",
                                    f"{f}.checklist.{index}.unknown_reason",
                                    "bij een onbekend antwoord moet staan waarom het niet bekend "
                                    "is (001 §2.2 c)"))
        if answer.known and not (answer.answer or "").strip():
            problems.append(Problem("unborn.answer_missing", f"{f}.checklist.{index}.answer",
                                    "vul het antwoord in of markeer het als onbekend met een reden",
                                    Severity.WARNING))
    answered = {a.item for a in details.checklist}
    if len(answered) != len(details.checklist):
        problems.append(Problem("unborn.checklist_duplicate", f"{f}.checklist",
                                "een vraag van de checklist staat er meer dan eens in"))
    return problems


def expected_date_problems(before: Case | None, after: Case, today: dt.date) -> list[Problem]:
    """An unborn child is due on or after the day it is reported and at most a pregnancy's
    length (10 months) later: for a new case the aanmelding's date, for a change today.

    Checked when the due date is recorded (a new child or a changed date), not on every later
    change of the case: a due date that has since passed does not block the case's work.
    """
    known = {c.id: c.unborn_details.expected_date for c in (before.children if before else [])
             if c.unborn and c.unborn_details is not None}
    if before is None and after.referral is not None:
        reference, said = after.referral.date, f"de aanmelding ({after.referral.date:%d-%m-%Y})"
    else:
        reference, said = today, f"vandaag ({today:%d-%m-%Y})"
    latest = add_months(reference, UNBORN_MAX_MONTHS)
    problems: list[Problem] = []
    for index, child in enumerate(after.children):
        details = child.unborn_details
        if not child.unborn or details is None or known.get(child.id) == details.expected_date:
            continue
        due, f = details.expected_date, f"children.{index}.unborn_details.expected_date"
        if due < reference:
            problems.append(Problem(
                "unborn.due_in_past", f, f"uitgerekende datum {due:%d-%m-%Y} ligt vóór {said}; "
                "is het kind al geboren, kies dan 'ongeboren: nee' en vul de geboortedatum in"))
        elif due > latest:
            problems.append(Problem(
                "unborn.due_too_far", f, f"uitgerekende datum {due:%d-%m-%Y} ligt meer dan "
                f"{UNBORN_MAX_MONTHS} maanden na {said}; een zwangerschap duurt ongeveer 9 "
                f"maanden, dus uiterlijk {latest:%d-%m-%Y}"))
    return problems


def criteria_problems(referral: Referral, field: str = "referral") -> list[Problem]:
    """Bedreiging in de ontwikkeling and at least one of the three further criteria (`001 §2.1`)."""
    c = referral.criteria
    problems: list[Problem] = []
    if referral.route not in (Route.VTO, Route.VTO_GM):
        return problems
    if not c.development_threatened:
        problems.append(Problem("referral.not_threatened", f"{field}.criteria.development_threatened",
                                "een verzoek vraagt dat de jeugdige vermoedelijk ernstig in de "
                                "ontwikkeling wordt bedreigd (001 §2.1)"))
    if not (c.care_not_accepted or c.care_not_effective or c.perspective_unclear):
        problems.append(Problem("referral.no_further_criterion", f"{field}.criteria",
                                "kies ten minste één: zorg onvoldoende geaccepteerd, onvoldoende "
                                "resultaat van hulp, of onduidelijk opvoedingsperspectief "
                                "(001 §2.1)"))
    return problems


def preconditions_problems(referral: Referral, field: str = "referral") -> list[Problem]:
    """What the melder does before filing (`001 §2.1.2 b, c`); missing steps are warnings."""
    if referral.route is not Route.VTO:
        return []
    p = referral.preconditions
    missing = [
        ("safety_plan_made", p.safety_plan_made, "er is nog geen veiligheidsplan gemaakt"),
        ("help_in_place", p.help_in_place, "er is nog geen passende hulp ingezet (1 gezin, 1 plan)"),
        ("choices_discussed", p.choices_discussed,
         "de keuzes en gevolgen zijn nog niet met het gezin besproken"),
        ("registered_in_vir", p.registered_in_vir, "de jeugdige is nog niet gemeld in de "
                                                   "Verwijsindex (VIR)"),
    ]
    return [
        Problem(f"referral.precondition.{name}", f"{field}.preconditions.{name}",
                f"{text} (001 §2.1.2)", Severity.WARNING)
        for name, done, text in missing if not done
    ]


def referrer_problems(referral: Referral, field: str = "referral") -> list[Problem]:
    """Only Veilig Thuis, a GI, the RvdK or a mandated care provider may file at a JBT (`001 §2.1.1`)."""
    if referral.referrer_kind in _MAY_FILE_AT_JBT:
        return []
    return [Problem("referral.referrer_not_authorised", f"{field}.referrer_kind",
                    "alleen Veilig Thuis, een GI, de RvdK of een gemandateerde jeugdhulpaanbieder "
                    "mag een verzoek bij de JBT indienen (001 §2.1.1)")]


def case_problems(case: Case, table_kind: TableKind, today: dt.date) -> list[Problem]:
    """Every problem of a case record: its children, and for a JBT its referral."""
    problems: list[Problem] = []
    if case.opened_on > today:
        problems.append(Problem("case.opened_in_future", "opened_on",
                                f"datum {case.opened_on:%d-%m-%Y} ligt in de toekomst"))
    ids = [c.id for c in case.children]
    if len(set(ids)) != len(ids):
        problems.append(Problem("case.duplicate_child", "children", "een kind staat er dubbel in"))
    for index, child in enumerate(case.children):
        problems += child_problems(child, f"children.{index}", today)
        problems += unborn_problems(child, f"children.{index}")
    for name, items in (("deadlines", case.deadlines), ("case_leads", case.case_leads),
                        ("family.guardians", case.family.guardians)):
        ids = [entry.id for entry in items]
        for index, entry_id in enumerate(ids):
            if entry_id in ids[:index]:
                problems.append(Problem("record.duplicate_id", f"{name}.{index}.id",
                                        "deze id komt twee keer voor; elke regel heeft een "
                                        "eigen id"))
    for index, deadline in enumerate(case.deadlines):
        problems += deadline_problems(deadline, f"deadlines.{index}")
    referral = case.referral
    if table_kind is TableKind.JBT and referral is None:
        problems.append(Problem("case.referral_missing", "referral",
                                "een casus aan de JBT heeft een aanmelding (route, melder, datum)"))
    if referral is not None:
        if referral.date > today:
            problems.append(Problem("referral.date_future", "referral.date",
                                    f"aanmelddatum {referral.date:%d-%m-%Y} ligt in de toekomst"))
        if (referral.route is Route.ZVT) != (table_kind is TableKind.ZVT):
            problems.append(Problem("referral.route_other_table", "referral.route",
                                    "een aanmelding bij de Zorg- en Veiligheidstafel heeft de "
                                    "route 'aanmelding ZVT'; een JBT-route hoort bij een JBT"))
        if table_kind is TableKind.JBT:
            problems += referrer_problems(referral)
            problems += criteria_problems(referral)
            problems += preconditions_problems(referral)
        for index, child in enumerate(case.children):
            if child.birth_date and not child.unborn and child.birth_date <= referral.date \
                    and age_on(child.birth_date, referral.date) >= 18:
                problems.append(Problem("referral.child_adult", f"children.{index}.birth_date",
                                        f"{child.first_name} was op de aanmelddatum "
                                        f"{referral.date:%d-%m-%Y} al 18 of ouder; alleen een "
                                        "jeugdige onder 18 of een ongeboren kind kan worden "
                                        "aangemeld (001 §2.1)"))
    return problems
