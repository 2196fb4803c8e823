"""Find glossary entries in German sentences.

``find_terms(glossary, sentence)`` returns the non-overlapping entry hits of
one sentence, sorted by position. What it matches:

* inflected forms of the entry's head word and adjective forms before it
  (Außenministers, Lawrows, des Bundestages, Vereinten Nationen; see ``morph``)
  and an apostrophe genitive (Lawrow's, Olaf Scholz');
* hyphenated compounds, spanning only the entry's part (Nato in Nato-Truppen,
  Außenminister in US-Außenminister);
* closed compounds where that is safe, spanning only the entry's part: a term
  (or a name after a compass point) as the head (Bundes|außenminister,
  Ost|ukraine), a name or keep entry as the modifier before a real noun
  (Kreml|sprecher, Bundestag|s|wahl);
* whole words only: Außenministerium is not Außenminister, Natur is not Nato.

Case: an entry that starts with a capital letter matches only capitalised
words unless it sits inside a closed compound (German capitalises nouns and
names, so "linke" and "grüne" are adjectives, not Die Linke or Die Grüne);
otherwise case is ignored unless the entry is ``case_sensitive``.

When hits overlap the longest wins; on equal length an entry whose context
condition holds wins over one without context. The compiled index is built
once per glossary version and cached, so per-sentence cost does not grow with
the glossary's size.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections import OrderedDict
from dataclasses import dataclass
from typing import Literal

from . import compiled, morph
from .entry import Entry, Glossary

# Letters and digits, plus combining marks so decomposed umlauts (a + U+0308)
# stay inside their word; lookups compare NFC-normalised, casefolded text.
_WORD = re.compile(r"(?:[^\W_]|[\u0300-\u036f])+")
_HYPHENS = frozenset("-\u2010\u2011")
_SPACES = re.compile(r"\s+")
_CONTEXT_SUFFIXES = ("", "s", "es", "n", "en")

Compound = Literal["", "head", "modifier"]


@dataclass(frozen=True)
class TermMatch:
    """One entry found in a sentence: ``sentence[start:end] == surface``.

    ``genitive``: the German form is a genitive (Lawrows, des
    Außenministers), so English needs "'s" or "of". ``compound`` says whether
    the hit is the head or modifier part of a closed compound ("" otherwise).
    ``anchored``: text with no grammar to fit (a URL, a hashtag) that the
    chain may put next to the English of its German neighbours instead of
    re-decoding after it (``glossary.enforce``, step 4).
    """

    entry: Entry
    start: int
    end: int
    surface: str
    genitive: bool = False
    compound: Compound = ""
    anchored: bool = False


@dataclass(frozen=True)
class _Word:
    forms: frozenset[str]  # casefolded
    exact: frozenset[str] | None  # original case, for case-sensitive entries
    capital: bool  # the sentence word must start with a capital letter

    def accepts(self, token: str, folded: str) -> bool:
        if folded not in self.forms:
            return False
        if self.exact is not None:
            return unicodedata.normalize("NFC", token) in self.exact
        return not self.capital or token[:1].isupper()


@dataclass(frozen=True)
class _Rule:
    order: int
    entry: Entry
    words: tuple[_Word, ...]
    gaps: tuple[str, ...]  # normalised separators between words
    head: int  # index of the inflecting word
    base: str  # the head word as written in the entry
    lead: str  # literal non-word text before the first / after the last word
    tail: str
    context: tuple[tuple[str, ...], ...]  # casefolded word sequences


def _fold(text: str) -> str:
    if text.isascii():
        return text.casefold()
    return unicodedata.normalize("NFC", text).casefold()


def _gap(text: str) -> str:
    if len(text) == 1 and text in _HYPHENS:
        return "-"
    return _SPACES.sub(" ", text.replace("\u2019", "'"))


def _tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]


def _shape(entry: Entry) -> tuple[list[tuple[int, int, str]], tuple[str, ...], int]:
    """The entry's words, the separators between them, and its head word."""
    toks = _tokens(entry.source)
    texts = [t for _, _, t in toks]
    gaps = tuple(_gap(entry.source[toks[i][1] : toks[i + 1][0]]) for i in range(len(toks) - 1))
    # The head is the last word before a lowercase function word (Bundesamt
    # für Migration, Rat der EU), else the last word; name particles do not
    # count (Ursula von der Leyens inflects Leyen).
    head = len(texts) - 1
    for i in range(1, len(texts)):
        if texts[i][:1].islower() and texts[i] not in morph.NAME_PARTICLES:
            head = i - 1
            break
    return toks, gaps, head


def _word_forms(entry: Entry) -> list[list[str]] | None:
    """The forms of each word of the entry (the lemmatiser's work: what the disk cache
    keeps); None when it has nothing word-like to look for (e.g. "++")."""
    toks, gaps, head = _shape(entry)
    if not toks:
        return None
    words = []
    for i, (_start, _end, text) in enumerate(toks):
        if i == head:
            forms = morph.noun_forms(text, entry.kind)
        elif i < head and gaps[i] == " " and not morph.is_acronym(text):
            forms = morph.adjective_forms(text)
        else:
            forms = frozenset({text})
        words.append(sorted(forms))
    return words


