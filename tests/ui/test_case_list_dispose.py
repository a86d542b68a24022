"""The case list hands 10,000 replaced cases to a worker to be freed (freeing them took 12-15 ms of
the UI thread on going back to the overview); a short list is freed where it is."""

from __future__ import annotations

import datetime as dt
from typing import Any

from tafelapp.domain.summaries import CaseSummary
from ui.models.case_table_model import CaseTableModel
from ui.models.rows_table_model import DISPOSE_FROM


def _cases(n: int) -> list[CaseSummary]:
    return [CaseSummary(id=str(i), case_number=f"JBT-2026-{i:05d}", table_id="t", table_name="T",
                        table_kind="JBT", family_name=f"Gezin {i}", status="OPEN",
                        opened_on=dt.date(2026, 1, 1), children=1, route=None, next_due=None,
                        search_text=f"jbt-2026-{i:05d} gezin {i}") for i in range(n)]


def test_replaced_cases_go_to_the_worker_and_the_list_shows_the_new_ones(qapp: Any) -> None:
    model = CaseTableModel()
    handed: list[list[CaseSummary]] = []
    model.dispose = handed.append
    first = _cases(DISPOSE_FROM + 10)
    model.set_cases(first)
    assert not handed and model.rowCount() == len(first)
    model.set_search("gezin 100")  # the filtered rows replace the whole list: handed away
    assert model.rowCount() == 11 and len(handed) == 1 and handed[0] == first
    model.set_cases(_cases(3))
    # the filtered rows (few: freed here) and the whole earlier list (handed away)
    assert len(handed) == 2 and handed[1] == first and model.rowCount() == 0
    model.set_search("")
    assert model.rowCount() == 3
