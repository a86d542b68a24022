"""A complete JBT meeting (VTO, ends in uitgesteld raadsonderzoek) and a complete ZVT meeting,
driven through the real widgets into the real vault, then read back through the services."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QComboBox

from tafelapp.domain.enums import AgreementKind, DecisionKind, PartnerKind
from tafelapp.domain.family_words import spoken_date
from tafelapp.domain.steps import MeetingStep
from tafelapp.services import case_service, meeting_service
from tafelapp.services.meeting_context_service import meeting_context
from tests.ui.conftest import App, give_voices
from ui.views.steps.agreements import AgreementsPage
from ui.views.steps.case_lead import CaseLeadPage
from ui.views.steps.closing import ClosingPage
from ui.views.steps.decision import DecisionPage
from ui.views.steps.opening import OpeningPage
from ui.views.steps.participants import ParticipantsPage
from ui.views.steps.safety_plan import SafetyPlanPage
from ui.views.steps.scaling import ScalingPage


def choose(combo: QComboBox, data: str) -> None:
    combo.setCurrentIndex(combo.findData(data))


def add_participant(app: App, page: ParticipantsPage, name: str, role: str,
                    organisation: str = "", child: str | None = None) -> None:
    app.qtbot.keyClicks(page.name, name)
    choose(page.role, role)
    if organisation:
        app.qtbot.keyClicks(page.organisation, organisation)
    if child:
        page.child.setCurrentIndex(page.child.findText(child))
    page.add.click()
    app.settle()
    assert page.form_message.text() == ""


def add_agreement(app: App, page: AgreementsPage, text: str, kind: str, owner: str,
                  consequence: str = "", due: dt.date | None = None) -> None:
    app.qtbot.keyClicks(page.text, text)
    choose(page.kind, kind)
    app.qtbot.keyClicks(page.owner, owner)
    if due:
        page.has_due.setChecked(True)
        page.due.setDate(QDate(due.year, due.month, due.day))
    if consequence:
        app.qtbot.keyClicks(page.consequence, consequence)
    page.add.click()
    app.settle()


def test_complete_jbt_meeting_ends_in_postponed_investigation(
        make_app: Callable[..., App], jbt_vault: dict[str, Any]) -> None:
    app = make_app(jbt_vault["path"])
    app.unlock()
    window, bot = app.window, app.qtbot
    window.show_agenda(jbt_vault["meeting"].id)
    app.settle()
    window.agenda_view.add.click()
    app.settle()
    window.agenda_view.start.click()
    app.settle()
    view = window.meeting_view
    pages = view.pages
    assert view.current_step is MeetingStep.OPENING and view.verdict.text() == "Nog geen JBT"

    opening = pages[MeetingStep.OPENING]
    assert isinstance(opening, OpeningPage)
    assert "verzoek tot onderzoek" in opening.purpose.toPlainText()  # prefilled from the route
    bot.keyClick(opening.purpose, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    bot.keyClicks(opening.purpose, " Vandaag aan de keukentafel.")
    opening.opened.click()
    opening.reported.click()
    bot.keyClick(view, Qt.Key.Key_PageDown, Qt.KeyboardModifier.AltModifier)  # keyboard: next
    app.settle()
    assert view.current_step is MeetingStep.PARTICIPANTS

    people = pages[MeetingStep.PARTICIPANTS]
    assert isinstance(people, ParticipantsPage)
    # Put on the agenda, the discussion already lists the meeting's chair and secretary and the
    # case's child of 12+ (nothing typed twice); the rest is added here.
    prefilled = {people.table.item(r, 0).text() for r in range(people.table.rowCount())}
    assert prefilled == {"V. Voorzitter", "S. Secretaris", "Lotte Bos"}
    add_participant(app, people, "Anna Bos", "PARENT")
    add_participant(app, people, "Kees Bos", "PARENT")
    add_participant(app, people, "J. Beschermer", "JB", "Jeugdbescherming West")
    assert "raadsonderzoeker" in people.problems.text()  # RO still missing: live warning
    add_participant(app, people, "R. Onderzoeker", "RVDK", "Raad voor de Kinderbescherming")
    assert people.table.rowCount() == 7
    assert "raadsonderzoeker" not in people.problems.text()
    assert "Lotte is 13" not in people.problems.text()

    view.go_to(MeetingStep.SAFETY_PLAN)
    plan = pages[MeetingStep.SAFETY_PLAN]
    assert isinstance(plan, SafetyPlanPage)
    texts = {"strengths": "Oma helpt elke week.", "worries": "Ruzies thuis; Lotte slaapt slecht.",
             "must_happen_now": "Ouders zoeken samen hulp.",
             "danger_statement": "De zorg is dat Lotte en Sem opnieuw ruzie meemaken."}
    assert "family_view" not in plan.fields  # asked once, per person, in the Besluit step
    for name, text in texts.items():
        bot.keyClicks(plan.fields[name], text)
    choose(plan.shares, "yes")
    plan.shares.activated.emit(plan.shares.currentIndex())
    bot.keyClicks(plan.goals, "Lotte slaapt rustig")
    bot.keyClick(plan.goals, Qt.Key.Key_Return)
    bot.keyClicks(plan.goals, "Geen ruzie waar de kinderen bij zijn")
    app.settle()

    view.go_to(MeetingStep.SCALING)
    app.settle()
    scaling = pages[MeetingStep.SCALING]
    assert isinstance(scaling, ScalingPage)
    assert len(scaling.spins) == 6  # everyone present except the secretary
    for score, spin in zip((5, 6, 4, 4, 3, 7), scaling.spins.values(), strict=True):
        spin.setValue(score)
    app.settle()
    assert sorted(who for who in scaling.chart.series) == sorted(
        ["V. Voorzitter", "Anna Bos", "Kees Bos", "J. Beschermer", "R. Onderzoeker",
             "Lotte Bos"])

    view.go_to(MeetingStep.DECISION)
    decision = pages[MeetingStep.DECISION]
    assert isinstance(decision, DecisionPage)
    assert not decision.postponed.isVisible()
    app.settle()
    give_voices(app, decision)
    bot.keyClick(view, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)  # back to Veiligheidsplan
    assert "Ziet de zorgen (0)." in plan.family_view.text()  # shown there, read-only
    bot.keyClick(view, Qt.Key.Key_5, Qt.KeyboardModifier.AltModifier)
    assert view.current_step is MeetingStep.DECISION
    decision.choices[DecisionKind.POSTPONED_INVESTIGATION.value].click()
    assert decision.postponed.isVisible()
    bot.keyClicks(decision.motivation, "Ouders delen de zorgen en willen hulp.")
    evaluation = dt.date.today() + dt.timedelta(days=60)
    decision.evaluation.setDate(QDate(evaluation.year, evaluation.month, evaluation.day))
    bot.keyClicks(decision.conditions, "Wekelijks gezinsgesprek.")
    decision.institution.setCurrentIndex(1)
    decision.institution.activated.emit(1)
    assert "alle doelgroepen" in decision.target_groups.text()
    bot.keyClicks(decision.preference, "Jeugdbescherming West")
    app.settle()
    assert "Niets open" in decision.problems.text()

    view.go_to(MeetingStep.CASE_LEAD)
    lead = pages[MeetingStep.CASE_LEAD]
    assert isinstance(lead, CaseLeadPage)
    bot.keyClicks(lead.organisation, "Jeugdbescherming West")
    choose(lead.kind, PartnerKind.GI.value)
    bot.keyClicks(lead.person, "J. Beschermer")
    bot.keyClicks(lead.phone, "06-12345678")
    lead.assign.click()
    app.settle()
    assert "nog niet aanvaard" in lead.current.text()
    lead.accept.click()
    app.settle()
    assert "aanvaard op" in lead.current.text()

    view.go_to(MeetingStep.AGREEMENTS)
    agreements = pages[MeetingStep.AGREEMENTS]
    assert isinstance(agreements, AgreementsPage)
    add_agreement(app, agreements, "Lotte slaapt rustig.", AgreementKind.GOAL.value, "Ouders")
    add_agreement(app, agreements, "Wekelijks gezinsgesprek bijwonen.",
                  AgreementKind.CONDITION.value, "Ouders")  # consequence missing: refused
    assert agreements.message.text() == ("Als het niet lukt: bij een voorwaarde hoort wat er "
                                         "gebeurt als die niet wordt nagekomen (002)")
    agreements.consequence.setPlainText("Dan start de Raad het onderzoek alsnog.")
    agreements.add.click()
    app.settle()
    assert agreements.table.rowCount() == 2

    view.go_to(MeetingStep.CLOSING)
    closing = pages[MeetingStep.CLOSING]
    assert isinstance(closing, ClosingPage)
    closing.has_next.click()
    app.settle()
    assert "Niets meer open" in closing.missing.text()
    assert "voldaan" in closing.verdict.text()
    assert view.verdict.text() == "Geldt als JBT"
    assert "Wekelijks gezinsgesprek" in closing.summary.toPlainText()

    # Read everything back through the services.
    item_id = view.env.ctx.item.id  # type: ignore[union-attr]
    ctx = app.call(lambda s: meeting_context(s, item_id))
    item = ctx.item
    assert item.opened_by_chair and item.reported_to_secretary
    assert item.purpose.endswith("Vandaag aan de keukentafel.")
    assert item.safety_plan.worries == texts["worries"]
    assert item.safety_plan.family_shares_worries is True
    assert item.safety_plan.safety_goals == ["Lotte slaapt rustig",
                                             "Geen ruzie waar de kinderen bij zijn"]
    assert sorted(a.score for a in item.scaling_answers) == [3, 4, 4, 5, 6, 7]
    assert item.decision is not None
    assert item.decision.kind is DecisionKind.POSTPONED_INVESTIGATION
    assert item.decision.evaluation_date == evaluation
    assert item.decision.conditions == "Wekelijks gezinsgesprek."
    assert item.decision.parents_preference == "Jeugdbescherming West"
    assert [a.kind for a in item.agreements] == [AgreementKind.GOAL, AgreementKind.CONDITION]
    assert item.next_moment is not None
    assert all(not problems for problems in ctx.steps.values())
    assert ctx.not_jbt_reasons == []
    case = app.call(lambda s: case_service.get_case(s, jbt_vault["case"].id))
    assert case.active_case_leads()[0].accepted
    assert any(d.kind.value == "POSTPONED_EVALUATION" and d.due_on == evaluation
               for d in case.deadlines)

    # The family view shows what they need to know.
    closing.family.click()
    app.settle()
    family = window.family_view.browser.toPlainText()
    for expected in ("Eerst hulp met afspraken", "Lotte slaapt rustig", "Als dit niet lukt",
                     "J. Beschermer (Jeugdbescherming West)", "06-12345678",
                     spoken_date(evaluation if item.next_moment == evaluation else
                                 item.next_moment).capitalize()):
        assert expected in family, expected


def test_complete_zvt_meeting(make_app: Callable[..., App]) -> None:
    app = make_app(demo=True)
    window = app.window
    meetings = window.overview_view.meetings
    zvt = next(meetings.item(i) for i in range(meetings.count())
               if "Zorg- en Veiligheidstafel" in window.overview_view.meetings.item(i).text())
    window.show_agenda(zvt.data(Qt.ItemDataRole.UserRole))
    app.settle()
    window.agenda_view.start.click()
    app.settle()
    view, pages, bot = window.meeting_view, window.meeting_view.pages, app.qtbot
    assert view.verdict.text() == ""  # no JBT verdict at a ZVT
    opening = pages[MeetingStep.OPENING]
    assert isinstance(opening, OpeningPage)
    assert "plan van aanpak" in opening.purpose.toPlainText()
    assert opening.reported.isHidden()
    opening.opened.click()

    view.go_to(MeetingStep.PARTICIPANTS)
    app.settle()
    people = pages[MeetingStep.PARTICIPANTS]
    assert isinstance(people, ParticipantsPage)
    assert "Jayden is 15 jaar" in people.problems.text()
    [combo] = people.involvement_combos.values()
    choose(combo, "INFORMED")
    combo.activated.emit(combo.currentIndex())
    app.settle()
    assert "Jayden" not in people.problems.text()

    view.go_to(MeetingStep.DECISION)
    decision = pages[MeetingStep.DECISION]
    assert isinstance(decision, DecisionPage)
    assert decision.jbt.isHidden() and decision.zvt.isVisible()
    app.settle()
    give_voices(app, decision)
    bot.keyClicks(decision.plan, "Jongerenwerk begeleidt Jayden; school meldt verzuim direct.")

    view.go_to(MeetingStep.CASE_LEAD)
    lead = pages[MeetingStep.CASE_LEAD]
    assert isinstance(lead, CaseLeadPage)
    app.settle()
    model = lead.kind.model()
    municipality = model.item(lead.kind.findData(PartnerKind.MUNICIPALITY.value))  # type: ignore[attr-defined]
    assert not municipality.isEnabled()
    assert lead.municipality_note.isVisible() and "ketenregie" in lead.municipality_note.text()
    lead.accept.click()
    app.settle()

    view.go_to(MeetingStep.AGREEMENTS)
    agreements = pages[MeetingStep.AGREEMENTS]
    assert isinstance(agreements, AgreementsPage)
    add_agreement(app, agreements, "Jayden gaat elke dag naar school.", "GOAL", "Jayden",
                  due=dt.date.today() + dt.timedelta(days=30))
    view.go_to(MeetingStep.CLOSING)
    closing = pages[MeetingStep.CLOSING]
    assert isinstance(closing, ClosingPage)
    closing.has_next.click()
    app.settle()
    assert "Niets meer open" in closing.missing.text(), closing.missing.text()

    item_id = view.env.ctx.item.id  # type: ignore[union-attr]
    ctx = app.call(lambda s: meeting_context(s, item_id))
    assert ctx.item.plan_of_approach.startswith("Jongerenwerk begeleidt Jayden")
    assert ctx.item.decision is None
    assert ctx.case.active_case_leads()[0].accepted
    assert ctx.item.agreements[0].text == "Jayden gaat elke dag naar school."
    refused = app.call(lambda s: _try_municipality(s, ctx.case.id))
    assert "ketenregie" in refused


def _try_municipality(session: Any, case_id: str) -> str:
    from tafelapp.domain.problems import InvalidInput
    try:
        case_service.assign_case_lead(session, case_id, organisation="Gemeente",
                                      organisation_kind="MUNICIPALITY", person="K")
    except InvalidInput as exc:
        return exc.problems[0].message
    return ""


def test_live_rules_vto_gm_and_chair_disagreement(make_app: Callable[..., App],
                                                  jbt_vault: dict[str, Any]) -> None:
    app = make_app(jbt_vault["path"])
    app.unlock()
    item = app.call(lambda s: meeting_service.add_to_agenda(s, jbt_vault["meeting"].id,
                                                             jbt_vault["case"].id))
    app.window.open_item(item.id, MeetingStep.DECISION)
    app.settle()
    page = app.window.meeting_view.pages[MeetingStep.DECISION]
    assert isinstance(page, DecisionPage)
    # Chair disagrees with "geen raadsonderzoek": the decision becomes raadsonderzoek, cited.
    page.choices[DecisionKind.NO_INVESTIGATION.value].click()
    page.disagrees.click()
    app.qtbot.keyClicks(page.motivation, "Ernstig genoeg.")
    app.settle()
    assert page.choices[DecisionKind.INVESTIGATION.value].isChecked()
    assert "001 §2.1.4" in page.citation.text() and page.citation.isVisible()

    # A VTO GM fixes the decision to raadsonderzoek and says why.
    case = jbt_vault["case"]
    app.call(lambda s: case_service.register_referral(
        s, case.id, {**case.referral.model_dump(), "route": "VTO_GM"}))
    app.window.open_item(item.id, MeetingStep.DECISION)
    app.settle()
    page = app.window.meeting_view.pages[MeetingStep.DECISION]
    assert isinstance(page, DecisionPage)
    for kind in (DecisionKind.POSTPONED_INVESTIGATION, DecisionKind.NO_INVESTIGATION):
        assert not page.choices[kind.value].isEnabled()
        assert "VTO GM wordt altijd in onderzoek genomen" in page.reasons[kind.value].text()
    assert page.choices[DecisionKind.INVESTIGATION.value].isEnabled()


def test_undo_in_a_text_field_survives_autosave(make_app: Callable[..., App],
                                                jbt_vault: dict[str, Any]) -> None:
    app = make_app(jbt_vault["path"])
    app.unlock()
    item = app.call(lambda s: meeting_service.add_to_agenda(s, jbt_vault["meeting"].id,
                                                             jbt_vault["case"].id))
    app.window.open_item(item.id, MeetingStep.SAFETY_PLAN)
    app.settle()
    page = app.window.meeting_view.pages[MeetingStep.SAFETY_PLAN]
    assert isinstance(page, SafetyPlanPage)
    field = page.fields["worries"]
    field.setFocus()
    app.qtbot.keyClicks(field, "Eerste zin.")
    app.settle()  # stored, and the record reloaded around the field
    assert "Opgeslagen" in app.window.save_state.text()
    app.qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert field.toPlainText() == ""  # the undo history was not lost by the save
    app.settle()
    stored = app.call(lambda s: meeting_service.get_meeting(s, jbt_vault["meeting"].id))
    assert stored.agenda[0].safety_plan.worries == ""