def _rule(order: int, entry: Entry, word_forms: list[list[str]] | None) -> _Rule | None:
    toks, gaps, head = _shape(entry)
    if not toks or word_forms is None or len(word_forms) != len(toks):
        return None
    texts = [t for _, _, t in toks]
    words = [
        _Word(
            forms=frozenset(f.casefold() for f in forms),
            exact=frozenset(forms) if entry.case_sensitive else None,
            capital=not entry.case_sensitive and text[:1].isupper(),
        )
        for text, forms in zip(texts, word_forms, strict=True)
    ]
    context = tuple(tuple(t.casefold() for _, _, t in _tokens(word)) for word in entry.context)
    return _Rule(
        order=order,
        entry=entry,
        words=tuple(words),
        gaps=gaps,
        head=head,
        base=texts[head],
        lead=entry.source[: toks[0][0]],
        tail=entry.source[toks[-1][1] :],
        context=tuple(c for c in context if c),
    )


class Matcher:
    """The compiled index of one glossary. Build with ``compile_glossary``."""

    def __init__(self, glossary: Glossary, forms: compiled.Forms | None = None) -> None:
        """``forms``: each entry's word forms as ``compiled.load`` read them; None
        computes them (the slow part)."""
        self.glossary = glossary
        self.forms = forms if forms is not None else [_word_forms(e) for e in glossary.entries]
        self._first: dict[str, list[_Rule]] = {}
        self._heads: dict[str, list[_Rule]] = {}
        self._mods: dict[str, list[_Rule]] = {}
        for order, (entry, word_forms) in enumerate(zip(glossary.entries, self.forms, strict=True)):
            rule = _rule(order, entry, word_forms)
            if rule is None:
                continue
            for form in rule.words[0].forms:
                self._first.setdefault(form, []).append(rule)
            if len(rule.words) != 1 or rule.lead or rule.tail or len(rule.base) < 4:
                continue
            if morph.is_acronym(rule.base):
                continue  # NATO, OSZE: only as words or hyphenated parts
            for form in rule.words[0].forms:
                self._heads.setdefault(form, []).append(rule)
            if entry.kind in ("name", "keep"):
                self._mods.setdefault(rule.base.casefold(), []).append(rule)

    # -- whole words and hyphenated parts -------------------------------------------

    def _at(
        self, rule: _Rule, i: int, toks: list[tuple[int, int, str]], folded: list[str], text: str
    ) -> tuple[int, int] | None:
        """Character span of ``rule`` matched from token ``i``, or None."""
        n = len(rule.words)
        if i + n > len(toks):
            return None
        for k in range(n):
            token = toks[i + k][2]
            if not rule.words[k].accepts(token, folded[i + k]):
                return None
            if k and _gap(text[toks[i + k - 1][1] : toks[i + k][0]]) != rule.gaps[k - 1]:
                return None
        start, end = toks[i][0], toks[i + n - 1][1]
        if rule.lead and text[start - len(rule.lead) : start] != rule.lead:
            return None
        if rule.tail and text[end : end + len(rule.tail)] != rule.tail:
            return None
        return start - len(rule.lead), end + len(rule.tail)

    # -- the public entry point -------------------------------------------------------

    def find(self, sentence: str) -> list[TermMatch]:
        toks = _tokens(sentence)
        folded = [_fold(t) for _, _, t in toks]
        hits: list[tuple[int, int, _Rule, Compound, int]] = []  # start, end, rule, where, token
        for i, (start, _end, token) in enumerate(toks):
            for rule in self._first.get(folded[i], ()):
                span = self._at(rule, i, toks, folded, sentence)
                if span is not None:
                    hits.append((*span, rule, "", i + rule.head))
            if len(token) >= 7:
                hits.extend(self._closed(i, start, token))
        if not hits:
            return []
        present = _context_words(folded)
        hits = [h for h in hits if _context_holds(h[2], present, folded)]
        return _resolve(hits, sentence, toks, folded)

    def _closed(
        self, i: int, start: int, token: str
    ) -> list[tuple[int, int, _Rule, Compound, int]]:
        """Entries inside a closed compound: as its head or as its modifier."""
        out: list[tuple[int, int, _Rule, Compound, int]] = []
        for cut in range(3, len(token) - 3):  # longest head first, modifier >= 3 chars
            rules = self._heads.get(_fold(token[cut:]))
            if not rules:
                continue
            head = unicodedata.normalize("NFC", token[cut].upper() + token[cut + 1 :])
            for rule in rules:
                if rule.words[0].exact is not None and head not in rule.words[0].exact:
                    continue
                if morph.safe_modifier(token[:cut], rule.entry.kind):
                    out.append((start + cut, start + len(token), rule, "head", i))
            if out:
                break
        for length in range(len(token) - 4, 3, -1):  # longest modifier first
            rules = self._mods.get(_fold(token[:length]))
            if not rules or morph.split_rest(token[length:]) is None:
                continue
            for rule in rules:
                if (
                    rule.entry.case_sensitive
                    and unicodedata.normalize("NFC", token[:length]) != rule.base
                ):
                    continue
                if rule.words[0].capital and not token[:1].isupper():
                    continue
                out.append((start, start + length, rule, "modifier", i))
            break
        return out


