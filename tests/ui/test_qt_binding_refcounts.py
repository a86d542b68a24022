"""The Qt binding keeps Python's reference counts: PySide6 6.12.0 took a reference from None on
every call that returns nothing (setText, setFocus, processEvents, QTest.keyClick), so after some
tens of thousands of such calls a session died with "Fatal Python error: none_dealloc" (found by
the keyboard walk). This guards the pinned version and any upgrade."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot


def test_calls_that_return_nothing_leave_none_s_reference_count_alone(qtbot: QtBot) -> None:
    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.show()
    calls = 2_000
    before = sys.getrefcount(None)
    for _ in range(calls):
        edit.setText("x")
        edit.setFocus()
        QTest.keyClick(edit, Qt.Key.Key_5)
        QApplication.processEvents()
    lost = before - sys.getrefcount(None)
    assert lost < calls // 10, f"None lost {lost} references over {calls} rounds of Qt calls"
