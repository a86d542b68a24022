"""Pseudonymisation against a corpus of 224 Dutch sentences written for the purpose: zero leaks of
the case's personal data in any spelling, and few false replacements."""

from __future__ import annotations

import pytest

from tafelapp.domain.pseudonyms import dates_in, personal_data
from tafelapp.reports.deidentify import pseudonymise
from tests.privacy.corpus import FAMILIES, case_for, evaluate, sentences

MAX_FALSE_REPLACEMENTS = 0.10  # of the phrases that must stay (organisations, dates, terms)


def test_the_corpus_is_big_enough_and_varied() -> None:
    corpus = sentences()
    assert len(corpus) >= 200
    assert sum(len(s.personal) for s in corpus) >= 400  # personal values to find
    spellings = {"14-3-2013", "14-03-2013", "14/03/2013", "14-3-13", "14.03.2013", "2013-03-14",
                 "14 maart 2013", "14 mrt. 2013", "14 mrt 2013", "14 maart", "14e maart 2013",
                 "14-mrt-2013", "14 maart '13"}
    text = " ".join(s.text for s in corpus)
    assert all(form in text for form in spellings)


def test_no_personal_value_of_the_case_survives_in_any_spelling() -> None:
    result = evaluate(pseudonymise)
    assert result.leaks == [], "\n".join(str(leak) for leak in result.leaks[:10])
    assert len(result.damage) / result.phrases_to_keep <= MAX_FALSE_REPLACEMENTS, result.damage


@pytest.mark.parametrize(("text", "expected"), [
    ("14-3-2013", (14, 3, 2013)), ("14/03/13", (14, 3, 2013)), ("2013-03-14", (14, 3, 2013)),
    ("14 mrt. 2013", (14, 3, 2013)), ("14e maart '13", (14, 3, 2013)), ("14 maart", (14, 3, None)),
    ("14-mrt-2013", (14, 3, 2013)), ("14.03.2013", (14, 3, 2013))])
def test_dates_are_read_in_every_common_spelling(text: str, expected: tuple[int, int, int]) -> None:
    [(_start, _end, *found)] = dates_in(f"geboren op {text}.")
    assert tuple(found) == expected


def test_a_meeting_date_and_a_number_stay_but_a_birth_date_goes() -> None:
    case, names = case_for(FAMILIES[0])
    data = personal_data(case, names)
    out = pseudonymise("Op 3 december 2026 besproken; Noor is geboren op 14 mrt. 2013 en "
                       "de buurman (geb. 5-6-1970) woont ernaast. Plan: 6 weken.", data)
    assert "3 december 2026" in out and "6 weken" in out
    assert "14 mrt" not in out and "5-6-1970" not in out and "Noor" not in out


@pytest.mark.parametrize("text", [
    "De buurvrouw woont op de Nieuwe Gracht 8 in Utrecht.",
    "Vader verhuist naar Plein 1944 nr 2.",
    "Oma woont aan de Lindelaan 4a.",
    "Post gaat naar Dorpsstraat 12-II."])
def test_an_address_the_case_does_not_know_is_found_by_its_form(text: str) -> None:
    data = personal_data(*case_for(FAMILIES[0]))
    out = pseudonymise(text, data)
    assert "[adres]" in out and not any(ch.isdigit() for ch in out), out
