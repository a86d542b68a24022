"""The whole path by keyboard only, from an empty vault (no demo) to the distribution: set-up
wizard, aanmelding with an unborn child, a JBT meeting, two signatures, the verzendmap.

Every key goes where Qt sends it (tests/ui/keyboard.py): a field is reached by Tab, Alt+letter or
a shortcut, a row is added by its key, a suggestion is taken with ↓ and Enter, a question is
answered with Enter or Escape. The content is the demo meeting's, as in tests/ui/newcomer.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QMessageBox, QWidget

from tests.ui.keyboard import Keyboard, NoKeyboardRoute, announced, describe, wait_until
from tests.ui.modal_keys import answer_dialogs
from tests.ui.newcomer import GOALS, PASSPHRASE, PEOPLE, PIN, SAFETY_PLAN, SCORES, VOICES

MOTHER = "Sanne van Dalen (fictief)"
PHONES = {name: f"070-00000{n:02d}" for n, (name, *_rest) in enumerate(PEOPLE, start=1)}
PHONES["Femke de Wit (fictief)"] = "06-00000009"  # the casusregisseur: the family calls her
ROLE_LETTERS = {"CHAIR": "voorzitter", "SECRETARY": "secretaris", "": None}
PLAN_KEYS = {"strengths": "g", "worries": "z", "must_happen_now": "n", "danger_statement": "r"}
STANCE_WORDS = {"AGREES": "eens", "PARTLY": "deels", "DISAGREES": "oneens"}


def is_(target: QWidget) -> Callable[[QWidget], bool]:
    """The test for Tab: the focus is on `target` (the field a person sees on screen)."""
    return lambda widget: widget is target


def focused_on(kb: Keyboard, name: str) -> QWidget:
    """The focus is on the field a screen reader calls `name` (else say where it is)."""
    widget = kb.focus()
    if widget is None or announced(widget) != name:
        raise NoKeyboardRoute(f"verwacht focus op '{name}', maar die staat op {describe(widget)}")
    return widget


def first_start(kb: Keyboard, window: Any) -> None:
    """Create the vault by keyboard: the passphrase twice, Enter."""
    wait_until(lambda: window.unlock_view.new_passphrase.isVisible(), what="eerste start")
    wait_until(lambda: kb.focus() is window.unlock_view.new_passphrase, what="focus op wachtwoord")
    kb.type(PASSPHRASE, secret=True)
    kb.tab()
    focused_on(kb, "Herhaal de wachtwoordzin")
    kb.type(PASSPHRASE, secret=True)
    kb.enter()
    wait_until(lambda: window.region.wizard is not None and window.region.wizard.isVisible(),
               timeout=30_000, what="de inrichtingswizard")
    kb.phase("kluis")


def today() -> dt.date:
    return dt.date.today()


def fill(kb: Keyboard, values: list[str | None]) -> None:
    """Type a row's values cell by cell, Tab after each (None: leave the cell as it is); in a
    drop-down the typed letters choose (Qt's type-ahead in the list)."""
    for value in values:
        if value is not None:
            widget = kb.focus()
            if isinstance(widget, QComboBox):
                kb.search(value)
            else:
                kb.type(value)
            if isinstance(widget, QComboBox):
                assert widget.currentText().lower().startswith(value.lower()), (
                    describe(widget), widget.currentText(), value)
        kb.tab()


def choose(kb: Keyboard, letters: str) -> None:
    """In the focused drop-down: ↓/↑ to the choice that starts with `letters`, and check it."""
    combo = kb.focus()
    assert isinstance(combo, QComboBox), describe(combo)
    kb.choose(letters)
    assert combo.currentText().lower().startswith(letters.lower()), (
        describe(combo), combo.currentText(), letters)


def set_up_region(kb: Keyboard, window: Any) -> None:
    """The wizard by keyboard: region, organisations (suggestions edited, one added), people,
    one JBT; no server yet."""
    wz = window.region.wizard
    wait_until(lambda: kb.focus() is wz.region, what="naam van de regio")
    kb.type("Regio Haaglanden (fictief)")
    kb.enter()  # Volgende
    wait_until(lambda: wz.pages.currentWidget() is wz.organisations, what="organisaties")
    # name, kind, phone, e-mail, target groups, complaints; rows: Raad, VT, Gemeente, …
    fill(kb, [None, None, "088-1234567", None, None, "0800-1234 (Raad)"])
    fill(kb, ["Veilig Thuis Duinstede (fictief)", None, "0800-2000", None, None,
              "0800-2000 (Veilig Thuis)"])
    fill(kb, ["Gemeente Duinstede"])
    kb.ctrl("n")  # a new row, the cursor in its first cell
    fill(kb, ["Jeugdbescherming West", "gec", "088-7654321", None,
              "alle doelgroepen behalve beperking"])
    kb.alt("o")
    wait_until(lambda: wz.pages.currentWidget() is wz.people, what="personen")
    for name, function, org, email, role in PEOPLE:
        kb.ctrl("n")
        fill(kb, [name, function, org.split()[0], ROLE_LETTERS[role]])
        kb.alt("e")  # e-mail and phone: in the form under the grid, for this row
        kb.type(email)
        kb.alt("l")
        kb.type(PHONES[name])
    kb.alt("o")
    wait_until(lambda: wz.pages.currentWidget() is wz.tables, what="tafels")
    kb.ctrl("n")
    weekday = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag",
               "zondag"][today().weekday()]
    # a new table: the cursor starts in Naam (Soort stays JBT)
    fill(kb, ["Jeugdbeschermingstafel Duinstede", "Duinstede", weekday, "9:30"])
    kb.tab_to(lambda w: announced(w).endswith("vaste plek"))
    kb.type("Stadskantoor Duinstede, zaal 4")
    kb.tab()
    kb.search("Mr")  # the chair by type-ahead
    kb.tab()
    kb.search("B.")  # the secretary
    kb.alt("o")
    wait_until(lambda: wz.pages.currentIndex() == 4, what="regionale server")
    kb.enter()  # Opslaan, no server yet
    wait_until(lambda: window.region.wizard is None, what="wizard opgeslagen")
    kb.phase("inrichting")


