"""The screens as a Dutch user meets them: Qt's own buttons in Dutch, Tab moves on in a text
field, no stray ampersand, and the DEMO banner on the demo vault (and only there)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from tafelapp.domain.steps import MeetingStep
from tests.ui.conftest import App


def test_qt_speaks_dutch_and_the_demo_says_it_is_a_demo(make_app: Callable[..., App]) -> None:
    app = make_app(demo=True)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel
                               | QDialogButtonBox.StandardButton.Yes)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Annuleren"
    assert buttons.button(QDialogButtonBox.StandardButton.Yes).text() == "&Ja"
    assert app.window.demo_banner.isVisible()


def test_no_demo_banner_on_a_real_vault(make_app: Callable[..., App],
                                        jbt_vault: dict[str, Any]) -> None:
    app = make_app(jbt_vault["path"])
    app.unlock()
    assert not app.window.demo_banner.isVisible()


def test_tab_leaves_a_text_field_and_no_ampersand_shows(make_app: Callable[..., App]) -> None:
    app = make_app(demo=True)
    window = app.window
    item_id = window.overview_view.meetings.item(0).data(256)
    window.show_agenda(item_id)
    app.settle()
    window.agenda_view.start.click()
    app.settle()
    view = window.meeting_view
    view.go_to(MeetingStep.SAFETY_PLAN)
    app.settle()
    plan = view.pages[MeetingStep.SAFETY_PLAN]
    field = plan.fields["worries"]  # type: ignore[attr-defined]
    field.setFocus()
    before = field.toPlainText()
    app.qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert field.toPlainText() == before and "\t" not in field.toPlainText()
    assert not field.hasFocus()
    agreements = view.pages[MeetingStep.AGREEMENTS]
    labels = [w for w in agreements.findChildren(QLabel) if w.text() == "&Uiterlijk"]
    assert labels and labels[0].buddy() is agreements.due  # type: ignore[attr-defined]
