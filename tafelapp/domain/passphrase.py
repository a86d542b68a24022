"""The rule for a vault passphrase: long enough and not guessable."""

from __future__ import annotations

from tafelapp.domain.problems import Problem

MIN_LENGTH = 12

_COMMON = (
    "wachtwoord", "password", "welkom", "geheim", "tafelapp", "jeugdbescherming", "qwerty",
    "azerty", "123456", "letmein", "admin", "zomer", "winter", "voorjaar", "najaar",
)
_SEQUENCES = ("0123456789", "abcdefghijklmnopqrstuvwxyz", "qwertyuiop", "asdfghjkl", "zxcvbnm")


def passphrase_problems(passphrase: str) -> list[Problem]:
    """Every rule the passphrase breaks, each naming the rule in Dutch."""
    field = "wachtwoordzin"
    problems: list[Problem] = []
    if len(passphrase) < MIN_LENGTH:
        problems.append(Problem("passphrase.too_short", field,
                                f"moet minstens {MIN_LENGTH} tekens lang zijn "
                                f"(nu {len(passphrase)})"))
    if passphrase != passphrase.strip():
        problems.append(Problem("passphrase.whitespace_edges", field,
                                "mag niet beginnen of eindigen met een spatie"))
    if len(set(passphrase)) < 6:
        problems.append(Problem("passphrase.too_few_distinct", field,
                                "moet minstens 6 verschillende tekens bevatten"))
    lowered = passphrase.lower()
    common = [w for w in _COMMON if w in lowered]
    compact = "".join(ch for ch in lowered if ch.isalnum())
    if common and len(compact) - len(common[0]) < 8:
        problems.append(Problem("passphrase.common_word", field,
                                f"is te voorspelbaar: bestaat vooral uit het veelgebruikte "
                                f"woord '{common[0]}'"))
    if compact and any(compact in seq or compact in seq[::-1] for seq in _SEQUENCES):
        problems.append(Problem("passphrase.sequence", field,
                                "is een reeks opeenvolgende tekens (zoals 1234… of abcd…)"))
    return problems
