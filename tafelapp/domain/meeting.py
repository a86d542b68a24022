"""The records of a meeting: agenda items, participants, safety plan, scores, decision, agreements."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from tafelapp.domain.enums import (
    AgreementKind,
    AgreementStatus,
    Attendance,
    DecisionKind,
    FamilyStance,
    InvolvementKind,
    LocationKind,
    Role,
    ScoreGiven,
)
from tafelapp.domain.models import Model
from tafelapp.domain.types import Id, Name, Score, ShortText, Text, new_id

STANDARD_SCALING_QUESTION = (
    "Op een schaal van 0 tot 10, waarbij 10 betekent dat iedereen weet dat de kinderen veilig genoeg "
    "zijn om de zaak af te sluiten en 0 dat het zo onveilig is dat de kinderen niet thuis kunnen "
    "blijven: waar staat het nu?"
)


class Participant(Model):
    """Deelnemer: a person at (or informed about) the discussion of one case."""

    id: Id = Field(default_factory=new_id)
    name: Name
    role: Role
    organisation: ShortText | None = None
    attendance: Attendance = Attendance.PRESENT
    child_id: Id | None = None
    email: ShortText | None = None
    phone: ShortText | None = None
    person_id: Id | None = None
    guardian_id: Id | None = None
    confirmed: bool = True
    arrived: dt.time | None = None  # vanaf: came later than the start
    left_at: dt.time | None = None  # tot: left before the end

    @property
    def takes_part(self) -> bool:
        """Present in person (or on video): the meaning of "takes part" in `001` step 15."""
        return self.attendance is Attendance.PRESENT

    def present_at(self, moment: dt.time | None) -> bool:
        """Taking part at `moment` (from 'vanaf' until 'tot'); any time when no moment is known."""
        if not self.takes_part:
            return False
        if moment is None:
            return True
        return (self.arrived is None or self.arrived <= moment) and (
            self.left_at is None or moment < self.left_at)


class ChildInvolvement(Model):
    """How a child of 12 or older was involved (`001 §2.1`); NOT_INVOLVED needs a reason."""

    child_id: Id
    kind: InvolvementKind
    reason: Text | None = None


class SafetyPlan(Model):
    """Veiligheidsplan (`001 §2.5.4` note 13): krachten, zorgen, wat moet er nu gebeuren, grootste zorg."""

    strengths: Text = ""
    worries: Text = ""
    must_happen_now: Text = ""
    danger_statement: Text = ""
    family_view: Text = ""
    family_shares_worries: bool | None = None
    safety_goals: list[Text] = Field(default_factory=list, max_length=50)
    analysis_by_jb: bool = False


class ScalingAnswer(Model):
    """Schaalvraag answer: one respondent's 0–10 score on a question, in this meeting."""

    id: Id = Field(default_factory=new_id)
    participant_id: Id
    score: Score
    question: Text = STANDARD_SCALING_QUESTION
    given: ScoreGiven | None = None  # None: at the table; else how it reached the table


class Decision(Model):
    """Besluit of a JBT with its motivation, GI choice and, when postponed, evaluation and conditions."""

    kind: DecisionKind
    motivation: Text = ""
    chair_disagrees: bool = False
    institution_id: Id | None = None
    parents_preference: ShortText | None = None
    evaluation_date: dt.date | None = None
    conditions: Text | None = None
    extended_to_children: list[Name] = Field(default_factory=list, max_length=20)
    decided_on: dt.date
    decided_at: dt.time | None = None  # the moment: who was present then counts


class FamilyVoice(Model):
    """Stem van het gezin (`FamilyVoice`): how one parent, gezaghebbende or young person (12+)
    sees the zorgen and whether they agree with the decision, in their own words (`004`)."""

    participant_id: Id
    view: Text = ""
    stance: FamilyStance | None = None
    own_words: Text = ""
    not_asked_reason: Text | None = None

    @property
    def words(self) -> str:
        """What they said in their own words, or why they were not asked."""
        if self.stance is FamilyStance.NOT_ASKED:
            return self.not_asked_reason or ""
        return self.own_words


class Dissent(Model):
    """Afwijkend standpunt (`Dissent`): a professional at the table who disagrees with the
    table's decision, with the reason, recorded in the notulen as the protocol requires."""

    id: Id = Field(default_factory=new_id)
    participant_id: Id
    reason: Text = Field(min_length=1)


class Agreement(Model):
    """Veiligheidsafspraak / actiepunt: doel, voorwaarde (with gevolg) or afspraak (`002`)."""

    id: Id = Field(default_factory=new_id)
    text: Text
    kind: AgreementKind = AgreementKind.ARRANGEMENT
    consequence: Text | None = None
    owner: Name
    due_date: dt.date | None = None
    status: AgreementStatus = AgreementStatus.OPEN
    done_on: dt.date | None = None


class Continuation(Model):
    """Voortzetting (`Continuation`): the discussion was geschorst and continued on this day."""

    on: dt.date
    start: dt.time | None = None
    reason: Text = Field(min_length=1)


class AgendaItem(Model):
    """Bespreking van één casus within a meeting: everything the table records for that case."""

    id: Id = Field(default_factory=new_id)
    case_id: Id
    position: int = Field(default=0, ge=0, le=1000)
    planned_start: dt.time | None = None
    purpose: Text = ""
    opened_by_chair: bool = False
    reported_to_secretary: bool = False
    participants: list[Participant] = Field(default_factory=list, max_length=60)
    involvement: list[ChildInvolvement] = Field(default_factory=list, max_length=20)
    safety_plan: SafetyPlan = Field(default_factory=SafetyPlan)
    scaling_answers: list[ScalingAnswer] = Field(default_factory=list, max_length=60)
    decision: Decision | None = None
    plan_of_approach: Text = ""
    agreements: list[Agreement] = Field(default_factory=list, max_length=200)
    next_moment: dt.date | None = None
    next_moment_start: dt.time | None = None  # the next moment's time and place (Afsluiting)
    next_moment_place: ShortText | None = None
    family_voices: list[FamilyVoice] = Field(default_factory=list, max_length=30)
    dissents: list[Dissent] = Field(default_factory=list, max_length=30)
    continuations: list[Continuation] = Field(default_factory=list, max_length=10)

    def last_day(self, meeting_date: dt.date) -> dt.date:
        """The day the discussion last sat: the meeting's, or its latest continuation's."""
        return max([meeting_date, *(c.on for c in self.continuations)])

    def participant(self, participant_id: str) -> Participant | None:
        """The participant with this id in this agenda item, if any."""
        return next((p for p in self.participants if p.id == participant_id), None)


class Meeting(Model):
    """Bespreking: one sitting of a table on a date, with its agenda of cases."""

    id: Id = Field(default_factory=new_id)
    table_id: Id
    date: dt.date
    start: dt.time | None = None
    end: dt.time | None = None
    location_kind: LocationKind = LocationKind.OFFICE
    location_text: ShortText | None = None
    chair: Name
    secretary: Name | None = None
    chair_id: Id | None = None
    secretary_id: Id | None = None
    agenda: list[AgendaItem] = Field(default_factory=list, max_length=60)

    def item(self, item_id: str) -> AgendaItem | None:
        """The agenda item with this id, if any."""
        return next((i for i in self.agenda if i.id == item_id), None)

    def item_for_case(self, case_id: str) -> AgendaItem | None:
        """The agenda item about this case, if the case is on the agenda."""
        return next((i for i in self.agenda if i.case_id == case_id), None)