def press_button(kb: Keyboard, name: str) -> None:
    """Tab to a button (by the name it is announced with) and press it with Space."""
    kb.tab_to(name)
    kb.space()


def register_case(kb: Keyboard, window: Any) -> None:
    """Aanmelding of the demo family: two parents, Noor (13) and an unborn child without a name
    with its checklist, the criteria; onto the agenda."""
    wait_until(lambda: window.stack.currentWidget() is window.overview_view
               and window.executor.idle, what="overzicht")
    press_button(kb, "Nieuwe aanmelding…")
    wait_until(lambda: window.region.intake is not None
               and QApplication.activeModalWidget() is window.region.intake, what="aanmelding")
    d = window.region.intake
    kb.alt("m")
    kb.search("Ilse")
    wait_until(lambda: QApplication.activePopupWidget() is not None, what="suggesties melder")
    kb.down()
    kb.enter()
    kb.alt("g")
    kb.type("Fictief-Van Dalen")
    kb.alt("a")
    kb.type("Voorbeeldlaan 1")
    kb.alt("p")
    kb.type("9999 ZZ")
    kb.alt("o")
    fill(kb, [MOTHER, "moeder", "j", "06-00000001", "sanne.vandalen@example.org"])
    kb.alt("o")
    fill(kb, ["Mehmet Yilmaz (fictief)", "vader", "j"])
    born = dt.date(today().year - 13, 3, 14)
    kb.alt("k")
    fill(kb, ["Noor", "van Dalen", f"{born:%d-%m-%Y}"])
    kb.alt("k")
    fill(kb, [None, None, None, "j", f"{today() + dt.timedelta(days=120):%d-%m-%Y}"])
    kb.alt("z")
    kb.alt("b")
    kb.tab_to(lambda w: w is d.checklist.table.cellWidget(0, 0))
    fill(kb, [None, "Zorgen over geweld in huis, ook na de geboorte.", None,
              None, "Verloskundige ziet moeder elke maand."])
    for box in (d.criteria["development_threatened"], d.criteria["care_not_accepted"],
                *d.preconditions.values()):
        kb.tab_to(is_(box))
        kb.space()
    kb.tab_to("Vraag aan de tafel")
    kb.type("Herhaalde zorgen over huiselijk geweld en schoolverzuim van Noor; ouders "
            "accepteren de ingezette hulp onvoldoende.")
    press_button(kb, "Aanmelden en op de agenda zetten")
    wait_until(lambda: window.region.intake is None, what="aanmelding opgeslagen")
    wait_until(lambda: window.stack.currentWidget() is window.agenda_view, what="agenda")
    kb.phase("aanmelding")


