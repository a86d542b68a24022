"""Small builders of valid domain records for rule tests (no database)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from tafelapp.domain.enums import Attendance, Role, TableKind
from tafelapp.domain.meeting import AgendaItem, Agreement, Meeting, Participant, ScalingAnswer
from tafelapp.domain.models import Case, CertifiedInstitution, Child, Family, Referral, Table

TODAY = dt.date(2026, 11, 22)


def table(kind: TableKind = TableKind.JBT) -> Table:
    return Table(kind=kind, name="Tafel", region="Regio", municipality="Gemeente",
                 institutions=[CertifiedInstitution(name="Jeugdbescherming West")])


def referral(**changes: Any) -> Referral:
    data: dict[str, Any] = {
        "route": "VTO", "date": TODAY - dt.timedelta(days=10), "referrer_kind": "VEILIG_THUIS",
        "referrer_organisation": "Veilig Thuis", "referrer_person": "I. Melder",
        "criteria": {"development_threatened": True, "care_not_accepted": True},
        "preconditions": {"safety_plan_made": True, "help_in_place": True,
                          "choices_discussed": True, "registered_in_vir": True},
    }
    data.update(changes)
    return Referral.model_validate(data)


def child(age: int | None = 8, **changes: Any) -> Child:
    data: dict[str, Any] = {"first_name": "Kim", "last_name": "Test"}
    if age is not None:
        data["birth_date"] = TODAY.replace(year=TODAY.year - age) - dt.timedelta(days=1)
    data.update(changes)
    return Child.model_validate(data)


def case(t: Table, children: list[Child] | None = None, ref: Referral | None = None,
         **changes: Any) -> Case:
    data: dict[str, Any] = {
        "table_id": t.id, "case_number": "JBT-2026-0001", "opened_on": TODAY,
        "family": Family(name="Test"), "children": children or [child()],
        "referral": ref if ref is not None else referral(),
    }
    data.update(changes)
    return Case.model_validate(data)


def complete_item(c: Case) -> AgendaItem:
    """An agenda item that meets every JBT condition of `001` step 15."""
    people = [Participant(name="Ouder", role=Role.PARENT),
              Participant(name="JB", role=Role.JB),
              Participant(name="RO", role=Role.RVDK),
              Participant(name="Voorzitter", role=Role.CHAIR)]
    return AgendaItem(
        case_id=c.id, purpose="Doel uitgelegd", opened_by_chair=True, reported_to_secretary=True,
        participants=people,
        safety_plan={"strengths": "k", "worries": "z", "must_happen_now": "n",
                     "danger_statement": "g"},
        scaling_answers=[ScalingAnswer(participant_id=people[0].id, score=5)],
        agreements=[Agreement(text="Afspraak", owner="Ouder")],
    )


def meeting(t: Table, items: list[AgendaItem], day: dt.date = TODAY) -> Meeting:
    return Meeting(table_id=t.id, date=day, chair="Voorzitter", agenda=items)


def absent(item: AgendaItem, role: Role) -> AgendaItem:
    return item.model_copy(update={"participants": [
        p.model_copy(update={"attendance": Attendance.EXCUSED}) if p.role is role else p
        for p in item.participants]})
