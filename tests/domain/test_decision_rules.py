"""The JBT decisions: VTO GM, chair disagreement (`001 §2.1.4`), motivation, postponement."""

import datetime as dt

import pytest

from tafelapp.domain.enums import DecisionKind, Route, TableKind
from tafelapp.domain.meeting import Decision
from tafelapp.domain.problems import Severity
from tafelapp.domain.rules.decision import (
    DISAGREEMENT_CITATION,
    allowed_decisions,
    decision_citation,
    decision_problems,
    normalise_decision,
)
from tests import factories as f

DAY = f.TODAY


def decision(kind: DecisionKind, **changes: object) -> Decision:
    data: dict[str, object] = {"kind": kind, "motivation": "Omdat.", "decided_on": DAY}
    data.update(changes)
    return Decision.model_validate(data)


def codes(d: Decision, route: Route = Route.VTO, kind: TableKind = TableKind.JBT) -> set[str]:
    return {p.code for p in decision_problems(d, route, f.table(kind), DAY)}


@pytest.mark.parametrize("kind", [DecisionKind.POSTPONED_INVESTIGATION,
                                  DecisionKind.NO_INVESTIGATION])
def test_vto_gm_can_only_end_in_investigation(kind: DecisionKind) -> None:
    d = decision(kind, evaluation_date=DAY + dt.timedelta(days=30), conditions="x") \
        if kind is DecisionKind.POSTPONED_INVESTIGATION else decision(kind)
    assert "decision.vto_gm_requires_investigation" in codes(d, Route.VTO_GM)
    assert codes(decision(DecisionKind.INVESTIGATION), Route.VTO_GM) == set()
    assert allowed_decisions(Route.VTO_GM)[kind] is not None
    assert decision_citation(decision(DecisionKind.INVESTIGATION), Route.VTO_GM)


def test_chair_disagreement_makes_it_an_investigation_citing_2_1_4() -> None:
    d = normalise_decision(decision(DecisionKind.NO_INVESTIGATION, chair_disagrees=True),
                           Route.VTO)
    assert d.kind is DecisionKind.INVESTIGATION
    assert decision_citation(d, Route.VTO) == DISAGREEMENT_CITATION
    assert "001 §2.1.4" in DISAGREEMENT_CITATION
    assert codes(d) == set()
    # Stored inconsistently (e.g. in an imported file) it is an error, not silently accepted.
    raw = decision(DecisionKind.NO_INVESTIGATION, chair_disagrees=True)
    assert "decision.disagreement_not_investigation" in codes(raw)


def test_a_decision_needs_a_motivation() -> None:
    assert "decision.motivation_missing" in codes(decision(DecisionKind.INVESTIGATION,
                                                           motivation="  "))
    # Missing parts are kept as a draft (warning), contradictions are refused (error).
    [problem] = decision_problems(decision(DecisionKind.INVESTIGATION, motivation=""),
                                  Route.VTO, f.table(), DAY)
    assert problem.severity is Severity.WARNING


def test_postponed_needs_future_evaluation_date_within_six_months_and_conditions() -> None:
    base = DecisionKind.POSTPONED_INVESTIGATION
    assert {"decision.evaluation_date_missing", "decision.conditions_missing"} <= codes(
        decision(base))
    assert "decision.evaluation_date_not_future" in codes(
        decision(base, evaluation_date=DAY, conditions="c"))
    assert "decision.evaluation_date_too_late" in codes(
        decision(base, evaluation_date=DAY + dt.timedelta(days=200), conditions="c"))
    assert codes(decision(base, evaluation_date=DAY + dt.timedelta(days=90), conditions="c")) \
        == set()


def test_zvt_takes_no_jbt_decision_and_gi_must_be_configured() -> None:
    assert "decision.not_at_zvt" in codes(decision(DecisionKind.INVESTIGATION),
                                          kind=TableKind.ZVT)
    assert "decision.unknown_institution" in codes(
        decision(DecisionKind.INVESTIGATION, institution_id="onbekend"))
