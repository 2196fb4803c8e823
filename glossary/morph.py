"""German inflection and compound checks for matching glossary entries.

The entry gives a base form (Außenminister, Lawrow, Vereinte Nationen); news
text uses inflected forms (Außenministers, Lawrows, Vereinten Nationen) and
compounds (Bundesaußenminister, Kremlsprecher). This module decides which
surface forms belong to an entry word, using three sources, most trusted first:

1. simplemma's German lemma dictionary: a candidate form is accepted when it
   lemmatises to the entry word (Räte → Rat, Waffenstillstände →
   Waffenstillstand). This also *rejects* look-alikes that are lemmas of
   their own (Rate is not a form of Rat).
2. regular endings that are safe for the word's ending (-er/-el nouns take
   -s/-n, -ung nouns -en, vowel-final nouns -s, …), and the genitive -s of
   names, which no dictionary lists (Lawrows, Selenskyjs). Irregular plurals
   and -e forms come only from the dictionary, so Rat never yields Rate.
3. for compounds simplemma does not know, the inflection of their longest
   known head noun (Energiepreisbremse inflects like Bremse).

Feminine derivations (Ministerin) and other derivations (Ministerium) are
different words and never generated.
"""

from __future__ import annotations

from functools import lru_cache

import simplemma

# A transformation of a base form: (chars to strip, umlaut?, suffix).
Spec = tuple[int, bool, str]

_SUFFIXES = ("", "s", "es", "e", "n", "en", "er", "ern", "ns", "ens", "se", "sen", "nen", "r", "m")
_CANDIDATES: tuple[Spec, ...] = (
    *((0, False, s) for s in _SUFFIXES),
    *((0, True, s) for s in ("", "e", "en", "er", "ern")),
    (2, False, "en"),  # Zentrum → Zentren, Virus → Viren
    (1, False, "en"),  # Firma → Firmen, Abgeordneter → Abgeordneten
    (1, False, ""),  # Abgeordneter → Abgeordnete (nominalised adjectives)
    (1, False, "m"),  # Abgeordneter → Abgeordnetem
)
_VOWELS = "aeiouäöüy"
_UMLAUT = {"a": "ä", "o": "ö", "u": "ü", "A": "Ä", "O": "Ö", "U": "Ü"}
_SIBILANT_END = ("s", "ß", "x", "z", "ce")
_EN_PLURAL = ("ung", "heit", "keit", "schaft", "ion", "tät", "ei", "ik", "enz", "anz", "ur", "ie")

# Modifiers that productively form compounds with names and terms but are not
# all nouns in simplemma (Vize, Ex, Nord…). Directional ones are the only
# modifiers accepted before a *name* head (Ostukraine, Nordkorea).
DIRECTIONAL = frozenset(
    "nord süd ost west nordost südost nordwest südwest zentral mittel gesamt groß".split()
)
PREFIXES = DIRECTIONAL | frozenset(
    "ex vize ober unter haupt chef sonder bundes landes staats regierungs partei "
    "co ko anti pro interims sonder spitzen top".split()
)
# Prepositions and verb particles: compounds with them are lexicalised words
# of their own (Auswahl, Vorstand, Anstand, Übergang), not "modifier + entry".
PARTICLES = frozenset(
    "ab an auf aus bei durch ein er ent ge gegen hinter miss mit nach neben "
    "über um un unter ur ver vor weg wider zer zu zwischen".split()
)
# Remainders that look like nouns to a dictionary but are derivational
# suffixes: Nato+ismus, Kreml+ologe.
SUFFIX_LIKE = frozenset("ismus isten istin ologe ologie ologin ianer ianerin aner".split())
_LINKS = ("", "s", "es", "n", "en", "e", "er")
# Lowercase words inside personal names (von der Leyen, bin Salman, al-Assad).
NAME_PARTICLES = frozenset(
    "von van vom zu zum zur der den de del della di da du dos la le al el bin ben ibn "
    "ter ten y".split()
)
# Prepositions that govern the genitive: "während des Gipfels" is "during
# the summit", not "the summit's".
GENITIVE_PREPOSITIONS = frozenset(
    "während wegen trotz statt anstatt innerhalb außerhalb anlässlich angesichts "
    "aufgrund infolge mithilfe seitens bezüglich hinsichtlich laut unweit "
    "zugunsten ungeachtet".split()
)
GENITIVE_DETERMINERS = frozenset(
    "des eines dieses jenes jedes keines meines deines seines ihres unseres eures welches".split()
)


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    return simplemma.lemmatize(word, lang="de")


@lru_cache(maxsize=200_000)
def known(word: str) -> bool:
    return bool(simplemma.is_known(word, lang="de"))


def is_noun(word: str) -> bool:
    """A noun (or nominalised word) simplemma knows: its lemma is capitalised."""
    if len(word) < 2:
        return False
    cap = word[0].upper() + word[1:].lower()
    return known(cap) and lemma(cap)[:1].isupper()


