"""Ask before typed work is thrown away: Escape, 'Annuleren' or the close button of a dialog."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

QUESTION = "Wijzigingen weggooien?"


def ask_discard(parent: QWidget, on_discard: Callable[[], None]) -> QMessageBox:
    """'Wijzigingen weggooien?' with Ja/Nee; Nee (keep editing) is the default and Escape's answer.

    Non-blocking: `on_discard` runs only after 'Ja'.
    """
    box = QMessageBox(QMessageBox.Icon.Question, QUESTION,
                      "U heeft gegevens ingevuld die nog niet zijn opgeslagen. Wilt u die "
                      "weggooien?", QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("discard_question")
    yes = box.addButton("&Ja, weggooien", QMessageBox.ButtonRole.DestructiveRole)
    no = box.addButton("&Nee, verder invullen", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no)
    box.setEscapeButton(no)
    box.setAccessibleName(QUESTION)

    def done(_result: int) -> None:
        if box.clickedButton() is yes:
            on_discard()
    box.finished.connect(done)
    box.open()
    return box


class DiscardGuard:
    """Mix into a QDialog (before QDialog) that holds typed content.

    The dialog calls `mark_clean()` once its fields show what is stored (or the defaults);
    `typed_state()` returns what the user typed, comparable with `==`. `reject()` (Escape,
    'Annuleren', the window's close button) then asks before anything typed is lost.
    """

    _clean_state: Any = None
    discard_box: QMessageBox | None = None

    def typed_state(self) -> Any:
        """What the user has typed so far (override)."""
        raise NotImplementedError

    def mark_clean(self) -> None:
        """The fields as they are now count as 'nothing typed yet'."""
        self._clean_state = self.typed_state()

    def has_typed_changes(self) -> bool:
        """Whether closing now would lose something the user typed."""
        return bool(self.typed_state() != self._clean_state)

    def reject(self) -> None:
        """Close without saving, after asking when something typed would be lost."""
        assert isinstance(self, QDialog)
        dialog: QDialog = self
        if not self.has_typed_changes():
            QDialog.reject(dialog)
            return
        if self.discard_box is not None and self.discard_box.isVisible():
            return
        self.discard_box = ask_discard(dialog, lambda: QDialog.reject(dialog))
