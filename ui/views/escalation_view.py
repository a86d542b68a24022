"""Escalation to the stuurgroep: the form, exactly what will leave (preview), and the status steps."""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from tafelapp.domain.escalation import (
    STATUS_NL,
    URGENCY_NL,
    Escalation,
    EscalationStatus,
    RegionSubject,
)
from tafelapp.domain.problems import InvalidInput, Problem
from tafelapp.services import escalation_service, minutes_service
from tafelapp.services.session import Session
from ui.text import problems_line
from ui.widgets.fit import no_sideways
from ui.widgets.header import header_row
from ui.workers import DbExecutor


def parse_attempts(text: str) -> list[dict[str, Any]]:
    """Lines `dd-mm-jjjj: wat er geprobeerd is` as attempts; a bad date names the line."""
    attempts = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        day, _, description = line.partition(":")
        try:
            on = dt.datetime.strptime(day.strip(), "%d-%m-%Y").date()
        except ValueError:
            raise InvalidInput([Problem("escalation.attempt_date", f"attempts.{number}",
                                        f"regel {number}: begin met een datum als 22-11-2026 "
                                        "gevolgd door een dubbele punt")]) from None
        attempts.append({"on": on, "description": description.strip()})
    return attempts


class EscalationView(QWidget):
    """Left: the escalation; right: the dossier exactly as the stuurgroep will get it."""

    back_requested = Signal()
    documents_queued = Signal()

    def __init__(self, executor: DbExecutor) -> None:
        super().__init__()
        self.executor = executor
        self.escalation: Escalation | None = None
        self.case_id = ""
        self.region: RegionSubject | None = None  # a case only the region holds
        layout = QVBoxLayout(self)
        top, self.back, self.header = header_row("Werklijst")
        layout.addLayout(top)
        splitter = QSplitter()
        left = QWidget()
        form = QFormLayout(left)
        self.stuck = QPlainTextEdit()
        self.partners = QLineEdit()
        self.partners.setPlaceholderText("Partners, gescheiden door komma's")
        self.attempts = QPlainTextEdit()
        self.attempts.setPlaceholderText("22-10-2026: overleg met de GI over een plek")
        self.question = QPlainTextEdit()
        self.urgency = QComboBox()
        for value, label in URGENCY_NL.items():
            self.urgency.addItem(label, value.value)
        for widget, name in ((self.stuck, "Wat zit er vast"), (self.partners, "Partners"),
                             (self.attempts, "Wat is er geprobeerd"),
                             (self.question, "Vraag aan de stuurgroep"),
                             (self.urgency, "Urgentie")):
            widget.setAccessibleName(name)
            form.addRow(name, widget)
        self.names = QCheckBox("Namen meesturen (niet gepseudonimiseerd)")
        self.reason = QLineEdit()
        self.reason.setPlaceholderText("Reden (verplicht, komt in het logboek)")
        form.addRow(self.names)
        form.addRow("Reden", self.reason)
        self.save = QPushButton("Concept opslaan en voorbeeld tonen")
        form.addRow(self.save)
        self.identity = QComboBox()
        self.identity.setAccessibleName("Identiteit om de opschaling mee te ondertekenen")
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow("Identiteit", self.identity)
        form.addRow("Pincode", self.pin)
        self.submit = QPushButton("Ondertekenen en indienen bij de stuurgroep")
        form.addRow(self.submit)
        self.decision = QPlainTextEdit()
        self.decision.setPlaceholderText("Besluit van de stuurgroep")
        self.follow_up = QPlainTextEdit()
        self.follow_up.setPlaceholderText("Vervolgafspraken, één per regel")
        form.addRow("Besluit", self.decision)
        form.addRow("Vervolg", self.follow_up)
        self.advance = QPushButton("Volgende status")
        form.addRow(self.advance)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #8a5200;")
        form.addRow(self.message)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no Tab stop of its own (invisible)
        scroll.setWidget(left)
        no_sideways(scroll)
        splitter.addWidget(scroll)
        self.preview = QTextBrowser()
        self.preview.setAccessibleName("Wat de stuurgroep krijgt")
        splitter.addWidget(self.preview)
        splitter.setSizes([560, 700])
        layout.addWidget(splitter, 1)
        self.back.clicked.connect(self.back_requested)
        self.save.clicked.connect(self._on_save_clicked)
        self.submit.clicked.connect(self._on_submit_clicked)
        self.advance.clicked.connect(self._on_advance_clicked)

    def open_case(self, case_id: str) -> None:
        """Show the open escalation of a case, or an empty form for a new one."""
        self.case_id, self.region = case_id, None

        def load(s: Session) -> tuple[list[Escalation], list[Any]]:
            return (escalation_service.escalations(s, case_id=case_id),
                    minutes_service.list_identities(s))
        self.executor.submit(load, self._loaded, self._error)

    def open_region(self, region: RegionSubject) -> None:
        """The open escalation of a region line's zaak, or an empty form with what the region
        holds of it (pseudonymous: the region holds no names)."""
        self.case_id, self.region = "", region

        def load(s: Session) -> tuple[list[Escalation], list[Any]]:
            return (escalation_service.escalations(s, zaak_url=region.zaak_url),
                    minutes_service.list_identities(s))
        self.executor.submit(load, self._loaded, self._error)

    def _loaded(self, loaded: tuple[list[Escalation], list[Any]]) -> None:
        found, identities = loaded
        open_ones = [e for e in found if e.status is not EscalationStatus.CLOSED]
        self.escalation = open_ones[-1] if open_ones else None
        self.identity.clear()
        for ident in identities:
            self.identity.addItem(ident.owner_name, ident.id)
        e = self.escalation
        for widget in (self.stuck, self.attempts, self.question, self.decision, self.follow_up):
            widget.clear()
        self.partners.clear()
        self.message.clear()
        if e is not None:
            self.stuck.setPlainText(e.stuck)
            self.partners.setText(", ".join(e.partners))
            self.attempts.setPlainText("\n".join(f"{a.on:%d-%m-%Y}: {a.description}"
                                                 for a in e.attempts))
            self.question.setPlainText(e.question)
            self.urgency.setCurrentIndex(self.urgency.findData(e.urgency.value))
            self.names.setChecked(not e.pseudonymised)
            self.reason.setText(e.depseudonymise_reason or "")
            self.decision.setPlainText(e.decision)
            self.follow_up.setPlainText("\n".join(e.follow_up))
            self._preview()
        elif self.region is not None:
            self.preview.setHtml("<h3>Wat de regio van deze casus weet</h3><ul>" + "".join(
                f"<li>{html.escape(f)}</li>" for f in self.region.facts) + "</ul>")
            self.stuck.setPlainText("\n".join(f for f in self.region.facts
                                              if f.startswith(("Termijn", "Casusregie",
                                                               "Open afspraak"))))
        else:
            self.preview.clear()
        self._sync()

    def _sync(self) -> None:
        e = self.escalation
        status = e.status if e else EscalationStatus.CONCEPT
        self.header.setText(f"Opschaling — {STATUS_NL[status]}" + (
            " (gepseudonimiseerd)" if not e or e.pseudonymised else " (met namen)"))
        concept = status is EscalationStatus.CONCEPT
        for widget in (self.stuck, self.partners, self.attempts, self.question, self.urgency,
                       self.names, self.reason, self.save, self.submit):
            widget.setEnabled(concept)
        if self.region is not None:  # no names exist at the region: nothing to send along
            self.names.setChecked(False)
            self.names.setEnabled(False)
            self.reason.setEnabled(False)
            self.header.setText(self.header.text() + f" — {self.region.case_number}, "
                                f"{self.region.table_name} (uit de regio)")
        self.advance.setEnabled(not concept and status is not EscalationStatus.CLOSED)

    def _fields(self) -> dict[str, Any]:
        return {"stuck": self.stuck.toPlainText(), "question": self.question.toPlainText(),
                "partners": [p.strip() for p in self.partners.text().split(",") if p.strip()],
                "attempts": parse_attempts(self.attempts.toPlainText()),
                "urgency": self.urgency.currentData()}

    def _on_save_clicked(self) -> None:
        try:
            fields = self._fields()
        except InvalidInput as exc:
            self._error(exc)
            return
        existing = self.escalation.id if self.escalation else None
        case_id, region = self.case_id, self.region
        names, reason = self.names.isChecked(), self.reason.text()

        def save(s: Session) -> Escalation:
            e = (escalation_service.update_escalation(s, existing, **fields) if existing
                 else escalation_service.start_region_escalation(s, region, **fields) if region
                 else escalation_service.start_escalation(s, case_id, **fields))
            if names != (not e.pseudonymised):
                e = escalation_service.set_pseudonymisation(s, e.id, not names, reason or None)
            return e
        self.executor.submit(save, self._saved, self._error)

    def _saved(self, escalation: Escalation) -> None:
        self.escalation = escalation
        self.message.setText("Opgeslagen. Rechts staat precies wat de stuurgroep krijgt.")
        self._preview()
        self._sync()

    def _preview(self) -> None:
        if self.escalation is not None:
            escalation_id = self.escalation.id
            self.executor.submit(lambda s: escalation_service.dossier_preview(s, escalation_id),
                                 self.preview.setHtml, self._error)

    def _on_submit_clicked(self) -> None:
        if self.escalation is None:
            self.message.setText("Sla eerst het concept op.")
            return
        escalation_id, identity, pin = self.escalation.id, self.identity.currentData(), \
            self.pin.text()
        self.pin.clear()

        def done(e: Escalation) -> None:
            self._saved(e)
            self.message.setText("Ingediend: het ondertekende dossier staat in de outbox.")
            self.documents_queued.emit()
        self.executor.submit(lambda s: escalation_service.submit(s, escalation_id, identity, pin),
                             done, self._error)

    def _on_advance_clicked(self) -> None:
        if self.escalation is None:
            return
        from tafelapp.domain.escalation import NEXT_STATUS
        target = NEXT_STATUS[self.escalation.status]
        escalation_id = self.escalation.id
        decision = self.decision.toPlainText()
        follow = [line.strip() for line in self.follow_up.toPlainText().splitlines()
                  if line.strip()]
        self.executor.submit(lambda s: escalation_service.advance(
            s, escalation_id, target, decision=decision, follow_up=follow), self._saved,
            self._error)

    def _error(self, exc: Exception) -> None:
        self.message.setText(problems_line(exc.problems) if isinstance(exc, InvalidInput)
                             else f"Er ging iets mis ({type(exc).__name__}).")

    def clear(self) -> None:
        """Forget everything (on lock)."""
        self.escalation = None
        self.region = None
        for widget in (self.stuck, self.attempts, self.question, self.decision, self.follow_up):
            widget.clear()
        for line in (self.partners, self.reason, self.pin):
            line.clear()
        self.preview.clear()
        self.header.clear()
        self.message.clear()
        self.identity.clear()
