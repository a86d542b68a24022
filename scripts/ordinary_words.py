"""Writes tafelapp/domain/ordinary_words.py: name words that are also ordinary Dutch words.

Run once by hand when deduce's name lists change (`apt-get install wdutch` first: the OpenTaal
word list as /usr/share/dict/dutch). The result is committed; the app never reads the word list.

ORDINARY: every surname (and every last word of a surname with interfix) in deduce's lists whose
lower-case form is a lower-case entry of OpenTaal ("wit", "berg", "bakker", "visser", "boer",
"dam", "vrede"), plus "smit" (Flemish and old for smid, still common in "hoefsmit"). A first name
only counts when deduce's list of frequent words has it or when it is a flower or nature word
children are named after ("roos", "fleur", "storm"): OpenTaal also holds "amanda" and "bente",
which stay names in any spelling.
FREQUENT: the name words among the ~1,000 most frequent Dutch words (deduce's common-word list
before it removes the surnames): "wit", "jong", "klein", "groot", "vrede", "berg".
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import deduce

DICTIONARY = Path("/usr/share/dict/dutch")
TARGET = Path(__file__).resolve().parents[1] / "tafelapp" / "domain" / "ordinary_words.py"
NATURE_FIRST_NAMES = {"roos", "fleur", "iris", "lelie", "madelief", "jasmijn", "storm", "lente",
                      "zomer", "hemel", "zon", "linde"}
EXTRA = {"smit"}


def _items(path: Path) -> set[str]:
    found: set[str] = set()
    for file in path.rglob("items.txt"):
        found |= {line.strip() for line in file.read_text(encoding="utf-8").splitlines()
                  if line.strip()}
    return found


def build() -> tuple[set[str], set[str]]:
    """(ordinary, frequent), both lower case."""
    source = Path(deduce.__file__).parent / "data" / "lookup" / "src"
    surnames = {s.lower() for s in _items(source / "names" / "lst_surname")}
    surnames |= {s.split()[-1].lower() for s in _items(source / "names" / "lst_interfix_surname")}
    first = {s.lower() for s in _items(source / "names" / "lst_first_name")}
    common = {s.lower() for s in _items(source / "whitelist" / "lst_common_word")}
    words = {line.strip() for line in DICTIONARY.read_text(encoding="utf-8").splitlines()
             if line[:1].islower()}
    frequent = {w for w in common if w in surnames | first and len(w) >= 3}
    ordinary = {w for w in surnames if w in words and len(w) >= 3}
    ordinary |= {w for w in first if w in words and (w in frequent or w in NATURE_FIRST_NAMES)}
    ordinary |= EXTRA | frequent
    return ordinary, frequent


def _literal(words: set[str]) -> str:
    return "\n".join(textwrap.wrap(" ".join(sorted(words)), 96))


def main() -> None:
    """Write the module."""
    ordinary, frequent = build()
    TARGET.write_text(
        '"""Name words that are also ordinary Dutch words (written by scripts/ordinary_words.py)."""\n\n'
        '# Generated: do not edit by hand.\n'
        "# Words of deduce's name lists that OpenTaal's word list (BSD / CC BY 3.0, opentaal.org)\n"
        "# has as ordinary lower-case words; see scripts/ordinary_words.py for how they are chosen.\n"
        f'ORDINARY = frozenset("""\n{_literal(ordinary)}\n""".split())  # noqa: SIM905\n\n'
        "# The name words among the ~1,000 most frequent Dutch words (deduce's common-word list).\n"
        f'FREQUENT = frozenset("""\n{_literal(frequent)}\n""".split())  # noqa: SIM905\n', encoding="utf-8")
    print(f"{TARGET}: {len(ordinary)} ordinary, {len(frequent)} frequent")


if __name__ == "__main__":
    main()
