"""What the region holds of one case: statussen, besluit, termijnen and the notulen it may read."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from tafelapp.domain.region_detail import RegionDetail, RegionDocument
from ui.widgets.fit import fit_to_screen


def detail_html(detail: RegionDetail) -> str:
    """The region's facts of a case, as the panel shows them (no names exist there)."""
    c = detail.case
    rows = "".join(f"<tr><td>{when:%d-%m-%Y %H:%M}</td><td>{escape(name)}</td></tr>"
                   for when, name in detail.statuses) or \
        "<tr><td colspan='2'>geen statussen te lezen</td></tr>"
    facts = "".join(f"<li>{escape(line)}</li>" for line in detail.facts()[1:]
                    if not line.startswith("Status "))
    notes = "".join(f"<p style='color:#8a5200'>{escape(n)}.</p>" for n in detail.notes)
    return (f"<h2>{escape(c.case_number)}</h2><p>{escape(detail.table_name)} — "
            f"{escape(detail.table_kind)}"
            + (f", voorzitter van {escape(detail.chair_organisation)}"
               if detail.chair_organisation else "") + "</p>"
            f"<h3>Statusgeschiedenis</h3><table>{rows}</table>"
            f"<h3>Besluit en termijnen</h3><ul>{facts}</ul>{notes}"
            "<p><i>De regio kent geen namen: alleen codes, data en pseudoniemen.</i></p>")


class RegionDetailDialog(QDialog):
    """Keyboard first: the facts, the notulen list (Enter opens), Opschalen…, Sluiten (Esc)."""

    document_requested = Signal(object)  # RegionDocument
    escalation_requested = Signal()

    def __init__(self, parent: QWidget | None, detail: RegionDetail) -> None:
        super().__init__(parent)
        self.detail = detail
        self.setWindowTitle(f"Wat de regio weet — {detail.case.case_number}")
        self.setAccessibleName("Wat de regio weet van deze casus")
        layout = QVBoxLayout(self)
        self.facts = QTextBrowser()
        self.facts.setHtml(detail_html(detail))
        self.facts.setAccessibleName("Statussen, besluit en termijnen")
        layout.addWidget(self.facts, 1)
        layout.addWidget(QLabel("Notulen bij de regio:"))
        self.documents = QListWidget()
        self.documents.setAccessibleName("Notulen bij de regio")
        for doc in detail.documents:
            item = QListWidgetItem(doc.title if doc.readable else
                                   f"{doc.title} — {doc.note}")
            item.setData(256, doc)
            self.documents.addItem(item)
        if not detail.documents:
            self.documents.addItem("geen notulen gekoppeld (of niet te lezen)")
        self.documents.setMaximumHeight(6 * self.documents.fontMetrics().lineSpacing())
        layout.addWidget(self.documents)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Melding")
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.open_pdf = QPushButton("Notulen openen (PDF)")
        self.escalate = QPushButton("Opschalen naar de stuurgroep…")
        self.close_button = QPushButton("Sluiten")
        for button in (self.open_pdf, self.escalate, self.close_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.documents.activated.connect(lambda _i: self._on_open_clicked())
        self.open_pdf.clicked.connect(self._on_open_clicked)
        self.escalate.clicked.connect(self.escalation_requested)
        self.close_button.clicked.connect(self.reject)
        readable = [d for d in detail.documents if d.readable]
        self.open_pdf.setEnabled(bool(readable))
        if detail.documents:
            self.documents.setCurrentRow(0)
        self.setTabOrder(self.facts, self.documents)
        self.setTabOrder(self.documents, self.open_pdf)
        self.setTabOrder(self.open_pdf, self.escalate)
        self.setTabOrder(self.escalate, self.close_button)
        fit_to_screen(self, 720, 560)
        self.documents.setFocus()

    def current_document(self) -> RegionDocument | None:
        """The notulen on the current row (None for the 'none' row)."""
        item = self.documents.currentItem()
        doc = item.data(256) if item is not None else None
        return doc if isinstance(doc, RegionDocument) else None

    def _on_open_clicked(self) -> None:
        doc = self.current_document()
        if doc is None:
            return
        if not doc.readable:
            self.message.setText(f"Dit document mag deze client niet lezen: {doc.note}.")
            return
        self.message.setText(f"'{doc.title}' wordt opgehaald…")
        self.document_requested.emit(doc)
