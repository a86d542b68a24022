"""UI text: Dutch labels (shared with the CLI) and problems as sentences for people."""

from __future__ import annotations

from tafelapp.domain import labels
from tafelapp.domain.problems import Problem, Severity

__all__ = ["labels", "problem_html", "problem_line", "problems_line"]


def problem_line(problem: Problem, with_field: bool = False) -> str:
    """One problem as a sentence with a capital letter; with the Dutch field name when asked."""
    message = problem.message[:1].upper() + problem.message[1:]
    if with_field:
        return f"{labels.field_place(problem.field)}: {problem.message}"
    return message


def problems_line(problems: list[Problem]) -> str:
    """Input problems, one per line, each naming its field in Dutch (for refused input)."""
    return "\n".join(problem_line(p, with_field=True) for p in problems)


def problem_html(problems: list[Problem]) -> str:
    """Problems as a short list, errors in red and warnings in amber."""
    if not problems:
        return ""
    rows = []
    for p in problems:
        colour = "#c62828" if p.severity is Severity.ERROR else "#8a5200"
        rows.append(f'<li style="color:{colour}">{problem_line(p)}</li>')
    return "<ul style='margin:0'>" + "".join(rows) + "</ul>"