def _context_words(folded: list[str]) -> set[str]:
    return set(folded)


def _context_holds(rule: _Rule, present: set[str], folded: list[str]) -> bool:
    if not rule.context:
        return True
    for phrase in rule.context:
        if len(phrase) == 1:
            if any(phrase[0] + s in present for s in _CONTEXT_SUFFIXES):
                return True
            continue
        n = len(phrase)
        for i in range(len(folded) - n + 1):
            if folded[i : i + n - 1] == list(phrase[:-1]) and any(
                folded[i + n - 1] == phrase[-1] + s for s in _CONTEXT_SUFFIXES
            ):
                return True
    return False


def _genitive(
    rule: _Rule,
    where: Compound,
    start: int,
    head_token: int,
    sentence: str,
    toks: list[tuple[int, int, str]],
    folded: list[str],
) -> bool:
    """Does the hit end in a genitive -s/-es (Lawrows, des Außenministers)?"""
    if where == "modifier":
        return False  # Bundestag|s|wahl: that s links, it is no genitive
    base = rule.base.casefold()
    head_start = start if where == "head" else toks[head_token][0]
    form = _fold(sentence[head_start : toks[head_token][1]])
    if form not in (base + "s", base + "es") or base.endswith("s"):
        return False
    if rule.entry.kind in ("name", "keep"):
        return True
    # A noun's -s is genitive only after a genitive determiner (des
    # Außenministers, eines neuen Außenministers); elsewhere it may be a
    # plural. After a genitive preposition (während des Gipfels) English has
    # no possessive, so that does not count.
    first = head_token
    while first > 0 and head_token - first < 4:
        if sentence[toks[first - 1][1] : toks[first][0]].strip(" -\u2010\u2011"):
            return False  # punctuation ends the noun phrase
        first -= 1
        if folded[first] in morph.GENITIVE_DETERMINERS:
            return first == 0 or folded[first - 1] not in morph.GENITIVE_PREPOSITIONS
    return False


def _resolve(
    hits: list[tuple[int, int, _Rule, Compound, int]],
    sentence: str,
    toks: list[tuple[int, int, str]],
    folded: list[str],
) -> list[TermMatch]:
    """Longest hit wins; then a satisfied context condition; then file order."""
    hits.sort(key=lambda h: (-(h[1] - h[0]), h[0], not h[2].context, h[2].order))
    taken: list[TermMatch] = []
    for start, end, rule, where, head_token in hits:
        apostrophe = False
        if where == "" and rule.head == len(rule.words) - 1 and not rule.tail:
            extended = _apostrophe(sentence, end)
            apostrophe, end = extended != end, extended
        if any(start < m.end and m.start < end for m in taken):
            continue
        genitive = apostrophe or _genitive(rule, where, start, head_token, sentence, toks, folded)
        taken.append(TermMatch(rule.entry, start, end, sentence[start:end], genitive, where))
    taken.sort(key=lambda m: m.start)
    return taken


def _apostrophe(sentence: str, end: int) -> int:
    """Extend over an apostrophe genitive: Lawrow's, Scholz'."""
    rest = sentence[end : end + 3]
    if rest[:2] in ("'s", "\u2019s") and not rest[2:3].isalnum():
        return end + 2
    if (
        rest[:1] in ("'", "\u2019")
        and sentence[end - 1 : end].lower() in ("s", "ß", "x", "z")
        and not rest[1:2].isalnum()
    ):
        return end + 1
    return end


# -- compiled matchers, cached by glossary version ----------------------------------

_CACHE: OrderedDict[str, Matcher] = OrderedDict()
_CACHE_SIZE = 16
_LOCK = threading.Lock()


def compile_glossary(glossary: Glossary) -> Matcher:
    """The glossary's matcher, built once per version and kept (LRU of 16 in memory,
    and on disk between runs: ``glossary.compiled``)."""
    key = glossary.version
    with _LOCK:
        matcher = _CACHE.get(key)
        if matcher is not None:
            _CACHE.move_to_end(key)
            return matcher
    forms = compiled.load(glossary) if glossary.cached else None
    if forms is not None:
        matcher = Matcher(glossary, forms)
    else:
        matcher = Matcher(glossary)  # built outside the lock: it may take a second
        compiled.save(glossary, matcher.forms)
    with _LOCK:
        _CACHE[key] = matcher
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return matcher


def find_terms(glossary: Glossary, sentence: str) -> list[TermMatch]:
    """Entry hits in ``sentence``: sorted, non-overlapping, longest first."""
    return compile_glossary(glossary).find(sentence)