def day_text(day: dt.date) -> str:
    return f"{day:%d-%m-%Y}"


def at_home(kb: Keyboard, window: Any) -> None:
    """The meeting is held today at the family's home (the address comes from the case)."""
    kb.alt("w")  # Gegevens wijzigen…
    wait_until(lambda: window.region.meeting_dialog is not None
               and QApplication.activeModalWidget() is window.region.meeting_dialog,
               what="gegevens van de bespreking")
    dialog = window.region.meeting_dialog
    kb.alt("l")
    choose(kb, "bij")
    assert dialog.location_text.text() == "Voorbeeldlaan 1, Duinstede", dialog.location_text.text()
    kb.alt("d")
    kb.type(day_text(today()))
    kb.enter()
    wait_until(lambda: QApplication.activeModalWidget() is None, what="gegevens opgeslagen")


def step(kb: Keyboard, window: Any, number: int) -> Any:
    """Alt+number: the step, with the cursor in its first field."""
    kb.alt(str(number))
    wait_until(lambda: window.executor.idle, what=f"stap {number}")
    view = window.meeting_view
    page = view.pages[list(view.pages)[number - 1]]
    wait_until(lambda: kb.focus() is page.first_field(), what=f"eerste veld van stap {number}")
    return page


def run_meeting(kb: Keyboard, window: Any) -> None:
    """Every step of the meeting by keyboard, with the demo meeting's content."""
    wait_until(lambda: window.executor.idle and window.agenda_view.start.isEnabled()
               and window.agenda_view.start.isVisible(), what="agenda met 'Bespreking starten'")
    kb.alt("s")  # Bespreking starten
    wait_until(lambda: window.stack.currentWidget() is window.meeting_view
               and window.executor.idle, what="bespreking")
    step(kb, window, 1)
    kb.alt("g")  # geopend
    kb.alt("m")  # gemeld
    step(kb, window, 2)
    for name in ("Karim", "Femke"):
        kb.alt("n")
        kb.search(name)
        wait_until(lambda: QApplication.activePopupWidget() is not None, what="adresboek")
        kb.down()
        kb.enter()  # fills the row, adds nobody
        kb.alt("t")  # Deelnemer toevoegen
        wait_until(lambda: window.executor.idle, what="deelnemer")
    step(kb, window, 3)
    for key, text in SAFETY_PLAN.items():
        kb.alt(PLAN_KEYS[key])
        kb.type(text)
    kb.alt("d")
    choose(kb, "ja")
    kb.alt("o")
    kb.type(GOALS[0])
    kb.enter()
    kb.type(GOALS[1])
    scaling = step(kb, window, 4)
    for pid in scaling.spins:  # top to bottom, each score typed over what is there
        kb.ctrl("a")
        kb.type(str(SCORES[window.meeting_view.env.ctx.item.participant(pid).name]))
        kb.tab()
    wait_until(lambda: window.executor.idle, what="scores")
    decision = step(kb, window, 5)
    assert decision.voices.rows, "the parents and Noor (13) are asked before the decision"
    for row in decision.voices.rows:
        first = next(k for k in VOICES if k in row.name.text())
        view_of, stance_code, words = VOICES[first]
        stance = STANCE_WORDS[stance_code]
        kb.tab_to(announced(row.view))
        kb.type(view_of)
        kb.tab()
        choose(kb, stance)
        kb.tab()
        kb.type(words)
        kb.tab()
        focused_on(kb, announced(row.save))
        kb.space()
        wait_until(lambda: window.executor.idle, what="stem vastgelegd")
    kb.tab_to(lambda w: w is decision.choices["INVESTIGATION"]
              or w in decision.choices.values())
    while not decision.choices["POSTPONED_INVESTIGATION"].hasFocus():
        kb.down()
    kb.space()
    kb.alt("m")
    kb.type("Ouders delen de zorgen en willen meewerken. Hulp onder voorwaarden krijgt eerst een "
            "kans; bij het niet nakomen start het onderzoek alsnog.")
    kb.alt("e")
    kb.type(day_text(today() + dt.timedelta(days=91)))
    kb.alt("r")
    kb.type("Wekelijkse gezinsbehandeling; Noor gaat iedere schooldag naar school.")
    kb.alt("g")
    kb.down()
    kb.alt("o")
    kb.search("West")
    wait_until(lambda: QApplication.activePopupWidget() is not None, what="voorkeur")
    kb.down()
    kb.enter()
    kb.tab()
    wait_until(lambda: window.executor.idle, what="besluit")
    lead = step(kb, window, 6)  # Casusregie: the cursor in the casusregisseur's field
    kb.search("Femke")
    wait_until(lambda: QApplication.activePopupWidget() is not None, what="casusregisseur")
    kb.down()
    kb.enter()
    kb.alt("t")  # Toewijzen; a person waits until the screen shows her as casusregisseur
    wait_until(lambda: "Femke" in lead.current.text() and lead.accept.isEnabled(),
               what="toegewezen")
    kb.alt("a")  # Casusregie is aanvaard
    wait_until(lambda: "aanvaard op" in lead.current.text(), what="aanvaard")
    agreements = step(kb, window, 7)
    for text, kind, owner, consequence, due in (
            ("Er is geen geweld meer in het bijzijn van de kinderen.", "doel", "Ouders", "", 0),
            ("Ouders werken mee aan de gezinsbehandeling, elke week.", "voorwaarde", "Ouders",
             "Als ouders niet meewerken, start de Raad alsnog het raadsonderzoek.", 14),
            ("De JB zoekt met oma uit of Daan daar kan logeren bij spanning.", "afspraak",
             "Femke de Wit (fictief)", "", 7)):
        kb.alt("w")
        kb.type(text)
        kb.alt("s")
        choose(kb, kind[:2])
        kb.alt("i")
        kb.ctrl("a")
        kb.search(owner[:3])  # the suggestions: the family, the participants, the book
        wait_until(lambda: QApplication.activePopupWidget() is not None, what="wie")
        kb.down()
        kb.enter()
        if consequence:
            kb.alt("n")
            kb.type(consequence)
        if due:
            if not agreements.has_due.isChecked():  # it stays ticked after an afspraak with one
                kb.alt("d")
            kb.alt("u")
            focused_on(kb, "Nieuwe afspraak: uiterlijk (DD-MM-JJJJ)")
            kb.type(day_text(today() + dt.timedelta(days=due)))
        kb.alt("t")  # Afspraak toevoegen
        wait_until(lambda: window.executor.idle, what="afspraak")
    closing = step(kb, window, 8)
    if not closing.has_next.isChecked():
        kb.alt("v")
    wait_until(lambda: window.executor.idle, what="afsluiting")
    kb.phase("bespreking")


