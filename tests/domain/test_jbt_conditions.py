"""A meeting counts as a JBT only when every condition of `001` step 15 is met."""

import pytest

from tafelapp.domain.enums import Role, Route
from tafelapp.domain.rules.jbt import counts_as_jbt, jbt_condition_problems
from tests import factories as f


def test_complete_item_counts_as_jbt() -> None:
    c = f.case(f.table())
    assert counts_as_jbt(f.complete_item(c), Route.VTO)


@pytest.mark.parametrize(("role", "code"), [
    (Role.PARENT, "jbt.absent.parent"), (Role.JB, "jbt.absent.jb"), (Role.RVDK, "jbt.absent.rvdk"),
])
def test_parents_jb_and_ro_must_take_part(role: Role, code: str) -> None:
    item = f.absent(f.complete_item(f.case(f.table())), role)
    problems = jbt_condition_problems(item, Route.VTO)
    assert [p.code for p in problems] == [code]
    assert not counts_as_jbt(item, Route.VTO)


@pytest.mark.parametrize(("change", "code"), [
    ({"reported_to_secretary": False}, "jbt.not_reported"),
    ({"opened_by_chair": False}, "jbt.not_opened_by_chair"),
    ({"purpose": ""}, "jbt.purpose_missing"),
    ({"agreements": []}, "jbt.no_agreements"),
    ({"scaling_answers": []}, "jbt.no_safety_plan"),
])
def test_each_condition_is_checked(change: dict[str, object], code: str) -> None:
    item = f.complete_item(f.case(f.table())).model_copy(update=change)
    codes = [p.code for p in jbt_condition_problems(item, Route.VTO)]
    assert code in codes


def test_incomplete_safety_plan_names_the_missing_parts_and_vots_hint() -> None:
    item = f.complete_item(f.case(f.table()))
    item = item.model_copy(update={"safety_plan": item.safety_plan.model_copy(
        update={"danger_statement": ""})})
    [problem] = jbt_condition_problems(item, Route.SPOED_VOTS)
    assert problem.code == "jbt.no_safety_plan"
    assert "grootste zorg" in problem.message
    assert "JB" in problem.message  # VOTS-JBT: the JB maps a missing analysis
