"""Rules for schaalvragen: whole numbers 0–10 from a participant of that meeting."""

from __future__ import annotations

from tafelapp.domain.meeting import AgendaItem
from tafelapp.domain.problems import Problem, Severity


def scaling_problems(item: AgendaItem) -> list[Problem]:
    """Each answer comes from a participant of this agenda item, once per question."""
    problems: list[Problem] = []
    seen: set[tuple[str, str]] = set()
    for index, answer in enumerate(item.scaling_answers):
        participant = item.participant(answer.participant_id)
        if participant is None:
            problems.append(Problem("scaling.not_a_participant",
                                    f"scaling_answers.{index}.participant_id",
                                    "de respondent is geen deelnemer van deze bespreking"))
        key = (answer.participant_id, answer.question.strip())
        if key in seen:
            problems.append(Problem("scaling.duplicate", f"scaling_answers.{index}",
                                    "deze deelnemer heeft deze schaalvraag al beantwoord",
                                    Severity.ERROR))
        seen.add(key)
    return problems
