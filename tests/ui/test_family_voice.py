"""Through the real meeting screens: the family's own voice and a professional's dissent before
the decision, attendance as it happened (vanaf / tot, the moment of the decision), and the score
of someone not at the table shown on screen and in the notulen alike."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt

from tafelapp.domain.steps import MeetingStep
from tafelapp.services import meeting_service, minutes_service
from tafelapp.services.session import Session
from tests.ui.conftest import App
from ui.views.steps.decision import DecisionPage
from ui.views.steps.participants import ParticipantsPage
from ui.views.steps.scaling import ScalingPage


def _items(s: Session) -> tuple[str, str]:
    first, later = sorted(meeting_service.list_meetings(s), key=lambda m: m.date)[:2]
    return (meeting_service.get_meeting(s, first.id).agenda[0].id,
            meeting_service.get_meeting(s, later.id).agenda[0].id)


def _html(app: App, item_id: str) -> str:
    minutes = app.call(lambda s: minutes_service.draft_minutes(s, item_id))
    return str(app.call(lambda s: minutes_service.document_html(s, minutes.id)))


def _decision(make_app: Callable[..., App]) -> tuple[App, str, DecisionPage]:
    """The demo's later meeting opened at the Besluit step."""
    app = make_app(demo=True)
    _first, later = app.call(_items)
    app.window.open_item(later, MeetingStep.DECISION)
    app.settle()
    page = app.window.meeting_view.pages[MeetingStep.DECISION]
    assert isinstance(page, DecisionPage)
    return app, later, page


def test_the_family_is_heard_before_the_decision_and_a_dissent_is_recorded(
        make_app: Callable[..., App]) -> None:
    app, later, page = _decision(make_app)
    rows = {r.name.text().split(" (ouder)")[0]: r for r in page.voices.rows}
    assert set(rows) == {"<b>Sanne van Dalen (fictief)</b>", "<b>Mehmet Yilmaz (fictief)</b>"}
    assert {r.stance.accessibleName() for r in page.voices.rows} == {  # told apart by name
        "Eens met het besluit? — ouder Sanne van Dalen (fictief)",
        "Eens met het besluit? — ouder Mehmet Yilmaz (fictief)"}
    assert "stem van Sanne van Dalen (fictief) is nog niet vastgelegd" in page.problems.text()
    sanne, mehmet = rows["<b>Sanne van Dalen (fictief)</b>"], rows["<b>Mehmet Yilmaz (fictief)</b>"]
    mehmet.stance.setCurrentIndex(mehmet.stance.findData("NOT_ASKED"))
    assert mehmet.words.placeholderText() == "Waarom niet gevraagd?"
    mehmet.save.click()
    app.settle()
    assert "Stem 1, Waarom niet gevraagd" in page.voices.message.text() or \
        "zeg waarom Mehmet Yilmaz (fictief) niet is gevraagd" in page.voices.message.text()
    app.qtbot.keyClicks(mehmet.words, "Vader was er niet; hij wordt morgen gebeld.")
    mehmet.save.click()
    app.qtbot.keyClicks(sanne.view, "Het is rustiger, maar nog niet goed.")
    sanne.stance.setCurrentIndex(sanne.stance.findData("DISAGREES"))
    app.qtbot.keyClicks(sanne.words, "Ik wil geen onderzoek, het gaat beter.")
    sanne.save.click()
    app.settle()
    assert page.voices.message.text() == ""
    assert "stem van" not in page.problems.text()
    page.voices.dissenter.setCurrentIndex(page.voices.dissenter.findText(
        "Karim Bakker (fictief)", flags=__import__("PySide6.QtCore", fromlist=["Qt"]).Qt
        .MatchFlag.MatchStartsWith))
    app.qtbot.keyClicks(page.voices.dissent_reason, "De Raad vindt onderzoek nu nodig.")
    page.voices.add_dissent.click()
    app.settle()
    assert "Karim Bakker (fictief): De Raad vindt onderzoek nu nodig." in page.voices.dissents.text()
    html = _html(app, later)
    assert "Stem van het gezin" in html and "Ik wil geen onderzoek, het gaat beter." in html
    assert "oneens" in html and "Vader was er niet; hij wordt morgen gebeld." in html
    assert "<th>Eigen score</th>" in html
    assert "Afwijkend standpunt</b> van Karim Bakker (fictief)" in html


def test_attendance_as_it_happened_counts_at_the_moment_of_the_decision(
        make_app: Callable[..., App]) -> None:
    app = make_app(demo=True)
    first, _later = app.call(_items)
    app.window.open_item(first, MeetingStep.PARTICIPANTS)
    app.settle()
    people = app.window.meeting_view.pages[MeetingStep.PARTICIPANTS]
    assert isinstance(people, ParticipantsPage)
    row = next(r for r in range(people.table.rowCount())
               if people.table.item(r, 1).text().startswith("Raad voor de Kinderbescherming"))
    people.table.selectRow(row)
    app.qtbot.keyClicks(people.arrived, "10:30")
    app.qtbot.keyClicks(people.left_at, "10:00")
    people.save_times.click()
    app.settle()
    assert "'tot' ligt niet na 'vanaf'" in people.problems.text()
    people.left_at.clear()
    people.save_times.click()
    app.settle()
    assert "(vanaf 10:30)" in people.table.item(row, 2).text()
    app.window.meeting_view.go_to(MeetingStep.DECISION)
    app.settle()
    decision = app.window.meeting_view.pages[MeetingStep.DECISION]
    assert isinstance(decision, DecisionPage)
    app.qtbot.keyClicks(decision.decided_at, "10:15")
    app.window.saver.flush()
    app.settle()
    status = app.call(lambda s: meeting_service.item_status(s, first))
    assert [p.message for p in status.not_jbt_reasons] == [
        "de raadsonderzoeker (RO) neemt op het moment van het besluit (10:15) niet deel; een "
        "JBT vraagt ouders, JB en RO (001 stap 15)"]
    html = _html(app, first)
    assert "Aanwezig bij het besluit (10:15)" in html and "(vanaf 10:30)" in html
    there = html.split("Aanwezig bij het besluit (10:15):")[1].split("</p>")[0]
    assert "Karim Bakker" not in there and "Femke de Wit" in there


