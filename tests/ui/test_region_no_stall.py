"""The region werklijst keeps the UI thread free (issue 19): the lines are built and frozen out of
the cycle collector's sight on the worker, sorted in slices in the order of one sort, handed to
the table without a sort, and the replaced lines are freed off the UI thread. The stall itself is
measured by bench/region_screen.py (a timing test on 2 shared cores would be flaky)."""

from __future__ import annotations

import gc
import random
import sys
from collections.abc import Callable
from typing import Any

from tafelapp.domain import worklist as worklist_domain
from tafelapp.domain.worklist import WorkItem
from tafelapp.services import outbox_service, region_worklist_service
from tafelapp.services.session import Session
from tests.services.test_region_copy import ZT, _zaak
from tests.setup.region import set_up_region
from ui.app import UI_SWITCH_INTERVAL
from ui.models.region_worklist_table_model import RegionWorklistTableModel
from ui.models.rows_table_model import DISPOSE_FROM, free_in_slices


def _lines(count: int) -> list[WorkItem]:
    rng = random.Random(7)
    return [WorkItem(f"c{n}", f"JBT-{n:05d}", "T", worklist_domain.Attention.DEADLINE_OVERDUE, None, None,
                     None, "", (rng.randint(-5, 5), rng.randint(0, 3), f"JBT-{n % 50:05d}"))
            for n in range(count)]


def test_lines_sorted_in_slices_come_in_the_order_of_one_stable_sort() -> None:
    lines = _lines(3 * worklist_domain.SORT_SLICE + 17)  # many ties: stability shows
    by_urgency = worklist_domain._most_urgent_first(list(lines))
    assert by_urgency == sorted(lines, key=lambda i: i.sort_key)
    assert [i.case_id for i in by_urgency] != [i.case_id for i in lines]


def test_the_work_list_is_frozen_out_of_the_collectors_sight_and_collecting_resumes(
        session: Session) -> None:
    region = set_up_region(session)
    outbox_service.update_region(session, zaaktypen={"JBT": ZT})
    zaken = [_zaak(n, region["table"].id) for n in range(1, 400)]
    region_worklist_service.keep(session, zaken, {ZT: len(zaken)})
    assert gc.isenabled()
    result = region_worklist_service.work_list(session)
    assert gc.isenabled() and result.items and result.cases == len(zaken)
    assert result.table_names == ("JBT Proefstad (Proefstad)",)
    # a full collection no longer visits the lines: they are in the permanent generation
    young_and_old = {id(o) for g in range(3) for o in gc.get_objects(generation=g)}
    assert not any(id(item) in young_and_old for item in result.items)


def test_the_table_takes_the_lines_as_given_and_hands_the_replaced_ones_away(qapp: Any) -> None:
    model = RegionWorklistTableModel()
    handed: list[list[WorkItem]] = []
    model.dispose = handed.append
    lines = _lines(DISPOSE_FROM + 5)  # in the order given: the service sorted them already
    model.set_lines(lines, {})
    assert [model.item_at(r) for r in range(model.rowCount())] == lines and not handed
    model.set_lines(lines[:3], {})
    assert model.rowCount() == 3 and len(handed) == 1 and handed[0] == lines
    free_in_slices(handed[0])
    assert handed[0] == []
    model.set_lines([], {})
    assert len(handed) == 1  # a few lines are freed where they are


def test_the_ui_thread_waits_at_most_a_millisecond_for_the_interpreter_lock(
        make_app: Callable[..., Any]) -> None:
    sys.setswitchinterval(0.005)  # Python's default
    make_app()
    assert sys.getswitchinterval() == UI_SWITCH_INTERVAL <= 0.001
