"""Every Gezinsoverzicht we generate (the demo's and a set of varied cases, for the parents and
for the young person) reads at B1 level by the Dutch Flesch-Douma measure, explains every glossary
term that remains in one sentence, and names the next moment with weekday, date, time and place."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
import textstat

from tafelapp.domain.family_words import MONTHS, WEEKDAYS, terms_in
from tafelapp.services import (
    directory_service,
    distribution_service,
    meeting_service,
    voice_service,
)
from tafelapp.services.session import Session

# Flesch-Douma (206.835 - 0.93 × words per sentence - 77 × syllables per word). Douma's scale:
# 60–70 "redelijk makkelijk", 70–80 "makkelijk" — about the B1 level of the Dutch government's
# "Direct duidelijk" guidance. We ask 65: B1 with a margin for the professionals' own words.
MIN_DOUMA = 65


def _text(html: str) -> str:
    body = html.split("<body>")[1]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body)).strip()


def _varied(session: Session, demo: dict[str, str]) -> Iterator[tuple[str, str]]:
    """(name, item id) of differently filled discussions."""
    first = meeting_service.get_meeting(session, demo["jbt_meeting"]).agenda[0]
    yield "demo JBT, uitgesteld raadsonderzoek", first.id
    zvt = meeting_service.get_meeting(session, demo["zvt_meeting"]).agenda[0]
    yield "demo ZVT, geen besluit maar een plan", zvt.id
    later = meeting_service.get_meeting(session, demo["jbt_evaluation"]).agenda[0]
    parents = [p for p in later.participants if p.role.value == "PARENT"]
    voice_service.record_family_voice(session, later.id, parents[0].id, view="Het gaat beter.",
                                      stance="DISAGREES", own_words="Ik wil geen onderzoek.")
    voice_service.record_family_voice(session, later.id, parents[1].id, stance="NOT_ASKED",
                                      not_asked_reason="Vader was ziek en wordt morgen gebeld.")
    rvdk = next(p for p in later.participants if p.role.value == "RVDK")
    voice_service.record_dissent(session, later.id, rvdk.id, "De Raad wil nu onderzoek.")
    meeting_service.take_decision(session, later.id, kind="INVESTIGATION",
                                  motivation="De voorwaarden zijn niet nagekomen. De OTS-vraag "
                                             "ligt bij de GI en de JB.")
    yield "evaluatie: raadsonderzoek, ouder oneens, Raad wijkt af, jargon in de motivering", \
        later.id


@pytest.fixture
def pages(session: Session, demo: dict[str, str]) -> list[tuple[str, str, str]]:
    """(name, version, html) of every summary of the varied cases, both versions."""
    book = directory_service.directory(session)
    raad = next(o for o in book.organisations if "Raad" in o.name)
    directory_service.save_organisation(session, **{
        **raad.model_dump(), "complaints": "Klachtenformulier op kinderbescherming.nl."})
    found = []
    for name, item_id in list(_varied(session, demo)):
        for young in (False, True):
            html = distribution_service.family_page(session, item_id, young)
            if young and "Dit is voor jou" not in html:
                continue  # no young person of 12+ at this table: only the parents' version
            found.append((name, "jongere" if young else "ouders", html))
    return found


def test_every_summary_reads_at_b1(pages: list[tuple[str, str, str]]) -> None:
    textstat.set_lang("nl")
    scores = {(name, version): textstat.flesch_reading_ease(_text(html))
              for name, version, html in pages}
    assert all(score >= MIN_DOUMA for score in scores.values()), scores


def test_every_glossary_term_left_in_the_text_is_explained_in_one_sentence(
        pages: list[tuple[str, str, str]]) -> None:
    jargon_seen = set()
    for name, version, html in pages:
        body, _, box = html.partition("Wat betekent dit woord?")
        for term in terms_in(_text(body)):
            jargon_seen.add(term)
            assert f"<b>{term}</b>: " in box, (name, version, term)
            explanation = box.split(f"<b>{term}</b>: ")[1].split("</li>")[0]
            assert explanation.count(". ") == 0 and explanation.endswith("."), explanation
        for avoided in ("jeugdige", "melder", "casusregie", "termijn"):
            assert not re.search(rf"\b{avoided}\b", _text(body), re.IGNORECASE), (name, avoided)
    assert {"OTS", "GI", "JB", "raadsonderzoek"} <= jargon_seen  # the varied cases have jargon


def test_names_next_moment_and_what_to_do_when_not_eens(
        pages: list[tuple[str, str, str]]) -> None:
    weekday = "|".join(w.capitalize() for w in WEEKDAYS)
    month = "|".join(MONTHS)
    for name, version, html in pages:
        text = _text(html)
        assert "Noor en Daan" in text or "Jayden" in text or version == "jongere", name
        moment = text.split("Wanneer praten we weer?")[1].split(". ")[0]
        spoken = rf" ({weekday}) \d{{1,2}} ({month}) \d{{4}}( om \d\d\.\d\d uur)?, \S"
        assert moment == " Er is nog geen datum" or re.match(spoken, moment), (name, moment)
        assert "Hoe is dit besluit genomen?" in text
        assert ("Bent u het er niet mee eens?" if version == "ouders" else
                "Ben jij het er niet mee eens?") in text
        if "Raad voor de Kinderbescherming" in text.split("Wie helpen er?")[1]:
            assert "kinderbescherming.nl" in text, name  # the complaints route from the set-up
        else:  # no organisation at this table has a complaints route in the set-up
            assert "hoe dat gaat" in text, name
        if version == "jongere":
            assert not re.search(r"\b(u|uw)\b", text), name
        assert re.search(r"\b\d{2}-\d{2}-\d{4}\b", moment) is None


def test_the_young_person_gets_a_version_of_their_own(session: Session,
                                                      demo: dict[str, str]) -> None:
    first = meeting_service.get_meeting(session, demo["jbt_meeting"]).agenda[0]
    text = _text(distribution_service.family_page(session, first.id, young=True))
    assert text.startswith("Wat we samen hebben besproken, Noor Dit is voor jou, Noor.")
    assert "Eigen cijfer voor de veiligheid: 6 van de 10." in text  # Sanne's own score
