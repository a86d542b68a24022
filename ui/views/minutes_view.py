"""Notulen screen: edit the free text with a live preview, sign, save, send, rectify."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from tafelapp.domain.minutes import Minutes, MinutesStatus, SigningIdentity
from tafelapp.domain.problems import InvalidInput
from tafelapp.services import (
    archive_service,
    directory_service,
    distribution_service,
    file_service,
    meeting_service,
    minutes_service,
    package_service,
    retention_service,
)
from tafelapp.services.directory_service import Directory
from tafelapp.services.session import Session
from ui.icons import icon
from ui.text import problems_line
from ui.views.minutes_identity import IdentityActions
from ui.views.recipients_panel import RecipientsPanel
from ui.widgets.autosave import AutoSaver, set_text_quietly
from ui.widgets.header import header_row
from ui.widgets.keyboard import chain_tab_order, prepare_text_fields, visual_chain
from ui.workers import DbExecutor

STATUS_NL = {MinutesStatus.DRAFT: "concept", MinutesStatus.SIGNING: "in ondertekening",
             MinutesStatus.FINAL: "vastgesteld"}
ROLE_NL = {"CHAIR": "voorzitter", "SECRETARY": "secretaris"}
TEXTS = [("introduction", "&Inleiding"), ("discussion", "&Verslag van de bespreking"),
         ("closing_remarks", "&Slotopmerkingen")]
TAB_TITLES = ["&1. Tekst", "&2. Ondertekenen", "&3. Verzenden"]  # Alt+1…3, as in meeting mode
CONFIRM_SIGNING = ("Na ondertekening kan niets meer worden gewijzigd; een fout herstelt dan "
                   "alleen nog een rectificatie.\n\nNu ondertekenen als {role}?")


Loaded = tuple[Minutes, str, list[SigningIdentity], Any, Directory, dict[str, str], str,
               list[str]]


def _scrolled(page: QWidget) -> QScrollArea:
    """A tab page that scrolls when the window is small (1280×720 at 150 %)."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no Tab stop of its own (invisible)
    area.setWidget(page)
    return area


