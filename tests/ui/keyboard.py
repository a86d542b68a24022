"""A person at the keyboard: every key goes where Qt would send it (the open pop-up, the modal
dialog, else the widget with focus), never to a widget the test picked; no mouse at all.

Used by the keyboard-only walk (tests/ui/test_keyboard_walk.py) and bench/keyboard.py. A step that
cannot be done by keyboard fails with what has focus, so a mouse-only place cannot hide.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QDeadlineTimer, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLineEdit, QMainWindow, QWidget

from tests.ui import keys

Mod = Qt.KeyboardModifier


class NoKeyboardRoute(AssertionError):
    """The walk could not reach a control by keyboard."""


def describe(widget: QWidget | None) -> str:
    """What a screen reader would say of a widget (its class for the record)."""
    if widget is None:
        return "niets (geen focus)"
    text = widget.text() if isinstance(widget, (QAbstractButton, QLineEdit)) else ""
    name = widget.accessibleName() or text or widget.objectName()
    return f"{type(widget).__name__} '{name}'"


def announced(widget: QWidget) -> str:
    """The name a screen reader announces: the accessible name, else a button's text."""
    if widget.accessibleName():
        return widget.accessibleName()
    if isinstance(widget, QAbstractButton):
        return widget.text().replace("&", "")
    return ""


@dataclass
class Keyboard:
    """Keys sent to where they go; counts keystrokes, Tab presses and every value typed."""

    keystrokes: int = 0
    tabs: int = 0
    mouse_actions: int = 0  # stays 0: there is no method for it
    secret_keystrokes: int = 0
    values: list[str] = field(default_factory=list)
    log: list[str] = field(default_factory=list)
    phases: dict[str, int] = field(default_factory=dict)
    home: QWidget | None = None  # the app's main window (another test's may still be open)
    _phase_start: int = 0

    # -- where keys go --------------------------------------------------------------------
    def target(self) -> QWidget:
        """The widget a key press reaches: the open pop-up, then the focus widget, then the
        active modal dialog or window."""
        window_manager(self.home)
        for candidate in (QApplication.activePopupWidget(), QApplication.focusWidget(),
                          QApplication.activeModalWidget(), QApplication.activeWindow()):
            if candidate is not None:
                return candidate
        raise NoKeyboardRoute("geen venster heeft de toetsenbordfocus")

    @staticmethod
    def focus() -> QWidget | None:
        """The widget with keyboard focus."""
        return QApplication.focusWidget()

    # -- typing ---------------------------------------------------------------------------
    def key(self, key: Qt.Key, modifier: Mod = Mod.NoModifier, times: int = 1) -> None:
        """Press (and release) one key, `times` times."""
        for _ in range(times):
            self.target()  # fails with a clear message when nothing has the keyboard
            keys.press(key, modifier)
            self.keystrokes += 1

    def type(self, text: str, secret: bool = False) -> None:
        """Type text into whatever has focus."""
        self.log.append(f"typ in {describe(self.focus())}: {'•' * len(text) if secret else text}")
        self.target()
        keys.type_text(text)
        if secret:
            self.secret_keystrokes += len(text)
        else:
            self.keystrokes += len(text)
            self.values.append(text)

    def search(self, letters: str) -> None:
        """Type the first letters of a choice (a drop-down's or a suggestion list's type-ahead):
        keystrokes, but no value of the record's own."""
        self.log.append(f"zoek in {describe(self.focus())}: {letters}")
        self.target()
        keys.type_text(letters)
        self.keystrokes += len(letters)

    def tab(self, times: int = 1, back: bool = False) -> None:
        """Tab (or Shift+Tab) through the fields."""
        for _ in range(times):
            self.key(Qt.Key.Key_Backtab if back else Qt.Key.Key_Tab,
                     Mod.ShiftModifier if back else Mod.NoModifier)
            self.tabs += 1

    def enter(self) -> None:
        self.key(Qt.Key.Key_Return)

    def escape(self) -> None:
        self.key(Qt.Key.Key_Escape)

    def space(self) -> None:
        self.key(Qt.Key.Key_Space)

    def down(self, times: int = 1) -> None:
        self.key(Qt.Key.Key_Down, times=times)

    def alt(self, letter: str) -> None:
        """Alt+letter or Alt+digit: a mnemonic or shortcut (waits for the button's click)."""
        self.target()
        self.log.append(f"Alt+{letter} op {describe(self.focus())}")
        keys.alt(letter)
        self.keystrokes += 1

    def ctrl(self, letter: str) -> None:
        self.key(getattr(Qt.Key, f"Key_{letter.upper()}"), Mod.ControlModifier)

    # -- finding a field as a person does: Tab until it has focus ---------------------------
    def tab_to(self, wanted: Callable[[QWidget], bool] | str, limit: int = 80,
               back: bool = False) -> QWidget:
        """Press Tab until the focus is on the wanted field (by the name a screen reader says,
        or a test); fails after `limit` presses or when focus goes round without finding it."""
        test = wanted if callable(wanted) else (lambda w: announced(w) == wanted)
        seen: list[str] = []
        for _ in range(limit):
            current = self.focus()
            if current is not None and test(current):
                return current
            seen.append(describe(current))
            self.tab(back=back)
        raise NoKeyboardRoute(f"niet bereikbaar met Tab: {wanted!r}; focus ging langs "
                              f"{' → '.join(seen[-25:])}")

    def choose(self, text: str) -> None:
        """In a focused drop-down: type the start of an option (Qt's keyboard search), check it."""
        combo = self.focus()
        assert isinstance(combo, QComboBox), describe(combo)
        for index in range(combo.count()):
            if combo.itemText(index).lower().startswith(text.lower()):
                break
        else:
            raise NoKeyboardRoute(f"{describe(combo)} heeft geen keuze {text!r}")
        # Up/Down walk the options as a person does when typing-to-search is ambiguous
        steps = index - combo.currentIndex()
        self.key(Qt.Key.Key_Down if steps > 0 else Qt.Key.Key_Up, times=abs(steps))
        assert combo.currentText() == combo.itemText(index), (combo.currentText(), text)

    def phase(self, name: str) -> None:
        """Close the running phase under `name`."""
        self.phases[name] = self.keystrokes - self._phase_start
        self._phase_start = self.keystrokes

    def repeated(self) -> dict[str, int]:
        """Every value typed more than once (case and spaces aside)."""
        counts = Counter(" ".join(v.lower().split()) for v in self.values if len(v.strip()) > 2)
        return {v: n for v, n in counts.items() if n > 1}


def window_manager(home: QWidget | None = None) -> None:
    """What a window manager does when a window opens or closes: the keyboard goes to the modal
    dialog that is open, else to the app's main window. The offscreen platform the tests run
    on has no window manager, so otherwise nothing (or an earlier test's window) would have it."""
    if QApplication.activePopupWidget() is not None:
        return
    active = QApplication.activeWindow()
    below = QApplication.activeModalWidget() or home or next(
        (w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow)
         and w.isVisible()), None)
    if below is not None and active is not below:
        below.activateWindow()
        QCoreApplication.processEvents()


def wait_until(check: Callable[[], bool], timeout: int = 20_000, what: str = "") -> None:
    """Process events until `check` holds (a person waits for the screen)."""
    deadline = QDeadlineTimer(timeout)
    while not check():
        if deadline.hasExpired():
            raise TimeoutError(f"het scherm werd niet klaar: {what}; focus op "
                               f"{describe(QApplication.focusWidget())}")
        QCoreApplication.processEvents()
        QTest.qWait(5)
