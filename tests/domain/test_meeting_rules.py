"""Involvement of children of 12+, scaling answers, casusregie, and the combined meeting rules."""

import pytest
from pydantic import ValidationError

from tafelapp.domain.enums import InvolvementKind, PartnerKind, Role, TableKind
from tafelapp.domain.meeting import ChildInvolvement, Participant, ScalingAnswer
from tafelapp.domain.models import CaseLead
from tafelapp.domain.rules.case_lead import case_lead_problems
from tafelapp.domain.rules.involvement import involvement_problems
from tafelapp.domain.rules.meeting import meeting_problems
from tafelapp.domain.rules.scaling import scaling_problems
from tests import factories as f


def test_child_of_12_needs_recorded_involvement() -> None:
    teen = f.child(age=12)
    c = f.case(f.table(), children=[teen, f.child(age=11)])
    item = f.complete_item(c)
    [problem] = involvement_problems(c, item, f.TODAY)
    assert problem.code == "involvement.unrecorded"
    informed = item.model_copy(update={"involvement": [
        ChildInvolvement(child_id=teen.id, kind=InvolvementKind.INFORMED)]})
    assert involvement_problems(c, informed, f.TODAY) == []
    present = item.model_copy(update={"participants": [
        *item.participants, Participant(name="Kim", role=Role.CHILD, child_id=teen.id)]})
    assert involvement_problems(c, present, f.TODAY) == []


def test_not_involved_needs_a_reason() -> None:
    teen = f.child(age=14)
    c = f.case(f.table(), children=[teen])
    item = f.complete_item(c).model_copy(update={"involvement": [
        ChildInvolvement(child_id=teen.id, kind=InvolvementKind.NOT_INVOLVED)]})
    assert [p.code for p in involvement_problems(c, item, f.TODAY)] == [
        "involvement.reason_missing"]


@pytest.mark.parametrize("score", [11, -1, 7.5, "7", None])
def test_score_must_be_whole_number_0_to_10(score: object) -> None:
    with pytest.raises(ValidationError):
        ScalingAnswer(participant_id="x", score=score)  # type: ignore[arg-type]
    assert ScalingAnswer(participant_id="x", score=0).score == 0
    assert ScalingAnswer(participant_id="x", score=10).score == 10


def test_scaling_answer_must_come_from_a_participant_of_the_meeting() -> None:
    c = f.case(f.table())
    item = f.complete_item(c)
    stranger = item.model_copy(update={"scaling_answers": [
        ScalingAnswer(participant_id="iemand-anders", score=4)]})
    [problem] = scaling_problems(stranger)
    assert problem.code == "scaling.not_a_participant"
    assert problem.field == "scaling_answers.0.participant_id"


def _lead(kind: PartnerKind, ended: bool = False) -> CaseLead:
    return CaseLead(organisation="Org", organisation_kind=kind, person="P", phone="070-1234567",
                    since=f.TODAY,
                    ended_on=f.TODAY if ended else None)


def test_zvt_casusregie_never_the_municipality_and_one_at_a_time() -> None:
    zvt = f.table(TableKind.ZVT)
    muni = f.case(zvt, case_leads=[_lead(PartnerKind.MUNICIPALITY)])
    assert [p.code for p in case_lead_problems(muni, TableKind.ZVT)] == [
        "case_lead.municipality_at_zvt"]
    two = f.case(zvt, case_leads=[_lead(PartnerKind.POLICE), _lead(PartnerKind.SCHOOL)])
    assert [p.code for p in case_lead_problems(two, TableKind.ZVT)] == [
        "case_lead.more_than_one"]
    handed_over = f.case(zvt, case_leads=[_lead(PartnerKind.POLICE, ended=True),
                                          _lead(PartnerKind.SCHOOL)])
    assert case_lead_problems(handed_over, TableKind.ZVT) == []


def test_meeting_problems_prefix_the_agenda_item_path() -> None:
    t = f.table()
    c = f.case(t)
    item = f.complete_item(c).model_copy(update={"scaling_answers": [
        ScalingAnswer(participant_id="niemand", score=3)]})
    problems = meeting_problems(f.meeting(t, [item]), t, {c.id: c})
    assert "agenda.0.scaling_answers.0.participant_id" in {p.field for p in problems}
