"""The zaak a case should be (pure): its course, its kenmerken, and nothing personal in it."""

from __future__ import annotations

import dataclasses
import datetime as dt

from tafelapp.domain.enums import CaseStatus, DecisionKind, TableKind
from tafelapp.domain.zaak import CaseFacts, LeadFact, Step, plan, status_moment

TODAY = dt.date(2026, 12, 3)
SECRET = "een-geheim-van-de-regio-van-minstens-32-tekens"


def facts(**changes: object) -> CaseFacts:
    base = CaseFacts(case_number="JBT-2026-0001", table_id="a" * 32, table_kind=TableKind.JBT,
                     start=dt.date(2026, 8, 1), status=CaseStatus.OPEN, today=TODAY)
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def test_the_course_is_in_order_never_in_the_future_nor_before_the_step_before() -> None:
    p = plan(facts(discussed_on=dt.date(2026, 7, 1), first_decided_on=dt.date(2026, 9, 2),
                   decision=DecisionKind.INVESTIGATION, investigation_on=dt.date(2026, 12, 9),
                   status=CaseStatus.CLOSED), SECRET)
    assert p.steps == ((Step.REGISTERED, dt.date(2026, 8, 1)),
                       (Step.DISCUSSED, dt.date(2026, 8, 1)),  # not before the referral
                       (Step.DECIDED, dt.date(2026, 9, 2)),
                       (Step.INVESTIGATION, TODAY),  # not in the future
                       (Step.CLOSED, TODAY))
    assert p.result == "INVESTIGATION"
    assert status_moment(TODAY, 4) == "2026-12-03T00:00:04Z"


def test_a_postponed_decision_has_no_investigation_step_and_a_zvt_has_a_plan() -> None:
    jbt = plan(facts(discussed_on=dt.date(2026, 9, 1), first_decided_on=dt.date(2026, 9, 1),
                     decision=DecisionKind.POSTPONED_INVESTIGATION), SECRET)
    assert [s for s, _ in jbt.steps] == [Step.REGISTERED, Step.DISCUSSED, Step.DECIDED]
    zvt = plan(facts(table_kind=TableKind.ZVT, discussed_on=dt.date(2026, 9, 1),
                     plan_on=dt.date(2026, 9, 1), status=CaseStatus.CLOSED), SECRET)
    assert [s for s, _ in zvt.steps] == [Step.REGISTERED, Step.DISCUSSED, Step.PLAN, Step.CLOSED]
    assert zvt.result == "CLOSED"


def test_the_werklijst_facts_are_kenmerken_of_at_most_40_characters() -> None:
    p = plan(facts(progress_on=dt.date(2026, 10, 1), disagreed_on=dt.date(2026, 9, 2),
                   lead=LeadFact("Femke de Wit|Jeugdbescherming West", "GI", False,
                                 dt.date(2026, 11, 20)),
                   open_agreements=(("f" * 32, dt.date(2026, 12, 1)),),
                   open_terms=(("OTS_NON_EXTENSION_NOTICE", dt.date(2026, 12, 20)),
                               ("GRANT_DECISION", dt.date(2026, 12, 10)))), SECRET)
    assert dict(p.kenmerken)["tafelapp:casusregie"] == "PENDING 2026-11-20 GI"
    assert ("tafelapp:afspraak", "2026-12-01 ffffffffffff") in p.kenmerken
    assert [k for b, k in p.kenmerken if b == "tafelapp:termijn"] == [
        "2026-12-10 GRANT_DECISION", "2026-12-20 OTS_NON_EXTENSION_NOTICE"]
    assert p.deadline == dt.date(2026, 12, 10)  # the next legal term
    assert all(len(b) <= 40 and len(k) <= 40 for b, k in p.kenmerken)
    assert "femke" not in repr(p).lower() and "wit" not in repr(p).lower()
    assert p.lead_pseudonym and len(p.lead_pseudonym) == 17
    without = plan(facts(), SECRET)
    assert dict(without.kenmerken)["tafelapp:casusregie"] == "NONE" and without.deadline is None
    assert without.fields_digest != p.fields_digest