def umlaut(word: str) -> str | None:
    """Umlaut the stem vowel (Rat → Rät, Haus → Häus, Bruder → Brüder)."""
    end = len(word)
    for tail in ("el", "er", "en", "e"):  # skip an unstressed final syllable
        if word.endswith(tail) and len(word) > len(tail) + 2:
            end -= len(tail)
            break
    for i in range(end - 1, -1, -1):
        ch = word[i]
        if ch in "aouAOU":
            if ch in "uU" and i > 0 and word[i - 1] in "aA":  # au → äu
                return word[: i - 1] + _UMLAUT[word[i - 1]] + word[i:]
            if ch in "aA" and i > 0 and word[i - 1] in "aA":  # Saal → Säl
                return word[: i - 1] + _UMLAUT[word[i - 1]] + word[i + 1 :]
            return word[:i] + _UMLAUT[ch] + word[i + 1 :]
        if ch.lower() in _VOWELS:
            return None
    return None


def apply(spec: Spec, word: str) -> str | None:
    strip, with_umlaut, suffix = spec
    base = word[: len(word) - strip] if strip else word
    if strip and not base:
        return None
    if with_umlaut:
        changed = umlaut(base)
        if changed is None:
            return None
        base = changed
    return base + suffix


def _regular(word: str, kind: str) -> set[str]:
    """Suffixes that are safe for this ending without a dictionary."""
    low = word.lower()
    if kind in ("name", "keep"):
        out = {""}
        if not low.endswith(_SIBILANT_END):
            out.add("s")  # Lawrows, Chinas, Bundestags
        if low[-1:] not in _VOWELS and not low.endswith(_SIBILANT_END):
            out.add("es")  # des Bundestages, des Kremles
        if low.endswith("e"):
            out.add("n")  # die Grünen, der Linken
        return out
    if low.endswith("e"):
        return {"", "n"}
    if low.endswith(("er", "el")):
        return {"", "s", "n"}
    if low.endswith("en"):
        return {"", "s"}
    if low.endswith("in"):
        return {"", "nen"}
    if low.endswith(_EN_PLURAL):
        return {"", "en"}
    if low[-1:] in _VOWELS:
        return {"", "s"}
    if low.endswith(_SIBILANT_END):
        return {"", "es", "e", "en"}
    return {"", "s", "es"}


def _dictionary_specs(word: str) -> set[Spec]:
    """Candidate transformations that simplemma confirms as forms of ``word``."""
    targets = {word.casefold(), lemma(word).casefold()}
    found: set[Spec] = set()
    for spec in _CANDIDATES:
        form = apply(spec, word)
        if form and known(form) and lemma(form).casefold() in targets:
            found.add(spec)
    return found


def _head_noun(word: str) -> str | None:
    """Longest proper tail of an unknown compound that is a known noun lemma."""
    for i in range(2, len(word) - 2):
        tail = word[i].upper() + word[i + 1 :]
        if known(tail) and lemma(tail) == tail:
            return tail
    return None


@lru_cache(maxsize=100_000)
def noun_forms(word: str, kind: str) -> frozenset[str]:
    """All accepted surface forms (original case) of one inflecting entry word."""
    if is_acronym(word):
        return frozenset({word, word + "s"})
    forms = {word + s for s in _regular(word, kind)}
    if known(word):
        specs = _dictionary_specs(word)
    else:
        head = _head_noun(word) if kind == "term" else None
        specs = _dictionary_specs(head) if head else set()
    for spec in specs:
        form = apply(spec, word)
        if form:
            forms.add(form)
    return frozenset(forms)


def adjective_forms(word: str) -> frozenset[str]:
    """Vereinte → Vereinte/Vereinten/Vereinter/Vereintes/Vereintem."""
    for ending in ("em", "en", "er", "es", "e"):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            stem = word[: -len(ending)]
            return frozenset(stem + e for e in ("e", "em", "en", "er", "es"))
    return frozenset({word})


def is_acronym(word: str) -> bool:
    """NATO, SPD, AfD, G7, UN: inflect at most with -s."""
    return any(ch.isupper() for ch in word[1:]) or any(ch.isdigit() for ch in word)


def safe_modifier(modifier: str, head_kind: str) -> bool:
    """May ``modifier`` + an entry form a compound with the entry as head?

    Bundes|außenminister yes; Aus|wahl, Ver|rat no. Name heads only take
    directional modifiers (Ost|ukraine), since other compounds ending in a
    name are usually words of their own (Frank|reich).
    """
    low = modifier.casefold()
    if low in PREFIXES:
        return True
    if head_kind != "term" or len(modifier) < 3 or low in PARTICLES:
        return False
    for link in _LINKS:
        stem = modifier[: len(modifier) - len(link)] if link else modifier
        if len(stem) >= 3 and low.endswith(link) and stem.casefold() not in PARTICLES:
            if is_noun(stem) or (not link and _is_verb_stem(stem)):
                return True
    return False


def _is_verb_stem(stem: str) -> bool:
    """Warn|streik, Fahr|verbot: a verb stem (warnen) as modifier."""
    infinitive = stem.lower() + "en"
    return known(infinitive) and lemma(infinitive) == infinitive


def split_rest(rest: str) -> str | None:
    """For a compound whose modifier is an entry (Kreml|sprecher,
    Bundestag|s|wahl): the linking element if ``rest`` is a linking element
    plus a real noun of four or more letters, else None."""
    for link in _LINKS:
        if not rest.casefold().startswith(link):
            continue
        noun = rest[len(link) :]
        if len(noun) >= 4 and noun.casefold() not in SUFFIX_LIKE and is_noun(noun):
            return link
    return None
