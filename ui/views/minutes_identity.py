"""The signing-identity actions of the Notulen screen: make, import and link an identity."""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from tafelapp.domain.minutes import Minutes
from tafelapp.domain.problems import InvalidInput
from tafelapp.services import minutes_service
from tafelapp.services.directory_service import Directory
from tafelapp.services.identity_service import MIN_PIN, new_pin_problems
from ui.text import problem_line
from ui.workers import DbExecutor


class IdentityActions:
    """Mixed into MinutesView; uses its executor, identity list, message label and reload."""

    executor: DbExecutor
    identity: QComboBox
    message: QLabel
    minutes: Minutes | None
    holders: dict[str, str]
    book: Directory

    def _widget(self) -> QWidget:
        return cast(QWidget, self)

    def _act(self, job: Any, done_text: str = "") -> None:
        raise NotImplementedError

    def _show_error(self, exc: Exception) -> None:
        raise NotImplementedError

    def reload(self) -> None:
        raise NotImplementedError

    def _on_new_identity_clicked(self) -> None:
        book = getattr(self, "book", None)
        names = [p.name for p in book.people] if book else []
        role = self.minutes.next_role.value if self.minutes and self.minutes.next_role else ""
        holder = self.holders.get(role, "")
        if holder and holder not in names:
            names.insert(0, holder)
        name, ok = QInputDialog.getItem(self._widget(), "Lokale identiteit", "Voor wie (uit het adresboek, "
                                        "of typ een naam)?", names,
                                        names.index(holder) if holder in names else 0, True)
        if not ok or not name.strip():
            return
        pins = self.ask_new_pin(name)
        if pins is not None:
            pin, again = pins
            self._act(lambda s: minutes_service.create_local_identity(s, name, pin, again),
                      "Lokale identiteit gemaakt (gelabeld als pilot, geen PKIoverheid).")

    def ask_new_pin(self, name: str) -> tuple[str, str] | None:
        """The new PIN, typed twice the same; a mismatch or a short PIN is said in the dialog
        (at the field) and asked again; None when cancelled (nothing is made)."""
        said = ""
        while True:
            pin, ok = QInputDialog.getText(
                self._widget(), "Lokale identiteit",
                f"{said}Kies een pincode voor {name} (minstens {MIN_PIN} tekens):",
                QLineEdit.EchoMode.Password)
            if not ok:
                return None
            again, ok = QInputDialog.getText(
                self._widget(), "Lokale identiteit", "Typ dezelfde pincode nog een keer:",
                QLineEdit.EchoMode.Password)
            if not ok:
                return None
            problems = new_pin_problems(pin, again)
            if not problems:
                return pin, again
            said = problem_line(problems[0]) + ".\n"

    def _on_import_identity_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self._widget(), "PKCS#12 importeren", str(Path.home()),
                                              "PKCS#12 (*.p12 *.pfx)")
        if not path:
            return
        pin, ok = QInputDialog.getText(self._widget(), "PKCS#12 importeren", "Pincode van het bestand:",
                                       QLineEdit.EchoMode.Password)
        if ok:
            data = Path(path).read_bytes()
            self._act(lambda s: minutes_service.import_identity(s, data, pin),
                      "Identiteit geïmporteerd.")

    def _on_link_identity_clicked(self) -> None:
        identity_id = self.identity.currentData()
        book = getattr(self, "book", None)
        if not identity_id or book is None or not book.people:
            self.message.setText("Kies eerst een identiteit; het adresboek mag niet leeg zijn.")
            return
        names = [book.label(p) for p in book.people]
        label, ok = QInputDialog.getItem(self._widget(), "Identiteit koppelen",
                                         "Van wie is dit certificaat?", names, 0, False)
        if ok:
            person = book.people[names.index(label)]
            self.link_selected_identity(person.id)

    def link_selected_identity(self, person_id: str, confirmed: bool = False) -> None:
        """Link the chosen identity to a person; a differently written name is confirmed once."""
        identity_id = self.identity.currentData()

        def refused(exc: Exception) -> None:
            problem = exc.problems[0] if isinstance(exc, InvalidInput) else None
            if (problem is not None and problem.code == "identity.confirm_link"
                    and not confirmed and self.confirm_link(problem.message)):
                self.link_selected_identity(person_id, confirmed=True)
            else:
                self._show_error(exc)

        def linked(_identity: object) -> None:
            self.message.setText("Identiteit gekoppeld.")
            self.reload()
        self.executor.submit(lambda s: minutes_service.link_identity(s, identity_id, person_id,
                                                                     confirm=confirmed),
                             linked, refused)

    def confirm_link(self, question: str) -> bool:
        """Ask whether the certificate's name and the person's name are the same person."""
        answer = QMessageBox.question(self._widget(), "Zelfde persoon?",
                                      question[:1].upper() + question[1:] + ".")
        return answer == QMessageBox.StandardButton.Yes


    def _on_smartcard_clicked(self) -> None:
        """Module, card, certificate, PIN: a smartcard becomes a signing identity."""
        modules = minutes_service.smartcard_modules()
        module, ok = QInputDialog.getItem(self._widget(), "Smartcard", "PKCS#11-module van de "
                                          "kaartlezer:", modules or [""], 0, True)
        if ok and module.strip():
            self.executor.run(lambda: minutes_service.smartcard_contents(module.strip()),
                              lambda cards: self._choose_card(module.strip(), cards),
                              self._show_error)

    def _choose_card(self, module: str, cards: dict[str, list[str]]) -> None:
        choices = [f"{card} — {label}" for card, labels in cards.items() for label in labels]
        if not choices:
            self.message.setText("Er zit geen smartcard met een certificaat in de lezer.")
            return
        picked, ok = QInputDialog.getItem(self._widget(), "Smartcard", "Kaart en certificaat:",
                                          choices, 0, False)
        if not ok:
            return
        card, label = picked.split(" — ", 1)
        pin, ok = QInputDialog.getText(self._widget(), "Smartcard", "Pincode van de kaart:",
                                       QLineEdit.EchoMode.Password)
        if ok:
            self._act(lambda s: minutes_service.register_token_identity(s, module, card, label,
                                                                        pin),
                      "Smartcard toegevoegd; kies haar bij Identiteit om te ondertekenen.")