def test_the_score_of_someone_not_at_the_table_shows_how_it_was_given_everywhere(
        make_app: Callable[..., App]) -> None:
    app = make_app(demo=True)
    first, _later = app.call(_items)
    item = app.call(lambda s: meeting_service.locate_item(s, first)[1])
    jb = next(p for p in item.participants if p.role.value == "JB")
    app.call(lambda s: meeting_service.update_participant(s, first, jb.id, attendance="EXCUSED"))
    app.window.open_item(first, MeetingStep.SCALING)
    app.settle()
    scaling = app.window.meeting_view.pages[MeetingStep.SCALING]
    assert isinstance(scaling, ScalingPage)
    assert scaling.spins[jb.id].value() == 4 and jb.id in scaling.how  # shown, not hidden
    assert "was niet aan tafel: geef aan hoe de score is gegeven" in scaling.problems.text()
    assert "hoe gegeven is niet vastgelegd" in _html(app, first)
    how = scaling.how[jb.id]
    how.setCurrentIndex(how.findData("BY_PHONE"))
    how.activated.emit(how.currentIndex())
    app.window.saver.flush()
    app.settle()
    assert "geef aan hoe de score" not in scaling.problems.text()
    assert "Femke de Wit (fictief) <i>(niet aan tafel; telefonisch)</i>" in _html(app, first)


def test_an_adjourned_discussion_continues_another_day_and_counts_from_it(
        make_app: Callable[..., App]) -> None:
    import datetime as dt

    from PySide6.QtCore import QDate, Qt

    from tafelapp.domain.enums import DeadlineKind
    from tafelapp.services import case_service
    from ui.views.steps.closing import ClosingPage

    app = make_app(demo=True)
    first, _later = app.call(_items)
    meeting, item = app.call(lambda s: meeting_service.locate_item(s, first))
    app.window.open_item(first, MeetingStep.CLOSING)
    app.settle()
    closing = app.window.meeting_view.pages[MeetingStep.CLOSING]
    assert isinstance(closing, ClosingPage)
    resume = meeting.date + dt.timedelta(days=7)
    assert closing.continue_on.date() == QDate(resume.year, resume.month, resume.day)  # default
    bot = app.qtbot
    closing.has_next.setFocus()
    bot.keyClick(closing, Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)  # Sc&horsen, no reason
    bot.wait(250)  # a mnemonic 'animates' its click for 100 ms
    app.settle()
    assert "Reden" in closing.pause_message.text()  # refused, in words, at the row
    bot.keyClick(closing, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)  # &Reden
    assert closing.continue_reason.hasFocus()
    bot.keyClicks(closing.continue_reason, "De Raad moest weg; verder met de Raad erbij.")
    bot.keyClick(closing.continue_reason, Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)
    bot.wait(250)
    app.settle()
    assert f"Geschorst en voortgezet op {resume:%d-%m-%Y}" in closing.continued.text()
    assert closing.pause_message.text() == ""
    decision = item.decision
    assert decision is not None
    app.call(lambda s: meeting_service.take_decision(  # decided when the discussion went on
        s, first, kind=decision.kind.value, motivation=decision.motivation,
        institution_id=decision.institution_id, evaluation_date=decision.evaluation_date,
        conditions=decision.conditions, parents_preference=decision.parents_preference))
    case = app.call(lambda s: case_service.get_case(s, item.case_id))
    [term] = [d for d in case.deadlines if d.kind is DeadlineKind.POSTPONED_EVALUATION]
    assert term.started_on == resume  # the term counts from the day of the decision
    html = _html(app, first)
    assert (f"{meeting.date:%d-%m-%Y}" in html and
            f"geschorst en voortgezet op {resume:%d-%m-%Y}" in html)
    assert "De Raad moest weg" in html


def test_a_reload_while_a_voice_is_typed_keeps_the_words(make_app: Callable[..., App]) -> None:
    """A save elsewhere reloads the record while a parent's words are being typed: the words
    stay on screen, and are stored when the row is stored (they were wiped before)."""
    app, later, page = _decision(make_app)
    sanne = next(r for r in page.voices.rows if "Sanne" in r.name.text())
    app.qtbot.keyClicks(sanne.view, "Het is rustiger thuis.")
    app.qtbot.keyClick(sanne.stance, Qt.Key.Key_Down)  # the first answer, by keyboard
    stance = sanne.stance.currentData()
    app.qtbot.keyClicks(sanne.words, "Ik wil het zelf proberen.")
    app.window.meeting_view.request_refresh()  # as after a score or a text saved elsewhere
    app.settle()
    assert (sanne.view.text(), sanne.stance.currentData(), sanne.words.text()) == (
        "Het is rustiger thuis.", stance, "Ik wil het zelf proberen.")
    app.qtbot.keyClick(sanne.words, "\r")  # Enter stores the row
    app.settle()
    item = app.call(lambda s: meeting_service.locate_item(s, later)[1])
    [voice] = [v for v in item.family_voices if v.own_words]
    assert (voice.view, voice.stance.value, voice.own_words) == (
        "Het is rustiger thuis.", stance, "Ik wil het zelf proberen.")
