"""Benchmark: pseudonymisation of stuurgroep dossiers over both privacy corpora. Writes
bench/results/pseudonymise.json.

Per corpus — `families` (tests/privacy/corpus.py: 224 sentences, four families) and
`word_families` (tests/privacy/corpus_ordinary.py: families named like ordinary words, places,
schools and teams) — it reports the leaks of the case's personal data (goal: zero), the false
replacements (phrases that had to stay — ordinary words, organisations, schools, meeting dates,
places — but were changed; goal ≤ 2 % on `word_families`), and the median time per sentence
against a floor measured in the same run: the case's own values only (no deduce). Also the time
and memory to load deduce once.
"""

from __future__ import annotations

import json
import resource
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tafelapp.domain.pseudonyms import PersonalData, known_spans, personal_data, replace_spans
from tafelapp.reports import deidentify
from tests.privacy import corpus, corpus_ordinary
from tests.privacy.corpus import Evaluation, Family, Sentence, case_for

RESULTS = Path(__file__).resolve().parent / "results" / "pseudonymise.json"
CORPORA: dict[str, tuple[Callable[[Callable[[str, PersonalData], str]], Evaluation],
                         Callable[[], list[Sentence]], list[Family]]] = {
    "families": (corpus.evaluate, corpus.sentences, corpus.FAMILIES),
    "word_families": (corpus_ordinary.evaluate, corpus_ordinary.sentences,
                      [w.family for w in corpus_ordinary.WORD_FAMILIES]),
}


def _timings(sentences: list[Sentence], families: list[Family]) -> tuple[list[float], list[float]]:
    data = {f.name: personal_data(*case_for(f)) for f in families}
    full: list[float] = []
    floor: list[float] = []
    for _ in range(3):
        for sentence in sentences:
            personal = data[sentence.family.name]
            t0 = time.perf_counter()
            replace_spans(sentence.text, known_spans(sentence.text, personal))
            t1 = time.perf_counter()
            deidentify.pseudonymise(sentence.text, personal)
            floor.append(t1 - t0)
            full.append(time.perf_counter() - t1)
    return full, floor


def measure(name: str) -> dict[str, Any]:
    """Leaks and false replacements once, timings over three passes, for one corpus."""
    evaluate, sentences, families = CORPORA[name]
    result = evaluate(deidentify.pseudonymise)
    full, floor = _timings(sentences(), families)
    return {
        "sentences": result.sentences, "personal_values": result.personal_values,
        "leaks": len(result.leaks), "leak_examples": result.leaks[:5],
        "phrases_to_keep": result.phrases_to_keep, "false_replacements": len(result.damage),
        "false_replacement_rate": round(len(result.damage) / result.phrases_to_keep, 4),
        "false_replacement_examples": result.damage[:8],
        "median_ms_per_sentence": round(statistics.median(full) * 1000, 3),
        "floor_known_values_only_ms": round(statistics.median(floor) * 1000, 3),
        "ratio": round(statistics.median(full) / statistics.median(floor), 1),
    }


def main() -> dict[str, Any]:
    """Load deduce once (timed), measure each corpus, write and return."""
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    deidentify._deduce()
    load = time.perf_counter() - started
    memory_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    figures: dict[str, Any] = {
        "deduce_load_s": round(load, 2),
        "deduce_memory_mb": round(memory_mb),
        "note": "deduce's full tables take about 10 s and 1.1 GB; Tafelapp loads a copy without "
                "the street, institution and hospital tables (tafelapp.reports.deidentify); "
                "its place names are kept, as places that stay",
        "corpora": {name: measure(name) for name in CORPORA},
    }
    RESULTS.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n")
    return figures


if __name__ == "__main__":
    print(json.dumps(main(), indent=2, ensure_ascii=False))
