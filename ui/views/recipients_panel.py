"""Verzendlijst of the Notulen screen: who receives the notulen, who not (why), and what to resolve."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from tafelapp.domain.rules.recipients import NO_ADDRESS
from tafelapp.services.distribution_service import Distribution


class RecipientsPanel(QWidget):
    """The list, and for each recipient without an e-mail address a field to resolve it."""

    address_given = Signal(str, str)  # participant id, e-mail address

    def __init__(self) -> None:
        super().__init__()
        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # narrow at 150 %
        self.summary = QLabel("")
        self.summary.setWordWrap(True)
        layout.addRow(self.summary)
        self.todo_title = QLabel("<b style='color:#8a5200'>Nog op te lossen</b>: deze mensen "
                                 "mogen de notulen ontvangen, maar hun e-mailadres is niet bekend.")
        self.todo_title.setWordWrap(True)
        layout.addRow(self.todo_title)
        self.form = layout
        self.fields: dict[str, QLineEdit] = {}
        self._rows: list[QWidget] = []
        self.todo_title.hide()
        self.after_last: QWidget | None = None  # where the cursor goes when nothing is missing
        self._shape: list[tuple[str, str]] | None = None  # the missing people the rows are for
        self._move_pending = False

    def show_distribution(self, who: Distribution) -> None:
        """Fill the list; each missing address gets a field and an 'Opslaan' button."""
        lines = [escape(f"✓ {r.name} ({r.email})") for r in who.included]
        lines += [escape(f"✗ {e.recipient.name}: {e.reason}") for e in who.excluded
                  if e.reason != NO_ADDRESS]
        self.summary.setText("<b>Verzendlijst</b><br/>" + "<br/>".join(lines))
        missing = [e.recipient for e in who.excluded if e.reason == NO_ADDRESS]
        shape = [(p.participant_id, p.name) for p in missing]
        if shape == self._shape:
            return  # the same people: their fields stay, with the focus and what is typed
        self._shape = shape
        focus = QApplication.focusWidget()
        # an address was just given (the cursor was here, or a move here is still to come: a
        # second reload before it must not lose it)
        typing_here = (focus is not None and self.isAncestorOf(focus)) or self._move_pending
        if focus is not None and self.isAncestorOf(focus):
            self.setFocus(Qt.FocusReason.OtherFocusReason)  # the panel holds the keys meanwhile:
            # removing the focused field would leave the focus nowhere until the move below
        for row in self._rows:
            self.form.removeRow(row)
        self._rows, self.fields = [], {}
        self.todo_title.setVisible(bool(missing))
        for person in missing:
            line = QWidget()
            box = QHBoxLayout(line)
            box.setContentsMargins(0, 0, 0, 0)
            edit = QLineEdit()
            edit.setMinimumWidth(60)
            edit.setPlaceholderText("naam@organisatie.nl")
            edit.setAccessibleName(f"E-mailadres van {person.name}")
            save = QPushButton("Opslaan")
            save.setAccessibleName(f"E-mailadres van {person.name} opslaan")
            box.addWidget(edit, 1)
            box.addWidget(save)
            pid = person.participant_id
            save.clicked.connect(lambda _c=False, p=pid, e=edit: self.address_given.emit(
                p, e.text().strip()))
            edit.returnPressed.connect(lambda p=pid, e=edit: self.address_given.emit(
                p, e.text().strip()))
            self.fields[pid] = edit
            label = QLabel(f"✗ {person.name}")
            label.setTextFormat(Qt.TextFormat.PlainText)
            self.form.addRow(label, line)
            self._rows.append(line)
        if typing_here:  # an address was just given: on to the next one, else onward
            self._move_pending = True
            QTimer.singleShot(0, self._cursor_on)

    def _cursor_on(self) -> None:
        # fields added to a shown form become visible a turn of the event loop later: a field
        # not hidden on purpose takes the focus now and has it once shown
        self._move_pending = False
        target = next(iter(self.fields.values()), None) or self.after_last
        if target is not None and not target.isHidden() and target.isEnabled():
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def clear(self) -> None:
        """Forget everything (on lock)."""
        self._shape, self._move_pending = None, False
        self.summary.clear()
        for row in self._rows:
            self.form.removeRow(row)
        self._rows, self.fields = [], {}
        self.todo_title.hide()
