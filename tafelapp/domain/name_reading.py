"""When a word that is also part of a name is read as that name: the context rules of pseudonymisation.

A dossier about the family De Wit still says that the walls are painted *wit*, and one about the
family Bakker mentions *de bakker op de hoek*. What decides is how the word is written and what
stands around it, the way a reader decides:

- a name is written with a capital: a lower-case ordinary Dutch word ("wit", "bakker", "berg",
  "boer") is that word — unless a name stands before it (a title, "familie", "gezin", "juf", an
  initial, a first name: "mevrouw de wit", "femke de wit") or it is no ordinary word at all
  ("yilmaz" in lower case is still a name), or the sentence opens with it in lower case
  ("visser belt terug": written that sloppily, it is the name);
- two name words together ("femke de wit", "van dalen-bakker") are a name in any case;
- a capitalised word is a name, except: a part of the family's surname that the family only ever
  carries after an interfix (De Wit, Van der Berg) opening a sentence ("Wit is haar kleur", "Berg
  op, berg af") or inside a place name ("Berg en Dal", "op de Dam") — people who mean the family
  write "De Wit"; and a word inside the name of a school or team ("basisschool De Linden",
  "wijkteam Haven");
- a word that deduce knows only from its name lists, opening a sentence, is read as the word when
  it is one of the ~1,000 most frequent Dutch words ("Vrede in huis", "Klein verschil"); a bare
  profession ("Bakker", "Visser") cannot open a Dutch sentence without an article, so there it is
  a person.

School names stay, like the other organisations: a school has a few hundred pupils, so its name
points at no one child (the README, "Privacy"), and it is often the very party the stuurgroep has
to address. The child's name, birth date and address are what make it one child, and those go.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from tafelapp.domain.ordinary_words import FREQUENT, ORDINARY

INTERFIX_WORDS = {"van", "de", "der", "den", "het", "ter", "ten", "te", "in", "op", "'t", "d'",
                  "la", "le", "du", "el", "al", "da", "dos", "v.", "v.d.", "vd", "vd."}
# Words after which a capitalised (or even a lower-case) word is a person's name.
_TITLE = (r"meneer|mevrouw|mevr\.?|mw\.?|dhr\.?|de\s+heer|mr\.?|dr\.?|drs\.?|ir\.?|ing\.?"
          r"|juf|juffrouw|meester|familie|fam\.?|gezin|buurman|buurvrouw|oma|opa|tante|oom")
# … and, before a lower-case word only, the family's own words for each other ("moeder de wit").
_RELATION = r"neef|nicht|pleegmoeder|pleegvader|moeder|vader|broer|zus|zusje|broertje"
_TITLE_END = re.compile(rf"(?i)(?<![\w.])(?:{_TITLE}|{_RELATION})$")
_INITIAL_END = re.compile(r"(?<![\w.])(?:[A-Za-z]\.){1,4}$")
_WORD_END = re.compile(r"([\w'’]+)$")
# Abbreviations that end in a full stop without ending the sentence.
_ABBREVIATIONS = {"mw", "mevr", "dhr", "mr", "dr", "drs", "ir", "ing", "prof", "fam", "st", "nr",
                  "geb", "bijv", "bv", "ca", "evt", "resp", "zgn", "jl", "vgl", "tel", "o.a",
                  "i.p.v", "t.a.v", "m.b.t", "a.s", "z.s.m", "i.o.m", "n.a.v", "o.l.v", "ivm"}
_OPENERS = " \t\"'‘“([-–•*"

# Schools, care and teams whose own name follows them; "school", "opvang" … only with an article.
_STRONG = (r"basisschool|obs|cbs|pcbs|rkbs|ikc|kindcentrum|kinderdagverblijf|kdv|bso|"
           r"peuterspeelzaal|peuteropvang|sbo|so-school|vso|wijkteam|buurtteam|jeugdteam|"
           r"gebiedsteam|wijkcentrum|buurthuis|jongerencentrum|gezondheidscentrum|woongroep|"
           r"leefgroep|behandelgroep|gezinshuis")
_WEAK = r"school|opvang|kinderopvang|college|lyceum|scholengemeenschap|praktijkschool|locatie"
# A capitalised word, or initials ("M.G. Schmidtschool"): never the sentence's full stop; the
# words of one name are on one line.
_CAP = r"(?:[A-Z]\.(?:[A-Z]\.)*|[A-Z][\w'’-]*)"
_INSTITUTION = re.compile(
    rf"(?i:\b(?:{_STRONG})) +(?P<a>(?:(?:De|Het|'t) +)?{_CAP}(?: +{_CAP}){{0,2}})"
    rf"|(?i:\b(?:{_WEAK})) +(?P<b>(?:De|Het|'t) +{_CAP}(?: +{_CAP}){{0,2}})"
    rf"|(?P<c>(?:{_CAP} +){{0,3}}[A-Z][\w'’-]*(?:school|college|lyceum|kindcentrum)\b)")
_TITLED = re.compile(
    rf"(?i:(?<![\w.])(?:{_TITLE}))\s+"
    rf"(?P<name>(?:(?:van|de|der|den|ter|ten|el) +){{0,3}}{_CAP}(?:[ -]{_CAP}){{0,2}})")


def is_ordinary(word: str) -> bool:
    """A name word that is also an ordinary Dutch word (wit, berg, bakker, visser, boer …)."""
    return word.lower() in ORDINARY


def is_frequent(word: str) -> bool:
    """A name word among the ~1,000 most frequent Dutch words (wit, jong, klein, vrede …)."""
    return word.lower() in FREQUENT


def words(text: str) -> list[str]:
    """The words of a name, without hyphens and spaces."""
    return re.findall(r"[\w'’.]+", text)


def cores(text: str) -> list[str]:
    """The words of a name that are not interfixes."""
    return [w for w in words(text) if w.lower() not in INTERFIX_WORDS]


def opens_sentence(text: str, start: int) -> bool:
    """Whether the word at `start` opens a sentence, a line or a list item."""
    before = text[:start]
    stripped = before.rstrip(_OPENERS + "\n\r")
    if not stripped or "\n" in before[len(stripped):]:
        return True
    if stripped[-1] in "!?":
        return True
    if stripped[-1] != ".":
        return False
    token = stripped[:-1].rsplit(None, 1)[-1] if stripped[:-1].strip() else ""
    return not (len(token) == 1 or "." in token or token.lower() in _ABBREVIATIONS
                or token.isdigit())


def _strip_interfixes(before: str, interfixes: set[str]) -> str:
    while True:
        trimmed = before.rstrip()
        m = _WORD_END.search(trimmed)
        if m and m[1].lower() in interfixes:
            before = trimmed[:m.start()]
            continue
        return trimmed


def named_before(text: str, start: int, first_names: Iterable[str],
                 interfixes: Iterable[str] | None = None) -> bool:
    """A title, "familie", "gezin", "juf", an initial or one of the case's first names right
    before `start` (with `interfixes` between them skipped — the case's own, so "Liam te jong"
    is no name of the family De Jong): what follows is a name."""
    before = _strip_interfixes(text[max(0, start - 60):start],
                               INTERFIX_WORDS if interfixes is None else set(interfixes))
    if _TITLE_END.search(before) or _INITIAL_END.search(before):
        return True
    m = _WORD_END.search(before)
    if not m:
        return False
    word = m[1].lower()
    return any(word == f.lower() or (word.startswith(f.lower()) and len(word) - len(f) <= 4)
               for f in first_names)


def institution_spans(text: str) -> list[tuple[int, int]]:
    """The own names of schools, day care and teams: "basisschool De Regenboog", "wijkteam
    Haven", "de Jan Ligthartschool"."""
    spans = []
    for m in _INSTITUTION.finditer(text):
        group = next(g for g in ("a", "b", "c") if m[g])
        spans.append((m.start(group), m.end(group)))
    return spans


def titled_names(text: str) -> list[tuple[int, int]]:
    """Capitalised words right after a title or a word for a person ("juf Klein", "familie
    Wassenaar", "oma Van der Berg"): names even where deduce's lists do not have them."""
    return [(m.start("name"), m.end("name")) for m in _TITLED.finditer(text)]


def inside(start: int, end: int, ranges: Sequence[tuple[int, int]]) -> bool:
    """Whether [start, end) lies within one of `ranges`."""
    return any(s <= start and end <= e for s, e in ranges)