def answers(kb: Keyboard, *steps: Callable[[QWidget], None]) -> list[str]:
    """The next modal dialogs answered in turn by keyboard (each once it has the keyboard, as a
    window manager gives it to a new dialog); what each one said is returned."""
    return answer_dialogs(*steps)


def typed(kb: Keyboard, text: str, secret: bool = False) -> Callable[[QWidget], None]:
    """Type into the dialog's field (select what is there first), then Enter."""
    def answer(_box: QWidget) -> None:
        kb.ctrl("a")
        kb.type(text, secret=secret)
        kb.enter()
    return answer


def yes(kb: Keyboard) -> Callable[[QWidget], None]:
    """Tab to 'Ja' in a question (asked with 'Nee' first) and press Space."""
    def answer(box: QWidget) -> None:
        assert isinstance(box, QMessageBox), describe(box)
        wanted = box.button(QMessageBox.StandardButton.Yes)
        for _ in range(6):
            if kb.focus() is wanted:
                break
            kb.tab()
        assert kb.focus() is wanted, describe(kb.focus())
        kb.space()
    return answer


def pick(kb: Keyboard, wanted: str) -> Callable[[QWidget], None]:
    """In a dialog's list of choices: ↓/↑ to the choice that contains `wanted`, then Enter."""
    def answer(_box: QWidget) -> None:
        combo = kb.focus()
        assert isinstance(combo, QComboBox), describe(combo)
        choose_in(kb, combo, wanted)
        kb.enter()
    return answer


