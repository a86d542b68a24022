"""A name field with type-ahead over the address book: pick a person, or type a new name."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QCompleter, QLineEdit

from tafelapp.domain.directory import name_key


class PersonPicker(QLineEdit):
    """Type a few letters of a name, function or organisation; the matching people drop down.

    ↓ and Enter (or a click) on a suggestion only picks it: the field gets the name and `picked`
    says who, so the form can show the person's usual role and organisation before anything is
    added. Enter on an open list never reaches `returnPressed`. `person_id()` is the picked
    person (None for a name that is not in the book yet).
    """

    picked = Signal(str)

    def __init__(self, accessible: str, placeholder: str = "Typ een naam of organisatie…") -> None:
        super().__init__()
        self.setAccessibleName(accessible)
        self.setPlaceholderText(placeholder)
        self._ids: dict[str, str] = {}
        self._names: dict[str, str] = {}
        self._model = QStringListModel(self)
        completer = QCompleter(self._model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setMaxVisibleItems(12)
        self.setCompleter(completer)
        completer.activated.connect(self._on_completer_activated)

    def set_people(self, people: list[tuple[str, str, str]]) -> None:
        """(id, label shown in the list, name put in the field) for everyone who can be picked."""
        self._ids = {label: pid for pid, label, _ in people}
        self._names = {label: name for _, label, name in people}
        self._by_name = {name_key(name): pid for pid, _, name in people}
        self._model.setStringList([label for _, label, _ in people])

    def choose(self, label: str) -> None:
        """Pick an entry as if it were chosen from the drop-down (also used by tests and bench)."""
        self._on_completer_activated(label)

    def _on_completer_activated(self, label: str) -> None:
        if label in self._names:
            self.setText(self._names[label])
            self.picked.emit(self._ids[label])

    def keyPressEvent(self, event: QKeyEvent) -> None:
        popup = self.completer().popup() if self.completer() else None
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and popup is not None \
                and popup.isVisible():
            event.ignore()  # the completer takes the highlighted suggestion; nothing else
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        # QLineEdit connects the completer to its own setText on every focus-in; the name must be
        # set after that (else the display text "Naam — functie, organisatie" stays in the field).
        completer = self.completer()
        if completer is not None:
            completer.activated.disconnect(self._on_completer_activated)
            completer.activated.connect(self._on_completer_activated)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        # Tab away from a highlighted suggestion: the field holds its display text; pick it.
        if self.text() in self._names:
            self._on_completer_activated(self.text())
        super().focusOutEvent(event)

    def person_id(self) -> str | None:
        """The person whose name is in the field, if they are in the address book."""
        text = self.text().strip()
        if text in self._ids:
            return self._ids[text]
        return getattr(self, "_by_name", {}).get(name_key(text)) if text else None


def attach_completer(edit: QLineEdit) -> QStringListModel:
    """Give a line edit a type-ahead list (matching anywhere, any case); returns its model."""
    model = QStringListModel(edit)
    completer = QCompleter(model, edit)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    edit.setCompleter(completer)
    return model
