"""Referral criteria, ages, the unborn child's bodemeis and checklist (`001 §2.1`, `§2.2`)."""

import datetime as dt

from tafelapp.domain.enums import TableKind, UnbornChecklistItem
from tafelapp.domain.models import ChecklistAnswer, UnbornDetails
from tafelapp.domain.problems import Severity, errors
from tafelapp.domain.rules.referral import case_problems
from tests import factories as f


def codes(problems: list) -> set[str]:
    return {p.code for p in problems}


def test_valid_case_has_no_problems() -> None:
    assert case_problems(f.case(f.table()), TableKind.JBT, f.TODAY) == []


def test_threat_to_development_is_required() -> None:
    ref = f.referral(criteria={"development_threatened": False, "care_not_accepted": True})
    problems = case_problems(f.case(f.table(), ref=ref), TableKind.JBT, f.TODAY)
    assert "referral.not_threatened" in codes(errors(problems))


def test_at_least_one_further_criterion() -> None:
    ref = f.referral(criteria={"development_threatened": True})
    problems = case_problems(f.case(f.table(), ref=ref), TableKind.JBT, f.TODAY)
    assert "referral.no_further_criterion" in codes(errors(problems))


def test_child_of_18_on_the_referral_date_is_refused() -> None:
    referral_day = f.referral().date
    adult = f.child(age=None, birth_date=referral_day.replace(year=referral_day.year - 18))
    problems = case_problems(f.case(f.table(), children=[adult]), TableKind.JBT, f.TODAY)
    [problem] = [p for p in problems if p.code == "referral.child_adult"]
    assert problem.field == "children.0.birth_date"
    # One day younger, still 17 on the referral date: fine.
    minor = f.child(age=None, birth_date=adult.birth_date + dt.timedelta(days=1))  # type: ignore[operator]
    assert "referral.child_adult" not in codes(
        case_problems(f.case(f.table(), children=[minor]), TableKind.JBT, f.TODAY))


def test_future_birth_date_is_refused() -> None:
    kid = f.child(age=None, birth_date=f.TODAY + dt.timedelta(days=3))
    problems = case_problems(f.case(f.table(), children=[kid]), TableKind.JBT, f.TODAY)
    assert "child.birth_date_future" in codes(problems)


def _unborn(**changes: object) -> UnbornDetails:
    data: dict[str, object] = {"expected_date": f.TODAY + dt.timedelta(days=90),
                               "pregnancy_certain": True, "whereabouts_known": True}
    data.update(changes)
    return UnbornDetails.model_validate(data)


def test_unborn_child_needs_both_bodemeis_answers_yes() -> None:
    for field, code in (("pregnancy_certain", "unborn.pregnancy_not_certain"),
                        ("whereabouts_known", "unborn.whereabouts_unknown")):
        kid = f.child(age=None, unborn=True, unborn_details=_unborn(**{field: False}))
        problems = case_problems(f.case(f.table(), children=[kid]), TableKind.JBT, f.TODAY)
        assert code in codes(errors(problems))
    ok = f.child(age=None, unborn=True, unborn_details=_unborn())
    assert case_problems(f.case(f.table(), children=[ok]), TableKind.JBT, f.TODAY) == []


def test_unknown_checklist_answer_needs_a_reason() -> None:
    details = _unborn(checklist=[ChecklistAnswer(item=UnbornChecklistItem.FATHER_AND_NETWORK,
                                                 known=False)])
    kid = f.child(age=None, unborn=True, unborn_details=details)
    problems = case_problems(f.case(f.table(), children=[kid]), TableKind.JBT, f.TODAY)
    [problem] = [p for p in problems if p.code == "unborn.unknown_without_reason"]
    assert problem.field == "children.0.unborn_details.checklist.0.unknown_reason"
    assert problem.severity is Severity.ERROR
    with_reason = details.model_copy(update={"checklist": [ChecklistAnswer(
        item=UnbornChecklistItem.FATHER_AND_NETWORK, known=False,
        unknown_reason="Moeder wil hier niets over zeggen")]})
    kid = f.child(age=None, unborn=True, unborn_details=with_reason)
    assert case_problems(f.case(f.table(), children=[kid]), TableKind.JBT, f.TODAY) == []


def test_unborn_child_of_another_household_goes_to_veilig_thuis() -> None:
    kid = f.child(age=None, unborn=True, unborn_details=_unborn(other_household=True))
    problems = case_problems(f.case(f.table(), children=[kid]), TableKind.JBT, f.TODAY)
    assert "unborn.other_household" in codes(problems)


def test_unborn_without_details_and_born_without_birth_date() -> None:
    problems = case_problems(
        f.case(f.table(), children=[f.child(age=None, unborn=True), f.child(age=None)]),
        TableKind.JBT, f.TODAY)
    assert {"child.unborn_details_missing", "child.birth_date_missing"} <= codes(problems)


def test_only_authorised_referrers_file_at_a_jbt() -> None:
    ref = f.referral(referrer_kind="CHAIN_PARTNER")
    assert "referral.referrer_not_authorised" in codes(
        case_problems(f.case(f.table(), ref=ref), TableKind.JBT, f.TODAY))


def test_missing_preconditions_are_warnings() -> None:
    ref = f.referral(preconditions={"safety_plan_made": True})
    problems = case_problems(f.case(f.table(), ref=ref), TableKind.JBT, f.TODAY)
    assert problems and errors(problems) == []
    assert "referral.precondition.registered_in_vir" in codes(problems)


def test_jbt_case_needs_a_referral_zvt_case_does_not() -> None:
    no_ref = f.case(f.table()).model_copy(update={"referral": None})
    assert "case.referral_missing" in codes(case_problems(no_ref, TableKind.JBT, f.TODAY))
    assert case_problems(no_ref, TableKind.ZVT, f.TODAY) == []