def choose_in(kb: Keyboard, combo: QComboBox, wanted: str) -> None:
    """↓/↑ in a focused drop-down to the choice that contains `wanted`."""
    assert kb.focus() is combo, describe(kb.focus())
    found = [i for i in range(combo.count()) if wanted in combo.itemText(i)]
    assert found, (wanted, [combo.itemText(i) for i in range(combo.count())])
    index = found[0]
    steps = index - combo.currentIndex()
    kb.key(Qt.Key.Key_Down if steps > 0 else Qt.Key.Key_Up, times=abs(steps))


def settled(window: Any) -> bool:
    return bool(window.executor.idle and QApplication.activeModalWidget() is None)


def sign_and_distribute(kb: Keyboard, window: Any, folder: Path, p12: Path) -> None:
    """Notulen: the chair's own certificate (imported, linked once), the secretary's new local
    identity, two signatures each confirmed, the missing address typed, the verzendmap."""
    kb.alt("n")  # Notulen…
    mv = window.minutes_view
    wait_until(lambda: window.stack.currentWidget() is mv and window.executor.idle
               and bool(mv.preview.toPlainText()), what="notulen")
    kb.alt("2")  # tab Ondertekenen
    answers(kb, typed(kb, str(p12)), typed(kb, PIN, secret=True))
    kb.alt("m")  # PKCS#12 importeren…
    wait_until(lambda: settled(window) and "geïmporteerd" in mv.message.text(),
               what="certificaat geïmporteerd")
    kb.alt("i")
    choose_in(kb, mv.identity, "de Voorzitter")
    answers(kb, pick(kb, "Mr. A. de Voorzitter"), yes(kb))
    kb.alt("k")  # Koppelen aan persoon…
    wait_until(lambda: settled(window) and "gekoppeld" in mv.message.text(), what="gekoppeld")
    answers(kb, pick(kb, "B. Secretaris"), typed(kb, PIN, secret=True),
            typed(kb, PIN, secret=True))
    kb.alt("n")  # Nieuwe lokale identiteit…
    wait_until(lambda: settled(window) and "gemaakt" in mv.message.text(),
               what="lokale identiteit")
    for holder in ("de Voorzitter", "Secretaris"):
        kb.alt("i")
        choose_in(kb, mv.identity, holder)
        kb.alt("p")
        kb.type(PIN, secret=True)
        answers(kb, yes(kb))
        kb.enter()  # Enter in the PIN field signs, after 'Na ondertekening …' is answered
        wait_until(lambda: settled(window) and ("Ondertekend" in mv.message.text()
                                                or "Vastgesteld" in mv.message.text()),
                   timeout=60_000, what=f"ondertekend door {holder}")
    kb.alt("3")  # tab Verzenden
    wait_until(lambda: window.executor.idle, what="verzendlijst")
    for _pid, edit in list(mv.recipients.fields.items()):
        kb.tab_to(is_(edit))
        kb.type("mehmet.yilmaz@example.org")
        kb.enter()
        wait_until(lambda: window.executor.idle, what="adres opgeslagen")
    folder.mkdir(parents=True, exist_ok=True)
    answers(kb, typed(kb, str(folder)))
    kb.alt("v")  # Verzendmap maken…
    wait_until(lambda: settled(window) and any(folder.rglob("*.eml")), timeout=60_000,
               what="verzendmap")
    kb.phase("notulen")


def walk(kb: Keyboard, window: Any, folder: Path, p12: Path) -> None:
    """The whole path (phases fill in as the screens allow it)."""
    first_start(kb, window)
    set_up_region(kb, window)
    register_case(kb, window)
    at_home(kb, window)
    run_meeting(kb, window)
    sign_and_distribute(kb, window, folder, p12)
