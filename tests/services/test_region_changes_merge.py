"""What a refresh reads next (read_plan) and how the changed zaken are merged into the copy: a
changed zaak takes its line's place, a new one is added, a closed one leaves; zaken made by
others stay counted; the plan turns to a full read after a day, a settings change or a month."""

from __future__ import annotations

import datetime as dt

from tafelapp.services import outbox_service, region_worklist_service
from tafelapp.services.session import Session
from tests.services.test_region_copy import ZT, _zaak
from tests.setup.region import set_up_region

OTHERS = {"url": "https://oz.example.org/zaken/api/v1/zaken/999", "identificatie": "X-1",
          "zaaktype": ZT, "startdatum": "2026-01-01", "einddatum": None, "kenmerken": []}


def test_changed_zaken_are_merged_and_a_closed_one_leaves(session: Session) -> None:
    region = set_up_region(session)
    outbox_service.update_region(session, zaaktypen={"JBT": ZT})
    table = region["table"].id
    assert region_worklist_service.read_plan(session).full  # never read: everything
    region_worklist_service.keep(session, [_zaak(n, table) for n in (1, 2, 3)] + [OTHERS],
                                 {ZT: 4})
    plan = region_worklist_service.read_plan(session)
    today = session.now().astimezone().date()
    assert not plan.full and plan.days[0] <= today - dt.timedelta(days=1)
    assert plan.days[-1] >= today + dt.timedelta(days=1)
    changed = _zaak(2, table)
    changed["kenmerken"] = [*changed["kenmerken"],  # type: ignore[list-item]
                            {"bron": "tafelapp:voortgang", "kenmerk": "2026-12-01"}]
    closed = {**_zaak(3, table), "einddatum": "2026-12-02"}
    kept = region_worklist_service.store(session, [changed, closed, _zaak(4, table)], False, {})
    rows = {row[1]: row for row in kept.cases}
    assert sorted(rows) == ["JBT-2026-0001", "JBT-2026-0002", "JBT-2026-0004"]
    assert rows["JBT-2026-0002"][5] == "2026-12-01"  # its new voortgang
    assert kept.zaken == 4 and kept.per_zaaktype == {ZT: 4}  # +1 new, -1 closed, X-1 counted
    assert region_worklist_service.copy(session) == kept
    assert region_worklist_service.work_list(session).without_facts == 1


def test_the_plan_turns_to_a_full_read(session: Session) -> None:
    region = set_up_region(session)
    outbox_service.update_region(session, zaaktypen={"JBT": ZT})
    region_worklist_service.keep(session, [_zaak(1, region["table"].id)], {ZT: 1})
    assert not region_worklist_service.read_plan(session).full
    assert "gevraagd" in region_worklist_service.read_plan(session, full=True).reason
    start = session.now()
    session.clock = lambda: start + region_worklist_service.FULL_READ_EVERY + dt.timedelta(1)
    assert "eerste verversing van de dag" in region_worklist_service.read_plan(session).reason
    session.clock = lambda: start
    outbox_service.update_region(session, zaaktypen={"JBT": ZT, "ZVT": ZT + "-zvt"})
    assert "instellingen" in region_worklist_service.read_plan(session).reason
