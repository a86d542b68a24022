"""The case search by keystrokes: narrowing looks among the rows shown, widening (Backspace) and
clearing bring the others back, and a keystroke that keeps the same rows does not reset the list."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tafelapp.domain.summaries import CaseSummary
from ui.views.overview_view import OverviewView


def _case(i: int, family: str) -> CaseSummary:
    number = f"JBT-2026-{i:04d}"
    return CaseSummary(id=str(i), case_number=number, table_id="t", table_name="JBT Noord",
                       table_kind="jbt", family_name=family, status="open",
                       opened_on=dt.date(2026, 1, 5), children=1, route=None, next_due=None,
                       search_text=f"{number.lower()} {family.lower()}")


def _shown(view: OverviewView) -> list[str]:
    model = view.case_model
    return [model.case_at(r).family_name for r in range(model.rowCount())]


def test_typing_narrows_backspace_widens_and_same_rows_keep_the_list(qtbot: QtBot) -> None:
    view = OverviewView()
    qtbot.addWidget(view)
    view.show()
    families = ["Jansen", "Janssen", "de Vries", "Bakker", "Jansma"]
    view.show_data([], [], [_case(i, f) for i, f in enumerate(families, 1)])
    resets: list[int] = []
    view.case_model.modelReset.connect(lambda: resets.append(1))

    qtbot.keyClicks(view.search, "jbt")  # every case number: the same rows, no reset
    assert _shown(view) == families and resets == []
    assert view.count.text() == "5 casus(sen)"

    view.search.selectAll()
    qtbot.keyClicks(view.search, "jans")
    assert _shown(view) == ["Jansen", "Janssen", "Jansma"]
    qtbot.keyClicks(view.search, "s")
    assert _shown(view) == ["Janssen"]
    assert view.count.text() == "1 casus(sen)"
    qtbot.keyClick(view.search, Qt.Key.Key_Backspace)  # wider again: from all cases
    assert _shown(view) == ["Jansen", "Janssen", "Jansma"]
    qtbot.keyClicks(view.search, "x")
    assert _shown(view) == [] and view.count.text() == "0 casus(sen)"
    view.search.selectAll()
    qtbot.keyClick(view.search, Qt.Key.Key_Backspace)
    assert _shown(view) == families

    # new cases after a reload are searched with what is typed
    qtbot.keyClicks(view.search, "vries")
    view.show_data([], [], [_case(i, f) for i, f in enumerate([*families, "Vriesema"], 1)])
    assert _shown(view) == ["de Vries", "Vriesema"]


def test_the_count_line_keeps_its_size(qtbot: QtBot) -> None:
    view = OverviewView()
    qtbot.addWidget(view)
    view.setStyleSheet("QLabel { font-size: 15pt; }")  # a style set after it was built
    view.show()
    view.show_data([], [], [_case(i, f"Gezin {i}") for i in range(1, 1201)])
    size = view.count.size()
    assert view.count.text() == "1200 casus(sen)"
    qtbot.keyClicks(view.search, "gezin 1199")
    assert view.count.text() == "1 casus(sen)" and view.count.size() == size
    assert view.count.fontMetrics().horizontalAdvance("99999 casus(sen)") <= size.width()


def test_at_its_narrowest_the_list_shows_number_family_and_next_term(qtbot: QtBot) -> None:
    view = OverviewView()
    qtbot.addWidget(view)
    view.setStyleSheet("QTableView { font-size: 14pt; }")  # set after it was built, as the app's
    view.show_data([], [], [_case(i, f"Gezin {i}") for i in range(1, 4)])
    view.resize(300, 500)  # narrower than the list may be: the splitter keeps its minimum
    view.show()
    qtbot.waitExposed(view)
    cases, columns = view.cases, view.columns
    assert cases.minimumWidth() >= sum(columns.needed(c) for c in (0, 1, 5))
    qtbot.waitUntil(lambda: cases.viewport().width() <= cases.minimumWidth())
    shown = [c for c in range(6) if not cases.isColumnHidden(c)]
    assert shown[:2] == [0, 1] and 5 in shown, shown
    assert cases.horizontalHeader().length() <= cases.viewport().width() + 1


def test_ctrl_f_puts_the_cursor_in_the_search(qtbot: QtBot) -> None:
    view = OverviewView()
    qtbot.addWidget(view)
    view.show_data([], [], [_case(i, f) for i, f in enumerate(["Jansen", "Bakker"], 1)])
    view.show()
    view.activateWindow()
    qtbot.waitActive(view)
    qtbot.keyClicks(view.search, "jan")
    view.cases.setFocus()
    qtbot.waitUntil(view.cases.hasFocus)
    qtbot.keyClick(view.cases, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert view.search.hasFocus() and view.search.selectedText() == "jan"
    qtbot.keyClicks(view.search, "bak")  # typing replaces the earlier search
    assert _shown(view) == ["Bakker"]
