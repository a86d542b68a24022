"""An unborn child needs no name but a plausible due date; a born child needs a first name."""

from __future__ import annotations

import datetime as dt

from tafelapp.domain.enums import TableKind
from tafelapp.domain.models import Family, UnbornDetails
from tafelapp.domain.rules.referral import case_problems, expected_date_problems
from tests import factories as f


def _unborn(due: dt.date, first_name: str = "") -> object:
    details = UnbornDetails(expected_date=due, pregnancy_certain=True, whereabouts_known=True)
    return f.child(age=None, first_name=first_name, unborn=True, unborn_details=details)


def test_an_unborn_child_without_a_name_is_valid_and_named_after_its_mother() -> None:
    kid = _unborn(f.TODAY + dt.timedelta(days=100))
    case = f.case(f.table(), children=[kid])  # type: ignore[list-item]
    assert case_problems(case, TableKind.JBT, f.TODAY) == []
    assert expected_date_problems(None, case, f.TODAY) == []
    family = Family.model_validate({"name": "Bos", "guardians": [
        {"name": "Mehmet Bos", "relation": "vader"}, {"name": "Sanne Bos", "relation": "Moeder"}]})
    assert case.children[0].called(family) == "ongeboren kind van Sanne Bos"
    assert case.children[0].called(Family(name="Bos")) == "ongeboren kind van gezin Bos"


def test_a_born_child_without_a_first_name_is_refused_at_that_field() -> None:
    kid = f.child(first_name="")
    problems = case_problems(f.case(f.table(), children=[kid]), TableKind.JBT, f.TODAY)
    assert [(p.code, p.field) for p in problems] == [("child.first_name_missing",
                                                      "children.0.first_name")]


def test_a_due_date_before_the_aanmelding_or_beyond_ten_months_is_refused_with_the_rule() -> None:
    referred = f.referral().date  # 12-11-2026
    past = f.case(f.table(), children=[_unborn(referred - dt.timedelta(days=1))])  # type: ignore[list-item]
    [problem] = expected_date_problems(None, past, f.TODAY)
    assert problem.code == "unborn.due_in_past"
    assert "ligt vóór de aanmelding (12-11-2026)" in problem.message
    far = f.case(f.table(), children=[_unborn(referred.replace(year=referred.year + 3))])  # type: ignore[list-item]
    [problem] = expected_date_problems(None, far, f.TODAY)
    assert problem.code == "unborn.due_too_far"
    assert "uiterlijk 12-09-2027" in problem.message  # ten months after the aanmelding
    edge = f.case(f.table(), children=[_unborn(dt.date(2027, 9, 12))])  # type: ignore[list-item]
    assert expected_date_problems(None, edge, f.TODAY) == []
    # The example aanmelding stays valid as time goes by: its own date is the reference.
    assert expected_date_problems(None, edge, f.TODAY.replace(year=2030)) == []


def test_a_child_added_later_is_checked_against_today() -> None:
    before = f.case(f.table())
    after = before.model_copy(update={"children": [
        *before.children, _unborn(f.TODAY - dt.timedelta(days=2))]})
    [problem] = expected_date_problems(before, after, f.TODAY)
    assert problem.code == "unborn.due_in_past" and "vandaag (22-11-2026)" in problem.message


def test_a_due_date_that_has_since_passed_does_not_block_the_case() -> None:
    case = f.case(f.table(), children=[_unborn(f.TODAY + dt.timedelta(days=30))])  # type: ignore[list-item]
    later = f.TODAY + dt.timedelta(days=60)
    assert expected_date_problems(case, case, later) == []  # recorded earlier, unchanged
