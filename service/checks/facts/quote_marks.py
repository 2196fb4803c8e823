"""Quotations: ``quote_mismatch`` when a quotation of the German is not a quotation
in the English, with its marks.

Both sides are scanned for paired marks: German „…“ „…” »…« «…» ‚…‘ “…” "…",
English “…” "…" ‘…’ '…' (British style) and the German marks kept. An apostrophe
("Ukraine's", "citizens' ") is no quotation mark: a single mark opens only
before a word, after a space or bracket, and closes only before a space or
punctuation. Flagged:

* the English has fewer quotations than the German (dropped marks, or the quote
  turned into reported speech: "they would never cede territory");
* a quotation mark without its pair in the English (a closing mark lost), beyond
  those the German leaves open (a quotation running over several sentences);
* the English quotes more than the German does (words put in marks);
* a quotation whose English is more than twice as long as its German, or less
  than half as long (the narrator's words merged in, or most of the quote left
  outside): a German quotation under 40 letters must also have lost half its
  words, since English says in fewer letters what German says in long words.

A quotation the English splits around its speaker ("Demand is huge," she said. "We
have waiting lists …": the first part ends in a comma, the words between name the
speaker) is one quotation, its letters those of both parts.

A name the German quotes and the English writes plain (a storm, a ship, an
operation: „Zoltan“ → "Storm Zoltan"; at most three capitalised words, not
starting with an article as a title does, found in the English outside its
quotations as written or inflected otherwise: „Süddeutschen Zeitung“ → "the
Süddeutsche Zeitung") is no quotation lost.

A title the German quotes after a word for a work or a genitive name ("der Film
„Das Lehrerzimmer“", "Brechts „Mutter Courage“"; capitalised, eight words at most,
no closing punctuation, not speech), and any other of that shape in the same
sentence, may go without marks in English: many house styles set titles in
italics or plain. So may a quotation of two words or more the English keeps word for
word („The Voice of Germany“, „In aller Freundschaft“).

Misses: a quotation whose marks stay but whose words change (that is for the
other checks), a one-word quotation of a name whose marks are dropped, and a
title's marks dropped where the house style wants them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from service.document import Finding

_GERMAN_PAIRS = {"„": "“”", "»": "«", "«": "»", "‚": "‘’", "“": "”"}
_ENGLISH_PAIRS = {"“": "”", "„": "“”", "»": "«", "«": "»"}
_WORD_START = str.isalnum
_SHRINK_MIN = 40  # letters of a German quotation before it may not halve in English
_ARTICLES = frozenset({"der", "die", "das", "den", "dem", "des", "ein", "eine", "einer"})


@dataclass(frozen=True)
class Quotation:
    start: int  # of the opening mark
    end: int  # after the closing mark

    def inside(self, text: str) -> str:
        return text[self.start + 1 : self.end - 1]


@lru_cache(maxsize=256)  # the negation check scans the same German for its titles
def scan(text: str, *, english: bool) -> tuple[tuple[Quotation, ...], tuple[int, ...]]:
    """The quotations of ``text`` (outermost and nested) and the offsets of marks
    left without a pair."""
    pairs = _ENGLISH_PAIRS if english else _GERMAN_PAIRS
    stack: list[tuple[str, int]] = []  # (closers, offset of the opening mark)
    quotations: list[Quotation] = []
    for index, char in enumerate(text):
        if stack and char in stack[-1][0] and _may_close(text, index, char):
            _, start = stack.pop()
            quotations.append(Quotation(start, index + 1))
        elif char in pairs and not (char == "«" and stack and stack[-1][0] == "«"):
            stack.append((pairs[char], index))
        elif char == '"' or (char in "'‘" and english):
            closer = "'" if char == "'" else "’" if char == "‘" else '"'
            if char != '"' and not _may_open(text, index):
                continue
            stack.append((closer, index))
    return tuple(sorted(quotations, key=lambda q: q.start)), tuple(start for _, start in stack)


def _name_unquoted(inside: str, target: str, english: tuple[Quotation, ...]) -> bool:
    """A name the German quotes and English news writes plain: a storm, a ship, an
    operation, a paper („Zoltan“ → Storm Zoltan, „Bild am Sonntag“). At most four
    words, each capitalised but a joining word inside (am, der, für) or a number
    after the first („Borkum Riffgrund 3“), and in the
    English as written, outside its quotations."""
    words = inside.split()
    if not 1 <= len(words) <= 4 or not words[0][:1].isupper():
        return False
    if not (words[-1][:1].isupper() or words[-1].isdigit() and len(words) > 1):
        return False  # „Borkum Riffgrund 3“ ends in its number
    if not all(w[:1].isupper() or w in _JOINING or w.isdigit() for w in words):
        return False
    if words[0].casefold() in _ARTICLES:  # „Die Mittagsfrau“: a title, quoted in English too
        return False
    # Inflection-tolerant: „Süddeutschen Zeitung“ → "the Süddeutsche Zeitung", and
    # umlauts as English may write them ("Sueddeutsche").
    pattern = r"\s+".join(_spelled(re.escape(_stem(w))) + r"\w{0,3}" for w in words)
    for match in re.finditer(rf"(?<!\w){pattern}(?!\w)", target):
        if not any(q.start <= match.start() < q.end for q in english):
            return True
    return False


_UMLAUTS = {
    "ä": "(?:ä|ae|a)", "ö": "(?:ö|oe|o)", "ü": "(?:ü|ue|u)", "ß": "(?:ß|ss)",
    "Ä": "(?:Ä|Ae|A)", "Ö": "(?:Ö|Oe|O)", "Ü": "(?:Ü|Ue|U)",
}  # fmt: skip


def _kept_as_written(inside: str, target: str, english: tuple[Quotation, ...]) -> bool:
    """A quotation of two words or more the English writes word for word, outside its
    own quotations: a title or a name kept in its language („The Voice of Germany“,
    „In aller Freundschaft“)."""
    if len(inside.split()) < 2:
        return False
    return any(
        not any(q.start <= match.start() < q.end for q in english)
        for match in re.finditer(re.escape(inside), target)
    )


def _spelled(pattern: str) -> str:
    return "".join(_UMLAUTS.get(char, char) for char in pattern)


def _term_in_marks(inside: str, after: str) -> bool:
    """English marks around a term that modifies the noun after it, not a quotation:
    one to three words in lower case, no sentence ("Ampel-Koalition" = the "traffic
    light" coalition; "called it "outrageous"." quotes a word)."""
    words = inside.split()
    if not 1 <= len(words) <= 3 or not inside[:1].islower() or re.search(r"[.!?,;:]", inside):
        return False
    return re.match(r"\s+[a-z]", after) is not None


# "den sogenannten Bau-Turbo" = "the so-called "construction turbo"": the English
# marks the German's term, no quotation.
_SO_CALLED_DE = re.compile(r"\bso\s?genannt", re.IGNORECASE)
_SO_CALLED_EN = re.compile(r"\bso-called\s+$", re.IGNORECASE)

# Lower-case words a German name may hold between its capitalised ones.
_JOINING = frozenset("am an im in der die das des dem den von vom zu zum zur für und auf".split())


def _stem(word: str) -> str:
    """A German word less its inflection ending (Süddeutschen → Süddeutsch)."""
    word = word.strip(".,;:!?")
    for ending in ("en", "em", "er", "es", "e", "n", "s"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


def _may_open(text: str, index: int) -> bool:
    before = text[index - 1] if index else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    return (before.isspace() or before in "([—–-:") and _WORD_START(after)


def _may_close(text: str, index: int, char: str) -> bool:
    if char not in "'’":
        return True
    after = text[index + 1] if index + 1 < len(text) else " "
    return not after.isalnum()


# A work a German quotation names: "der Film „Das Lehrerzimmer“", "Brechts „Mutter
# Courage“", "im Animationsfilm „Der wilde Roboter“" (a compound ending in one of these).
_WORK_DE = (
    r"film\w*|drama|dramas|roman\w*|buch(?:es|s)?|bücher\w*|stück\w*|oper|album|alben"
    r"|song\w*|lied\w*|single|serie|sendung|show|titel\w*|ausstellung|musical|komödie"
    r"|dokumentation|doku|podcast|werk\w*|bestseller\w*|thriller\w*|krimi\w*|hit"
    r"|inszenierung|theaterstück\w*|spielfilm\w*|kinofilm\w*|gedicht\w*|essay\w*"
    r"|ballett\w*|schau|magazin\w*|zeitung|zeitschrift|blatt|kolumne|sachbuch\w*"
    r"|debüt\w*|erfolg\w*|klassiker\w*|märchen|oratorium|symphonie|sinfonie|reihe|staffel"
)
_TITLE_BEFORE_DE = re.compile(
    rf"(?:\b(?i:\w*(?:{_WORK_DE})(?:n|en|s|es|e)?)|\b[A-ZÄÖÜ]\w+s)\s+(?:\w+\s+){{0,2}}$"
)


_SPEECH_BEFORE_DE = re.compile(
    r"\b(?:sagte|sagt|sagten|erklärte|betonte|meinte|schrieb|rief|warnte|so)\s*:?\s*$"
)


def titles(source: str, quotations: tuple[Quotation, ...]) -> list[Quotation]:
    """The German quotations that name a work after a word for one ("der Film „Das
    Lehrerzimmer“", "Brechts „Mutter Courage und ihre Kinder“", "Serien wie „Babylon
    Berlin“"): English news may write a title in italics, or plain, with no marks.
    Where one does, so do the others of a title's shape in the sentence."""
    shaped = [q for q in quotations if _title_shaped(source, q)]
    cued = [
        q
        for q in shaped
        if _TITLE_BEFORE_DE.search(source[max(0, q.start - 60) : q.start])
        and not _SPEECH_BEFORE_DE.search(source[: q.start])  # "des Vereins sagte „…“"
    ]
    if not cued:
        return []
    # not speech: after no colon, before no ", sagte"
    others = [
        q
        for q in shaped
        if q not in cued
        and not re.search(r":\s*$", source[: q.start])
        and not re.match(r"\s*,", source[q.end :])
    ]
    return sorted(cued + others, key=lambda q: q.start)


def _title_shaped(source: str, quotation: Quotation) -> bool:
    """Capitalised, eight words at most, no punctuation closing it."""
    inside = quotation.inside(source)
    return inside[:1].isupper() and not re.search(r"[.!?,;:]$", inside) and len(inside.split()) <= 8


def quote_findings(source: str, target: str) -> list[Finding]:
    quoted_de, german_open = scan(source, english=False)
    quoted_en, english_open = scan(target, english=True)
    works = titles(source, quoted_de)
    german = [
        q
        for q in quoted_de
        if not _name_unquoted(q.inside(source), target, quoted_en)
        and not _kept_as_written(q.inside(source), target, quoted_en)
    ]
    if len(quoted_en) < len(german):  # as many titles as the English lacks marks for
        unmarked = [q for q in works if q in german][: len(german) - len(quoted_en)]
        german = [q for q in german if q not in unmarked]
    so_called = _SO_CALLED_DE.search(source) is not None
    terms = [
        q
        for q in quoted_en
        if _term_in_marks(q.inside(target), target[q.end :])
        or (so_called and _SO_CALLED_EN.search(target, 0, q.start) is not None)
    ]
    english = list(quoted_en)
    if len(english) - len(terms) >= len(german):  # "the "traffic light" coalition"
        english = [q for q in english if q not in terms]
    # "Demand is huge," she said. "We have waiting lists": one German quotation the
    # English splits around its speaker.
    continued = _continued(target, english)[: max(0, len(english) - len(german))]
    letters = {q: len(q.inside(target)) for q in english}
    for first, second in continued:
        letters[first] += letters.pop(second)
    english = [q for q in english if q in letters]
    findings: list[Finding] = []
    # A quotation running over several sentences leaves a mark open in the German
    # too: only the English's marks beyond the German's count.
    for offset in english_open[len(german_open) :]:
        findings.append(
            Finding(
                flag="quote_mismatch",
                source_span=None,
                target_span=(offset, offset + 1),
                message=f"the quotation mark {target[offset]} of the English has no pair",
            )
        )
    if len(english) < len(german):
        lost = german[len(english)]
        findings.append(
            Finding(
                flag="quote_mismatch",
                source_span=(lost.start, lost.end),
                target_span=None,
                message=f"the quotation {source[lost.start : lost.end]} of the German is not "
                "a quotation in the English",
            )
        )
    elif len(english) > len(german) and not german_open:
        added = english[len(german)]
        findings.append(
            Finding(
                flag="quote_mismatch",
                source_span=None,
                target_span=(added.start, added.end),
                message=f"the English quotes {target[added.start : added.end]} where the German "
                "has no quotation",
            )
        )
    else:
        for de, en in zip(german, english, strict=False):
            inside_de, inside_en = len(de.inside(source)), letters[en]
            # English says in fewer letters what German says in long words: a short
            # quotation ("Ich habe einfach nur gehandelt" → "I just acted") may
            # halve its letters, not its words („enttäuschend schwach“ → "weak"); a
            # long one halved has lost words.
            words_de = len(de.inside(source).split())
            words_en = sum(len(q.inside(target).split()) for q in [en, *_after(en, continued)])
            shrunk = inside_en / inside_de < 0.5 and (
                inside_de >= _SHRINK_MIN or 2 * words_en <= words_de
            )
            if shrunk or (inside_de >= 15 and inside_en / inside_de > 2.0):
                findings.append(
                    Finding(
                        flag="quote_mismatch",
                        source_span=(de.start, de.end),
                        target_span=(en.start, en.end),
                        message=f"the quotation {source[de.start : de.end]} of the German is "
                        f"{target[en.start : en.end]} in the English: not the same words",
                    )
                )
    return findings


# The narrator's words between the two parts of a quotation split around its speaker.
_SPEAKER_EN = re.compile(
    r"^[\s,]*[^\"“”]{0,80}?\b(?:said|says|told|added|explained|stressed|warned|insisted)\b"
    r"[^\"“”]{0,40}?[.,:;]\s*$",
    re.IGNORECASE,
)


def _continued(target: str, quotations: list[Quotation]) -> list[tuple[Quotation, Quotation]]:
    """Each quotation that goes on after its speaker ("Demand is huge," she said. "We
    have …"), with the quotation it continues: the first ends in a comma."""
    pairs = []
    for first, second in zip(quotations, quotations[1:], strict=False):
        between = target[first.end : second.start]
        comma = first.inside(target).rstrip().endswith(",") or between.lstrip().startswith(",")
        if comma and _SPEAKER_EN.match(between):
            pairs.append((first, second))
    return pairs


def _after(first: Quotation, continued: list[tuple[Quotation, Quotation]]) -> list[Quotation]:
    return [second for one, second in continued if one == first]
