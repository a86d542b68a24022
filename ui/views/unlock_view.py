"""Unlock or create the vault; the lock screen shows no case data at all."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from tafelapp.domain.passphrase import MIN_LENGTH, passphrase_problems

RULE_TEXT = (f"Kies een wachtwoordzin van minstens {MIN_LENGTH} tekens, bijvoorbeeld een paar "
             "losse woorden met een cijfer. Zonder deze zin is de kluis niet te openen; niemand "
             "kan hem herstellen.")


def failure_delay_seconds(failures: int) -> int:
    """Wait before the next try after repeated wrong passphrases: 0, 0, 2, 4, 8 … up to 30 s."""
    if failures < 2:
        return 0
    return int(min(30, 2 ** (failures - 1)))


class UnlockView(QWidget):
    """Two faces: 'open the vault' (passphrase) and 'first start' (create, or open the demo)."""

    unlock_requested = Signal(str)
    create_requested = Signal(str)
    demo_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._failures = 0
        self._wait = 0
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)

        card = QFrame()
        card.setObjectName("unlockCard")
        card.setMaximumWidth(560)
        card.setStyleSheet("#unlockCard { background: white; border: 1px solid #cfd8dc; "
                           "border-radius: 8px; }")
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card, 3)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

        layout = QVBoxLayout(card)
        layout.setContentsMargins(28, 24, 28, 24)
        self.title = QLabel("Tafelapp")
        self.title.setStyleSheet("font-size: 20pt; font-weight: 600;")
        layout.addWidget(self.title)
        self.pages = QStackedWidget()
        layout.addWidget(self.pages)

        # Page 0: open an existing vault.
        open_page = QWidget()
        form = QVBoxLayout(open_page)
        self.open_hint = QLabel("De kluis is vergrendeld. Vul uw wachtwoordzin in.")
        self.open_hint.setWordWrap(True)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText("Wachtwoordzin")
        self.passphrase.setAccessibleName("Wachtwoordzin")
        self.open_button = QPushButton("Openen")
        self.open_button.setDefault(True)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #8a5200;")
        form.addWidget(self.open_hint)
        form.addWidget(self.passphrase)
        form.addWidget(self.open_button)
        form.addWidget(self.message)
        self.pages.addWidget(open_page)
        self.passphrase.returnPressed.connect(self._submit_unlock)
        self.open_button.clicked.connect(self._submit_unlock)

        # Page 1: first start.
        create_page = QWidget()
        create = QVBoxLayout(create_page)
        intro = QLabel("Welkom. Er is op deze computer nog geen kluis. Maak een nieuwe, "
                       "versleutelde kluis, of bekijk eerst de demo met fictieve gegevens.")
        intro.setWordWrap(True)
        rule = QLabel(RULE_TEXT)
        rule.setWordWrap(True)
        rule.setStyleSheet("color: #455a64;")
        fields = QFormLayout()
        self.new_passphrase = QLineEdit()
        self.new_passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_passphrase.setAccessibleName("Nieuwe wachtwoordzin")
        self.repeat_passphrase = QLineEdit()
        self.repeat_passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_passphrase.setAccessibleName("Herhaal de wachtwoordzin")
        fields.addRow("&Wachtwoordzin", self.new_passphrase)
        fields.addRow("&Herhaal", self.repeat_passphrase)
        self.strength = QLabel("")
        self.strength.setWordWrap(True)
        self.create_button = QPushButton("Kluis aanmaken")
        self.create_button.setEnabled(False)
        self.demo_button = QPushButton("Demo openen (fictieve gegevens)")
        for widget in (intro, rule):
            create.addWidget(widget)
        create.addLayout(fields)
        create.addWidget(self.strength)
        buttons = QHBoxLayout()
        buttons.addWidget(self.create_button)
        buttons.addWidget(self.demo_button)
        create.addLayout(buttons)
        self.pages.addWidget(create_page)
        self.new_passphrase.textChanged.connect(self._check_new)
        self.repeat_passphrase.textChanged.connect(self._check_new)
        self.repeat_passphrase.returnPressed.connect(self._submit_create)
        self.create_button.clicked.connect(self._submit_create)
        self.demo_button.clicked.connect(self.demo_requested)

    def show_open(self, hint: str | None = None) -> None:
        """Ask for the passphrase of an existing vault."""
        self.pages.setCurrentIndex(0)
        self.passphrase.clear()
        self.open_hint.setText(hint or "De kluis is vergrendeld. Vul uw wachtwoordzin in.")
        self.set_busy(False)
        self.passphrase.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_first_start(self) -> None:
        """Offer to create a new vault or to open the demo."""
        self.pages.setCurrentIndex(1)
        self.new_passphrase.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_busy(self, busy: bool, text: str = "") -> None:
        """Disable the controls while the key is being derived."""
        for w in (self.passphrase, self.open_button, self.create_button, self.demo_button):
            w.setEnabled(not busy and (w is not self.open_button or self._wait == 0))
        if busy:
            self.message.setText(text or "Bezig met openen…")
        elif self.pages.currentIndex() == 1:
            self._check_new()

    def wrong_passphrase(self) -> None:
        """A calm message; after repeated failures a growing wait before the next try."""
        self._failures += 1
        self.passphrase.clear()
        self._wait = failure_delay_seconds(self._failures)
        self.set_busy(False)
        self._tick(initial=True)

    def reset_failures(self) -> None:
        """After a successful unlock."""
        self._failures = 0
        self._wait = 0
        self.message.setText("")

    @property
    def failures(self) -> int:
        """Wrong passphrases in a row."""
        return self._failures

    def _tick(self, initial: bool = False) -> None:
        if not initial and self._wait > 0:
            self._wait -= 1
        base = "Deze wachtwoordzin opent de kluis niet. Controleer hoofdletters en probeer het opnieuw."
        if self._wait > 0:
            self.message.setText(f"{base} U kunt het over {self._wait} seconden opnieuw proberen.")
            self.open_button.setEnabled(False)
            self.passphrase.setEnabled(False)
            self._timer.start()
        else:
            self.message.setText(base)
            self.open_button.setEnabled(True)
            self.passphrase.setEnabled(True)
            self.passphrase.setFocus()
            self._timer.stop()

    def _submit_unlock(self) -> None:
        if self._wait > 0 or not self.passphrase.text():
            return
        self.set_busy(True)
        self.unlock_requested.emit(self.passphrase.text())

    def _check_new(self) -> None:
        phrase = self.new_passphrase.text()
        problems = passphrase_problems(phrase) if phrase else []
        lines = [p.message for p in problems]
        if phrase and not problems and self.repeat_passphrase.text() != phrase:
            lines.append("de herhaling is nog niet gelijk")
        if phrase and not lines:
            self.strength.setStyleSheet("color: #2e7d32;")
            self.strength.setText("Goede wachtwoordzin.")
        else:
            self.strength.setStyleSheet("color: #8a5200;")
            self.strength.setText("\n".join(f"• De wachtwoordzin {m}" if not m.startswith("de ")
                                            else f"• {m[:1].upper()}{m[1:]}" for m in lines))
        self.create_button.setEnabled(bool(phrase) and not lines)

    def _submit_create(self) -> None:
        if self.create_button.isEnabled():
            self.set_busy(True, "Kluis wordt aangemaakt…")
            self.create_requested.emit(self.new_passphrase.text())
