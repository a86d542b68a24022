"""The region werklijst's reading of zaken (pure): our kenmerken back, others' zaken left out."""

from __future__ import annotations

import datetime as dt

from tafelapp.domain.enums import CaseStatus, TableKind
from tafelapp.domain.region_detail import expand
from tafelapp.domain.region_worklist import compact, region_case, region_worklist
from tafelapp.domain.worklist import Attention, Horizon, LeadState
from tafelapp.domain.zaak import CaseFacts, LeadFact, kenmerken

TODAY = dt.date(2026, 12, 3)


def zaak(marks: tuple[tuple[str, str], ...], **extra: object) -> dict[str, object]:
    return {"url": "https://oz/zaken/1", "identificatie": "JBT-2026-0001", "zaaktype": "zt",
            "startdatum": "2026-08-01", "einddatum": None,
            "kenmerken": [{"bron": b, "kenmerk": k} for b, k in marks], **extra}


def test_what_the_chair_wrote_is_read_back_as_the_same_facts() -> None:
    facts = CaseFacts(case_number="JBT-2026-0001", table_id="t" * 32, table_kind=TableKind.JBT,
                      start=dt.date(2026, 8, 1), status=CaseStatus.OPEN, today=TODAY,
                      progress_on=dt.date(2026, 9, 1),
                      lead=LeadFact("x|y", "GI", False, dt.date(2026, 11, 1)),
                      open_agreements=(("a" * 32, dt.date(2026, 11, 20)),),
                      open_terms=(("RVDK_ANSWER", dt.date(2026, 12, 4)),))
    case = region_case(zaak(kenmerken(facts, None)))
    assert case is not None
    assert (case.progress_on, case.lead, case.lead_since, case.lead_kind) == (
        dt.date(2026, 9, 1), LeadState.PENDING, dt.date(2026, 11, 1), "GI")
    assert case.agreements == (("a" * 12, dt.date(2026, 11, 20)),)
    items = region_worklist([compact(case)], {"t" * 32: "JBT Duinstede"}, Horizon.of(TODAY, 6))
    kinds = {i.kind for i in items}
    assert kinds == {Attention.AGREEMENT_OVERDUE, Attention.DEADLINE_DUE_SOON,
                     Attention.CASE_LEAD_NOT_ACCEPTED, Attention.NO_PROGRESS}
    assert {i.table_name for i in items} == {"JBT Duinstede"}
    assert region_worklist([compact(case)], {}, Horizon.of(TODAY, 6), {"https://oz/zaken/1"}) == []


def test_the_case_id_is_read_back_and_a_copy_kept_before_it_still_reads() -> None:
    facts = CaseFacts(case_number="JBT-2026-0001", table_id="t" * 32, table_kind=TableKind.JBT,
                      start=dt.date(2026, 8, 1), status=CaseStatus.OPEN, today=TODAY,
                      case_id="c" * 32)
    case = region_case(zaak(kenmerken(facts, None)))
    assert case is not None and case.case_id == "c" * 32
    assert compact(case)[-1] == "c" * 32 and expand(compact(case)) == case
    old = compact(case)[:12]  # a copy the vault kept before the id was read back
    assert expand(old).case_id == "" and expand(old).case_number == "JBT-2026-0001"
    items = region_worklist([old], {}, Horizon.of(TODAY, 6))
    assert items and {i.case_number for i in items} == {"JBT-2026-0001"}


def test_zaken_without_our_fields_closed_or_garbled_are_left_out_not_fatal() -> None:
    assert region_case(zaak(())) is None  # another application's zaak
    assert region_case(zaak((("tafelapp:tafel", "t"), ("tafelapp:casusregie", "NONE")),
                            einddatum="2026-11-01")) is None  # closed
    assert region_case({"url": "x", "kenmerken": "geen lijst"}) is None
    odd = region_case(zaak((("tafelapp:tafel", "t"), ("tafelapp:casusregie", "ONBEKEND x y"),
                            ("tafelapp:afspraak", "geen-datum abc"),
                            ("tafelapp:voortgang", "2026-13-45"))))
    assert odd is not None and odd.lead is LeadState.NONE and odd.agreements == ()
    assert odd.progress_on == dt.date(2026, 8, 1)  # no readable progress: the start
