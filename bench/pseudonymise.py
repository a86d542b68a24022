"""Benchmark: pseudonymisation of stuurgroep dossiers over the 224-sentence corpus
(tests/privacy/corpus.py). Writes bench/results/pseudonymise.json.

Reports the leaks of the case's personal data (goal: zero), the false replacements (phrases that
had to stay — organisations, meeting dates, terms, durations, places — but were changed), the
time and memory to load deduce once, and the median time per sentence against a floor measured in the same
run: the case's own values only (no deduce).
"""

from __future__ import annotations

import json
import resource
import statistics
import time
from pathlib import Path
from typing import Any

from tafelapp.domain.pseudonyms import known_spans, personal_data, replace_spans
from tafelapp.reports import deidentify
from tests.privacy.corpus import FAMILIES, case_for, evaluate, sentences

RESULTS = Path(__file__).resolve().parent / "results" / "pseudonymise.json"


def main() -> dict[str, Any]:
    """Leaks and false replacements once; timings over three passes; write and return."""
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    deidentify._deduce()
    load = time.perf_counter() - started
    memory_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    result = evaluate(deidentify.pseudonymise)
    data = {f.name: personal_data(*case_for(f)) for f in FAMILIES}
    full: list[float] = []
    floor: list[float] = []
    for _ in range(3):
        for sentence in sentences():
            personal = data[sentence.family.name]
            t0 = time.perf_counter()
            replace_spans(sentence.text, known_spans(sentence.text, personal))
            t1 = time.perf_counter()
            deidentify.pseudonymise(sentence.text, personal)
            floor.append(t1 - t0)
            full.append(time.perf_counter() - t1)
    figures = {
        "sentences": result.sentences, "personal_values": result.personal_values,
        "leaks": len(result.leaks), "leak_examples": result.leaks[:5],
        "phrases_to_keep": result.phrases_to_keep, "false_replacements": len(result.damage),
        "false_replacement_rate": round(len(result.damage) / result.phrases_to_keep, 4),
        "false_replacement_examples": result.damage[:8],
        "deduce_load_s": round(load, 2),
        "deduce_memory_mb": round(memory_mb),
        "note": "deduce's full tables take about 10 s and 1.1 GB; Tafelapp loads a copy without "
                "the street, institution, hospital and place tables (tafelapp.reports.deidentify)",
        "median_ms_per_sentence": round(statistics.median(full) * 1000, 3),
        "floor_known_values_only_ms": round(statistics.median(floor) * 1000, 3),
        "ratio": round(statistics.median(full) / statistics.median(floor), 1),
    }
    RESULTS.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n")
    return figures


if __name__ == "__main__":
    print(json.dumps(main(), indent=2, ensure_ascii=False))
