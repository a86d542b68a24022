"""The passphrase rule names what is wrong, in Dutch."""

import pytest

from tafelapp.domain.passphrase import passphrase_problems


@pytest.mark.parametrize(("phrase", "code"), [
    ("kort-1", "passphrase.too_short"),
    ("aaaaaaaaaaaaaaaa", "passphrase.too_few_distinct"),
    ("Wachtwoord123", "passphrase.common_word"),
    ("abcdefghijklmn", "passphrase.sequence"),
    (" spatie-vooraan-9", "passphrase.whitespace_edges"),
])
def test_weak_passphrases_are_refused_with_the_rule(phrase: str, code: str) -> None:
    problems = passphrase_problems(phrase)
    assert code in {p.code for p in problems}
    assert all(p.field == "wachtwoordzin" and p.message for p in problems)


def test_too_short_message_names_the_rule() -> None:
    [problem] = [p for p in passphrase_problems("kort-1") if p.code == "passphrase.too_short"]
    assert "minstens 12 tekens" in problem.message


def test_a_good_passphrase_passes() -> None:
    assert passphrase_problems("Kaasschaaf-Tulp-91") == []
    assert passphrase_problems("paarse olifant danst op dinsdag") == []
