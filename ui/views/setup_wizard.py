"""Inrichting (set-up wizard): region, organisations, people, tables and the regional server."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from tafelapp.domain import labels
from tafelapp.domain.calendar import typed_time
from tafelapp.domain.problems import Problem, Severity
from tafelapp.domain.region import REGION_FIELD_NL
from tafelapp.services.wizard_service import page_of, page_problems
from ui.widgets.discard_guard import DiscardGuard
from ui.widgets.editable_table import Column, EditableTable
from ui.widgets.fit import fit_to_screen
from ui.widgets.message_area import MessageArea

WEEKDAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
PAGE_TITLES = ["Regio", "Organisaties", "Personen", "Tafels", "Regionale server"]
SUGGESTED_ORGANISATIONS = [
    ("Raad voor de Kinderbescherming", "RVDK"), ("Veilig Thuis", "VEILIG_THUIS"),
    ("Gemeente", "MUNICIPALITY"), ("Politie", "POLICE"), ("Wijkteam", "CARE_PROVIDER"),
]
_INTRO = [
    "Welkom. Richt Tafelapp in voor uw regio: de tafels, de organisaties en de mensen met wie u "
    "werkt. Alles is later te wijzigen onder Instellingen. Heeft een collega Tafelapp al "
    "ingericht? Lees dan het regiobestand in.",
    "Welke organisaties schuiven aan? Pas de voorbeelden aan (bijvoorbeeld 'Gemeente Delft') en "
    "voeg de gecertificeerde instellingen toe met hun doelgroepen (met komma's). De "
    "klachtenregeling (telefoon of website) leest het gezin in het Gezinsoverzicht. Lege regels "
    "tellen niet mee.",
    "Wie zit er aan tafel? Met e-mailadres komen de notulen bij de juiste mensen; zonder adres "
    "vraagt Tafelapp er later om.",
    "Welke tafels heeft de regio? Met een vaste dag, tijd, plek, voorzitter en secretaris staat "
    "een nieuwe bespreking meteen goed.",
    "Waar gaan ondertekende notulen heen? Dit kan later; zonder server blijven de documenten "
    "veilig in de outbox tot de server is ingesteld.",
]


class SetupWizard(DiscardGuard, QDialog):
    """Collects a region's set-up; the controller stores it through `setup_service.save_wizard`.

    'Vorige', 'Volgende' and 'Opslaan' keep their places on every page (a second press on the
    same spot never saves half a region): Opslaan is enabled on the last page only, Enter is
    Volgende, and Volgende checks the page first (the message at the row). Escape asks before
    typed work is thrown away.
    """

    save_requested = Signal(dict, str, list)
    import_requested = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Tafelapp inrichten")
        fit_to_screen(self, 1100, 620)
        layout = QVBoxLayout(self)
        self.title = QLabel("")
        self.title.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.intro = MessageArea(4, "Uitleg bij deze stap")  # the same room on every page
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        self.pages = QStackedWidget()
        layout.addWidget(self.pages, 1)

        region_page = QWidget()
        form = QFormLayout(region_page)
        self.region = QLineEdit()
        self.region.setAccessibleName("Naam van de regio")
        self.region.setPlaceholderText("bijvoorbeeld Regio Haaglanden")
        form.addRow("&Naam van de regio", self.region)
        self.import_button = QPushButton("Instellingen inlezen (regiobestand)…")
        form.addRow("", self.import_button)
        self.region_only = QCheckBox("Ik ben &ketenregisseur zonder eigen tafel (alleen de "
                                     "regiowerklijst)")
        self.region_only.setAccessibleName("Ketenregisseur zonder eigen tafel")
        self.region_only.setToolTip("Lees het regiobestand in (tafels, adresboek, Zaken API); "
                                    "Tafelapp opent dan op de regiowerklijst en laat de "
                                    "schermen van een eigen tafel weg.")
        form.addRow("", self.region_only)
        self.pages.addWidget(region_page)

        self.organisations = EditableTable([
            Column("name", "Naam", width=230),
            Column("kind", "Soort", list(labels.PARTNER_KIND.items()), width=170),
            Column("phone", "Telefoon", width=110), Column("email", "E-mailadres", width=180),
            Column("target_groups", "Doelgroepen (GI)", width=170),
            Column("complaints", "Klachtenregeling"),
        ], "Organisaties", "Organisatie &toevoegen")
        self.pages.addWidget(self.organisations)
        self.people = EditableTable([
            Column("name", "Naam", width=200), Column("function", "Functie", width=150),
            Column("organisation_id", "Organisatie", [], width=220),
            Column("email", "E-mailadres", width=220, form_label="&E-mailadres"),
            Column("phone", "Telefoon", width=110, form_label="Te&lefoon"),
            Column("role", "Vaste rol", [("", "—"), *labels.ROLE.items()]),
        ], "Personen", "Persoon &toevoegen", detail=("email", "phone"))  # the form under it:
        # six columns of real names and addresses do not fit beside each other at 150 %
        self.pages.addWidget(self.people)
        self.tables = EditableTable([
            Column("kind", "Soort", [("JBT", "JBT"), ("ZVT", "ZVT")], width=70),
            Column("name", "Naam", width=190), Column("municipality", "Gemeente", width=100),
            Column("place", "Vaste plek", width=140),
            Column("weekday", "Vaste dag", [("", "—"), *((str(i), d) for i, d in
                                                          enumerate(WEEKDAYS))], width=100),
            Column("usual_start", "Begintijd", width=70),
            Column("default_chair_id", "Voorzitter", [], width=140),
            Column("default_secretary_id", "Secretaris", [], width=140),
            Column("signs_first", "Tekent eerst", [("CHAIR", "voorzitter"),
                                                   ("SECRETARY", "secretaris")]),
        ], "Tafels", "Tafel &toevoegen", visible_rows=3,
            detail=("place", "default_chair_id", "default_secretary_id", "signs_first"),
            start="name")  # a new table's name is typed first; Soort is JBT until changed
        self.pages.addWidget(self.tables)

        server_page = QWidget()
        server = QFormLayout(server_page)
        self.base_url = QLineEdit()
        self.client_id = QLineEdit()
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.rsin = QLineEdit()
        self.informatieobjecttype = QLineEdit()
        for label, edit in (("&Adres (Documenten API)", self.base_url),
                            ("&Client-id", self.client_id), ("Client-&secret", self.secret),
                            ("&RSIN van de gemeente", self.rsin),
                            ("&Informatieobjecttype (URL)", self.informatieobjecttype)):
            edit.setAccessibleName(label.replace("&", ""))
            server.addRow(label, edit)
        self.pages.addWidget(server_page)

        self.message = MessageArea(3, "Meldingen van de inrichting", "color: #c62828;")
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.back = QPushButton("&Vorige")
        self.next = QPushButton("V&olgende")
        self.save = QPushButton("O&pslaan")  # Alt+S is the secret's field
        self.back.setAccessibleName("Vorige stap")
        self.next.setAccessibleName("Volgende stap (na controle van deze stap)")
        self.save.setAccessibleName("Inrichting opslaan")
        buttons.addWidget(self.back)
        buttons.addStretch(1)
        buttons.addWidget(self.next)
        buttons.addWidget(self.save)
        layout.addLayout(buttons)
        self._warned: dict[int, list[str]] = {}
        self.back.clicked.connect(lambda: self.go(self.pages.currentIndex() - 1))
        self.next.clicked.connect(self._on_next_clicked)
        self.save.clicked.connect(self._on_save_clicked)
        self.import_button.clicked.connect(self.import_requested)
        self._loaded_people: set[str] = set()
        self._row_of: dict[int, list[int]] = {}
        self.people.guard = self._person_in_use
        for table in (self.organisations, self.people, self.tables):
            table.remove_refused.connect(self.message.setText)
        for name, kind in SUGGESTED_ORGANISATIONS:
            self.organisations.add_row({"name": name, "kind": kind})
        self.go(0)
        self.mark_clean()

    def typed_state(self) -> Any:
        """Everything typed (the collected set-up and the secret)."""
        return self.collected(), self.secret.text()

    def _person_in_use(self, person_id: str) -> str:
        """Why a person cannot leave the book now: a table counts on them as chair or secretary."""
        for table in self.tables.rows():
            if person_id in (table["default_chair_id"], table["default_secretary_id"]):
                return (f"is vaste voorzitter of secretaris van {table['name'] or 'een tafel'}; "
                        "kies daar eerst iemand anders")
        return ""

    def _sync_options(self) -> None:
        """The drop-downs of people and tables follow the organisations and people typed so far."""
        orgs = [(r["id"], r["name"]) for r in self.organisations.rows() if r["name"]]
        self.people.set_options("organisation_id", [("", "—"), *orgs])
        people = [(r["id"], r["name"]) for r in self.people.rows() if r["name"]]
        for key in ("default_chair_id", "default_secretary_id"):
            self.tables.set_options(key, [("", "—"), *people])

    def go(self, page: int) -> None:
        """Show a page (its drop-downs up to date)."""
        page = max(0, min(page, self.pages.count() - 1))
        if page != self.pages.currentIndex():
            self.message.setText("")  # a page's message does not stay on another page
        self._sync_options()
        self.pages.setCurrentIndex(page)
        self.title.setText(f"Stap {page + 1} van {self.pages.count()}: {PAGE_TITLES[page]}")
        self.intro.setText(_INTRO[page])
        last = page == self.pages.count() - 1
        self.back.setEnabled(page > 0)
        self.next.setEnabled(not last)
        self.save.setEnabled(last)
        (self.save if last else self.next).setDefault(True)  # Enter: Volgende, at the end Opslaan
        (self.next if last else self.save).setDefault(False)
        first = {0: self.region, 4: self.base_url}.get(page)
        table = {1: self.organisations, 2: self.people, 3: self.tables}.get(page)
        if first is not None and self.isVisible():
            first.setFocus()
        elif table is not None and self.isVisible():
            grid = table.table
            grid.setFocus()
            shown = grid.shown_columns()
            if grid.rowCount() and shown:  # the keyboard in a cell (a drop-down gets it itself)
                column = grid.currentColumn() if grid.currentColumn() in shown else shown[0]
                grid.enter_cell(max(grid.currentRow(), 0), column)

    def _on_next_clicked(self) -> None:
        """Check this page; on to the next when nothing blocks (a warning is shown once)."""
        page = self.pages.currentIndex()
        problems = page_problems(self.collected(), page,
                                 region_only=self.region_only.isChecked())
        blocking = [p for p in problems if p.severity is Severity.ERROR]
        warnings = [f"{p.field}: {p.message}" for p in problems if p not in blocking]
        if blocking or (warnings and self._warned.get(page) != warnings):
            self._warned[page] = warnings
            self.show_problems(blocking or problems)
            return
        self.go(page + 1)
        self.message.setText("\n".join(warnings))

    def load(self, region: dict[str, Any]) -> None:
        """Show an existing set-up (from `export_region`) to change it."""
        self.region.setText(region.get("region", ""))
        self._loaded_people = {p["id"] for p in region.get("people", [])}
        stored_orgs = {o["id"] for o in region.get("organisations", [])}
        stored_tables = {t["id"] for t in region.get("tables", [])}
        self.organisations.guard = lambda row_id: (
            "een organisatie uit het adresboek blijft bewaard; pas de naam aan als die is "
            "veranderd" if row_id in stored_orgs else "")
        self.tables.guard = lambda row_id: (
            "een tafel blijft bewaard (er kunnen casussen aan hangen); pas de gegevens aan als "
            "die zijn veranderd" if row_id in stored_tables else "")
        for table, key in ((self.organisations, "organisations"), (self.people, "people")):
            table.clear()
            self._sync_options()  # a person's organisation must be a choice before the row
            for row in region.get(key, []):
                table.add_row(row)
        self._sync_options()
        self.tables.clear()
        for row in region.get("tables", []):
            signs_first = (row.get("signing_order") or ["CHAIR"])[0]
            weekday = row.get("weekday")
            self.tables.add_row({**row, "signs_first": signs_first,
                                 "weekday": "" if weekday is None else str(weekday),
                                 "usual_start": (row.get("usual_start") or "")[:5]})
        server = region.get("server", {})
        for key in ("base_url", "client_id", "rsin", "informatieobjecttype"):
            getattr(self, key).setText(server.get(key, ""))
        self.go(0)
        self.mark_clean()

    def _typed_rows(self, table: EditableTable) -> list[dict[str, Any]]:
        """The rows with anything typed in them (a row typed in is checked, never dropped);
        `_row_of` remembers where each sits in its grid."""
        texts = [c.key for c in table.columns if c.options is None]
        rows = [(i, r) for i, r in enumerate(table.rows()) if any(r[k] for k in texts)]
        self._row_of[id(table)] = [i for i, _ in rows]
        return [r for _, r in rows]

    def collected(self) -> dict[str, Any]:
        """What was typed, in the shape of a region file (empty rows left out)."""
        orgs = [{"id": r["id"], "name": r["name"], "kind": r["kind"], "phone": r["phone"],
                 "email": r["email"],
                 "target_groups": [t.strip() for t in r["target_groups"].split(",") if t.strip()],
                 "complaints": r["complaints"]} for r in self._typed_rows(self.organisations)]
        people = [{"id": r["id"], "name": r["name"], "function": r["function"],
                   "organisation_id": r["organisation_id"] or None, "email": r["email"],
                   "phone": r["phone"], "role": r["role"] or None}
                  for r in self._typed_rows(self.people)]
        tables = []
        for r in self._typed_rows(self.tables):
            order = ["CHAIR", "SECRETARY"] if r["signs_first"] == "CHAIR" else [
                "SECRETARY", "CHAIR"]
            start = typed_time(r["usual_start"])
            tables.append({"id": r["id"], "kind": r["kind"], "name": r["name"],
                           "region": self.region.text().strip() or "Regio",
                           "municipality": r["municipality"] or r["name"],
                           "place": r["place"] or None,
                           "weekday": int(r["weekday"]) if r["weekday"] else None,
                           "usual_start": start or None,
                           "default_chair_id": r["default_chair_id"] or None,
                           "default_secretary_id": r["default_secretary_id"] or None,
                           "signing_order": order})
        server = {k: getattr(self, k).text().strip() for k in
                  ("base_url", "client_id", "rsin", "informatieobjecttype")}
        return {"region": self.region.text().strip(), "organisations": orgs, "people": people,
                "tables": tables, "server": server}

    def show_problems(self, problems: list[Problem]) -> None:
        """Show refused values at their page and row, named as the user knows them."""
        first = problems[0].field if problems else ""
        page = page_of(first)
        self.go(page)
        self.message.setText("\n".join(f"{p.field}: {p.message}" for p in problems))
        match = re.match(r"\w+ (\d+)", first)
        table = {1: self.organisations, 2: self.people, 3: self.tables}.get(page)
        if match and table is not None:
            name = re.search(r"\((.*?)\)", first)
            rows = [r["name"] for r in table.rows()]
            typed = self._row_of.get(id(table), [])
            number = int(match.group(1)) - 1
            row = rows.index(name.group(1)) if name and name.group(1) in rows else (
                typed[number] if number < len(typed) else number)
            what = first.rsplit(", ", 1)[-1] if ", " in first else ""
            keys = [k for k, nl in REGION_FIELD_NL.items() if nl == what]
            columns = [c.key for c in table.columns]
            key = keys[0] if keys and keys[0] in columns else columns[0]
            table.enter_cell(row, key)  # the cursor at the refused value

    def _on_save_clicked(self) -> None:
        if not self.region.text().strip():
            self.message.setText("Naam van de regio: vul de naam van de regio in")
            self.go(0)
            return
        self.message.setText("")
        present = {r["id"] for r in self.people.rows()}
        self.save_requested.emit(self.collected(), self.secret.text(),
                                 sorted(self._loaded_people - present))