class MinutesView(IdentityActions, QWidget):
    """Left: free text, recipients, signing; right: the page as it will be printed."""

    back_requested = Signal()
    documents_queued = Signal()

    def __init__(self, executor: DbExecutor, saver: AutoSaver) -> None:
        super().__init__()
        self.executor = executor
        self.saver = saver
        self.minutes: Minutes | None = None
        self.holders: dict[str, str] = {}
        self._shown_status: MinutesStatus | None = None
        layout = QVBoxLayout(self)
        top, self.back, self.header = header_row("Bespreking")
        self.back.setAccessibleName("Terug naar de bespreking")
        layout.addLayout(top)
        splitter = QSplitter()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Notulen: tekst, ondertekenen, verzenden")
        left_layout.addWidget(self.tabs, 1)
        text_page = QWidget()
        form = QVBoxLayout(text_page)
        self.texts: dict[str, QPlainTextEdit] = {}
        for name, label in TEXTS:
            caption = QLabel(label)
            form.addWidget(caption)
            edit = QPlainTextEdit()
            caption.setBuddy(edit)
            edit.setAccessibleName("Notulen: " + label.replace("&", "").lower())
            edit.setTabChangesFocus(True)
            edit.setMinimumHeight(60)
            form.addWidget(edit)
            self.texts[name] = edit
            self._bind(edit, name)
        self.tabs.addTab(_scrolled(text_page), TAB_TITLES[0])

        sign_page = QWidget()
        sign_layout = QVBoxLayout(sign_page)
        sign = QFormLayout()
        self.identity = QComboBox()
        self.identity.setAccessibleName("Identiteit om mee te ondertekenen")
        self.role = QComboBox()
        for value, label in ROLE_NL.items():
            self.role.addItem(label, value)
        self.role.setAccessibleName("Ondertekenen als (rol)")
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setAccessibleName("Pincode van de gekozen identiteit")
        self.pin.setPlaceholderText("Enter: ondertekenen")
        sign.addRow("&Identiteit", self.identity)
        sign.addRow("&Rol", self.role)
        sign.addRow("&Pincode", self.pin)
        sign_layout.addLayout(sign)
        self.sign = QPushButton("&Ondertekenen")
        self.sign.setAccessibleName("Notulen ondertekenen")
        self.new_identity = QPushButton("&Nieuwe lokale identiteit…")
        self.import_identity = QPushButton("PKCS#12 i&mporteren…")
        self.smartcard = QPushButton("Smart&card toevoegen…")
        self.link_identity = QPushButton("&Koppelen aan persoon…")
        self.link_identity.setAccessibleName("Gekozen identiteit koppelen aan een persoon")
        self.link_identity.setToolTip("Van wie is dit certificaat? Kies de persoon uit het "
                                      "adresboek (eenmalig)")
        self.withdraw = QPushButton("Ondertekening in&trekken")
        self.export_package = QPushButton("Pakket voor de andere &laptop…")
        self.export_package.setToolTip("Tekent de ander op een andere laptop? Sla een "
                                       "ondertekenpakket op en open het daar")
        grid = QGridLayout()
        for index, b in enumerate((self.sign, self.withdraw, self.new_identity,
                                   self.import_identity, self.smartcard, self.link_identity,
                                   self.export_package)):
            grid.addWidget(b, index // 2, index % 2)
        sign_layout.addLayout(grid)
        sign_layout.addStretch(1)
        self.tabs.addTab(_scrolled(sign_page), TAB_TITLES[1])

        send_page = QWidget()
        send_layout = QVBoxLayout(send_page)
        self.recipients = RecipientsPanel()
        self.recipients.address_given.connect(self._on_recipients_address_given)
        send_layout.addWidget(self.recipients)
        self.save_pdf = QPushButton("&PDF opslaan…")
        self.save_pdf.setIcon(icon("pdf"))
        self.save_pdf.setAccessibleName("Ondertekende notulen als PDF opslaan")
        self.send = QPushButton("&Verzendmap maken…")
        self.recipients.after_last = self.send
        self.rectify = QPushButton("R&ectificatie…")
        actions = QVBoxLayout()  # one under the other: the panel is narrow at 150 %
        for b in (self.send, self.save_pdf, self.rectify):
            actions.addWidget(b)
        send_layout.addLayout(actions)
        self.archive = QLabel("")  # the region's archieftermijn, sent with the upload
        self.archive.setWordWrap(True)
        self.archive.setAccessibleName("Archieftermijn bij de regio")
        send_layout.addWidget(self.archive)
        send_layout.addStretch(1)
        self.tabs.addTab(_scrolled(send_page), TAB_TITLES[2])
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.setMinimumHeight(self.message.fontMetrics().lineSpacing() * 2 + 4)
        self.message.setStyleSheet("color: #8a5200;")
        left_layout.addWidget(self.message)
        splitter.addWidget(left)
        self.preview = QTextBrowser()
        self.preview.setAccessibleName("Voorbeeld van de notulen")
        splitter.addWidget(self.preview)
        splitter.setSizes([520, 720])
        layout.addWidget(splitter, 1)
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(300)
        self._preview_timer.timeout.connect(self.reload)
        saver.saved.connect(lambda _t: self.minutes and self._preview_timer.start())
        self.back.clicked.connect(self.back_requested)
        self.sign.clicked.connect(self._on_sign_clicked)
        self.pin.returnPressed.connect(self._on_sign_clicked)  # Enter in the PIN field signs
        self.tabs.currentChanged.connect(lambda _i: self._order_tabs())
        self.new_identity.clicked.connect(self._on_new_identity_clicked)
        self.import_identity.clicked.connect(self._on_import_identity_clicked)
        self.link_identity.clicked.connect(self._on_link_identity_clicked)
        self.export_package.clicked.connect(self._on_export_package_clicked)
        self.smartcard.clicked.connect(self._on_smartcard_clicked)
        self.save_pdf.clicked.connect(self._on_save_pdf_clicked)
        self.send.clicked.connect(self._on_send_clicked)
        self.rectify.clicked.connect(self._on_rectify_clicked)
        self.withdraw.clicked.connect(self._on_withdraw_clicked)

    def _id(self) -> str:
        assert self.minutes is not None
        return self.minutes.id

    def _bind(self, edit: QPlainTextEdit, name: str) -> None:
        self.saver.bind_text(edit, f"minutes.{name}", lambda text: self._text_job(name, text))

    def _text_job(self, name: str, text: str) -> Any:
        minutes_id = self._id()
        return lambda s: minutes_service.update_text(s, minutes_id, **{name: text})

    def open_for_item(self, item_id: str) -> None:
        """Show (creating if needed) the notulen of an agenda item."""
        self.executor.submit(lambda s: minutes_service.draft_minutes(s, item_id), self._show,
                             self._show_error)

    def reload(self) -> None:
        """Fetch the notulen, their preview, the identities and the recipients again."""
        if self.minutes is None:
            return
        minutes_id = self.minutes.id

        def load(s: Session) -> Loaded:
            minutes = minutes_service.get_minutes(s, minutes_id)
            meeting = meeting_service.get_meeting(s, minutes.meeting_id)
            return (minutes, minutes_service.document_html(s, minutes_id),
                    minutes_service.list_identities(s),
                    distribution_service.distribution(s, minutes_id),
                    directory_service.directory(s),
                    {"CHAIR": meeting.chair, "SECRETARY": meeting.secretary or ""},
                    retention_service.archive_line(s, minutes_id),
                    archive_service.signature_lines(s, minutes_id))
        self.executor.submit(load, self._loaded, self._show_error)

    def _show(self, minutes: Minutes) -> None:
        self.minutes = minutes
        self._shown_status = None
        for name, edit in self.texts.items():
            set_text_quietly(edit, getattr(minutes.text, name))
        self.reload()

    def _loaded(self, loaded: Loaded) -> None:
        minutes, html, identities, who, book, self.holders, archive, levels = loaded
        self.archive.setText(archive[:1].upper() + archive[1:])
        self.book = book
        self.minutes = minutes
        scroll = self.preview.verticalScrollBar().value()
        self.preview.setHtml(html)
        self.preview.verticalScrollBar().setValue(scroll)
        signed = ", ".join(
            f"{ROLE_NL[s.role.value]} {s.signer_name}"
            + (f" (certificaat: {s.certificate_name})"
               if s.certificate_name and s.certificate_name != s.signer_name else "")
            for s in minutes.signatures)
        self.header.setText(f"Notulen {minutes.number} — {STATUS_NL[minutes.status]}"
                            + (f" (getekend: {signed})" if signed else "")
                            + "".join(f"\n{line}" for line in levels))
        current = self.identity.currentData()
        self.identity.clear()
        self.people = {p.id: p.name for p in book.people}
        for ident in identities:
            local = (" — smartcard" if ident.token else
                     " — lokaal, geen PKIoverheid" if ident.certificate.local else "")
            linked = (f" → {self.people.get(ident.person_id, '?')}" if ident.person_id
                      else " (nog niet gekoppeld)")
            self.identity.addItem(f"{ident.owner_name}{linked}{local}", ident.id)
        if current:
            self.identity.setCurrentIndex(max(0, self.identity.findData(current)))
        if minutes.next_role is not None:
            self.role.setCurrentIndex(self.role.findData(minutes.next_role.value))
        draft = minutes.status is MinutesStatus.DRAFT
        final = minutes.status is MinutesStatus.FINAL
        for edit in self.texts.values():
            edit.setReadOnly(not draft)
        self.sign.setEnabled(not final and bool(identities))
        self.save_pdf.setEnabled(bool(minutes.signatures))
        self.send.setEnabled(final)
        self.rectify.setEnabled(final and minutes.kind.value == "MINUTES")
        self.withdraw.setEnabled(minutes.status is MinutesStatus.SIGNING)
        self.export_package.setEnabled(bool(minutes.signatures))
        self.recipients.show_distribution(who)
        missing = len(self.recipients.fields)
        self.tabs.setTabText(2, TAB_TITLES[2] + (f" ({missing} op te lossen)" if missing else ""))
        if minutes.status is not self._shown_status:
            self._shown_status = minutes.status
            self.tabs.setCurrentIndex({MinutesStatus.DRAFT: 0, MinutesStatus.SIGNING: 1,
                                       MinutesStatus.FINAL: 2}[minutes.status])
        self._order_tabs()

    def _act(self, job: Any, done_text: str = "") -> None:
        self.message.setText("Bezig…")

        def done(_result: object) -> None:
            self.message.setText(done_text)
            self.reload()
        self.executor.submit(job, done, self._show_error)

    def _on_withdraw_clicked(self) -> None:
        minutes_id = self._id()
        self._act(lambda s: minutes_service.withdraw_signing(s, minutes_id),
                  "Ondertekening ingetrokken; het verslag kan weer worden aangepast.")

    def _show_error(self, exc: Exception) -> None:
        self.message.setText(problems_line(exc.problems) if isinstance(exc, InvalidInput)
                             else f"Er ging iets mis ({type(exc).__name__}).")

    def _order_tabs(self) -> None:
        """Tab runs through the tab on screen, top to bottom, and on to the preview."""
        prepare_text_fields(self)
        page = self.tabs.currentWidget()
        inner = page.widget() if isinstance(page, QScrollArea) else None
        if inner is not None:
            chain_tab_order([self.back, self.tabs.tabBar(), *visual_chain(inner, enabled_only=False),
                             self.preview])

    def confirm_signing(self, role: str) -> bool:
        """Ask before the signature: after it nothing can be changed (Ja / Nee, Nee first)."""
        answer = QMessageBox.question(
            self, "Ondertekenen", CONFIRM_SIGNING.format(role=role),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _on_sign_clicked(self) -> None:
        if not self.sign.isEnabled():
            return
        identity, role, pin = self.identity.currentData(), self.role.currentData(), self.pin.text()
        if not self.confirm_signing(self.role.currentText()):
            self.message.setText("Niet ondertekend; er is niets veranderd.")
            self.pin.setFocus()
            return
        self.pin.clear()
        self.saver.flush()
        minutes_id = self._id()
        def signed(minutes: Minutes) -> None:
            final = minutes.status is MinutesStatus.FINAL
            stamp = (" met tijdstempel" if minutes.signatures[-1].timestamped else
                     " zonder tijdstempel (geen tijdstempeldienst bereikbaar of ingesteld)")
            self.message.setText(("Vastgesteld en in de outbox gezet;" if final else
                                  "Ondertekend;") + stamp + ".")
            self.reload()
            self.tabs.tabBar().setFocus()
            if final:
                self.documents_queued.emit()
        self.message.setText("Bezig met ondertekenen…")
        self.executor.submit(lambda s: minutes_service.sign_minutes(s, minutes_id, identity, pin,
                                                                    role), signed,
                             self._show_error)

    def _on_recipients_address_given(self, participant_id: str, email: str) -> None:
        minutes_id = self._id()
        self._act(lambda s: distribution_service.resolve_address(s, minutes_id, participant_id,
                                                                 email),
                  "E-mailadres opgeslagen; de verzendlijst is bijgewerkt.")

    def _on_export_package_clicked(self) -> None:
        assert self.minutes is not None
        path, _ = QFileDialog.getSaveFileName(
            self, "Ondertekenpakket opslaan",
            str(Path.home() / f"{self.minutes.number}-ondertekenpakket.json"),
            "Ondertekenpakket (*.json)")
        if path:
            minutes_id = self._id()
            self._act(lambda s: file_service.write_file(
                Path(path), package_service.export_package(s, minutes_id)),
                f"Pakket opgeslagen: {path}. Het bevat persoonsgegevens: draag het alleen "
                "veilig over.")

    def _on_save_pdf_clicked(self) -> None:
        assert self.minutes is not None
        path, _ = QFileDialog.getSaveFileName(self, "Notulen opslaan",
                                              str(Path.home() / f"{self.minutes.number}.pdf"),
                                              "PDF (*.pdf)")
        if path:
            minutes_id = self._id()
            self._act(lambda s: distribution_service.export_signed(s, minutes_id, Path(path)),
                      f"Opgeslagen: {path}")

    def _on_send_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Map voor de verzending")
        if folder:
            minutes_id = self._id()
            self._act(lambda s: distribution_service.write_distribution(s, minutes_id,
                                                                        Path(folder)),
                      f"E-mailconcepten en agenda-uitnodiging staan in {folder}.")

    def _on_rectify_clicked(self) -> None:
        text, ok = QInputDialog.getMultiLineText(self, "Rectificatie", "Wat wordt verbeterd?")
        if ok:
            minutes_id = self._id()
            self.executor.submit(lambda s: minutes_service.create_rectification(s, minutes_id,
                                                                                text),
                                 self._show, self._show_error)

    def clear(self) -> None:
        """Forget the notulen (on lock)."""
        self.minutes = None
        self._shown_status = None
        for edit in self.texts.values():
            set_text_quietly(edit, "")
        self.preview.clear()
        self.header.clear()
        self.recipients.clear()
        self.message.clear()
        self.identity.clear()
