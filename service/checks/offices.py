"""A ministry or a minister of another field: ``name_mismatch`` when the English
names a field that no German ministry or minister of the sentence has
("Verteidigungsministerium" → "Economy Ministry", "Finanzminister" → "Labour
Minister").

The German's fields are read from its ministries and ministers
("Bundesgesundheitsministerin", "Ministerium für Bildung"), the English's from
"X Ministry", "X Minister", "Minister of X" and "X Secretary"; each German field
allows the English words ``facts/data/ministry_fields_de_en.tsv`` gives it. An English
field word the table does not know ("Prime Minister") is not read, nor a field on
one side only (a title dropped or explained is the omission check's).

A federal body the English names ("Federal … Office", "Agency", "Authority",
"Institute", "Court") needs one word of its field said by some German word of the
sentence, by Ding or by its first five letters ("Bundesnetzagentur" → "Federal
Network Agency", "Statistisches Bundesamt" → "Federal Statistical Office"; not
"Federal Environment Agency"): ``body_findings``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import regex
from breame.spelling import AMERICAN_ENGLISH_SPELLINGS

from service.document import Finding

FIELDS = Path(__file__).parent / "facts" / "data" / "ministry_fields_de_en.tsv"

_GERMAN_OFFICE = regex.compile(
    r"(?:(?<![\p{L}-])(?:Bundes|Landes)?(\p{L}+?)(?:s|-)?"
    r"(?:ministerium|ministeriums|minister|ministerin|ministers|ministerinnen|ressort)\b)"
    r"|(?:\b(?:Bundes)?[Mm]inister(?:ium|in)?\s+(?:für|des|der)\s+(\p{L}+))",
    regex.IGNORECASE,
)
_HALF_COMPOUND = regex.compile(
    r"(?<![\p{L}-])(?:Bundes)?(\p{L}+?)s?-\s+(?:und|oder)\s+\p{L}*minist", regex.IGNORECASE
)
_ENGLISH_OFFICE = regex.compile(
    r"\b([\p{L}-]+)(?:\s+and\s+([\p{L}-]+))?\s+(?:Ministry|Minister|Secretary|ministry|minister)\b"
    r"|\b(?:Ministry|Minister|Secretary|ministry|minister)\s+(?:of|for)\s+(?:the\s+)?([\p{L}-]+)",
)


def office_findings(source: str, target: str) -> list[Finding]:
    """At most one finding: the first English field no German field allows."""
    fields = _fields()
    allowed: set[str] = set()
    offices = list(_GERMAN_OFFICE.finditer(source))
    stems = [m.group(1) or m.group(2) or "" for m in offices]
    stems += _HALF_COMPOUND.findall(source)  # "Wirtschafts- und Klimaschutzminister"
    for stem in stems:
        allowed |= fields.get(_field_of(stem.lower(), fields), set())  # lower: ß stays
    if not allowed:
        return []
    german = next(
        (m for m in offices if _field_of((m.group(1) or m.group(2) or "").lower(), fields)),
        None,
    )
    known = set().union(*fields.values())
    for match in _ENGLISH_OFFICE.finditer(target):
        for group in (1, 2, 3):
            word = (match.group(group) or "").lower()
            if word in known and word not in allowed:
                message = f"the English '{match.group().strip()}' is of a field no ministry "
                message += "or minister of the German has"
                message += f" ('{german.group().strip()}')" if german else ""
                return [_changed(german, match, message)]
    return []


def _changed(german: regex.Match[str] | None, english: regex.Match[str], message: str) -> Finding:
    """The English's name in place of the German's, where the German names one."""
    return Finding(
        flag="name_mismatch",
        source_span=german.span() if german else None,
        target_span=english.span(),
        message=message,
    )


# "the Federal Network Agency", "the Federal Office for Information Security"
_FEDERAL_BODY_EN = regex.compile(
    r"\bFederal\s+((?:\p{Lu}[\p{L}-]*\s+){0,3}?)(?:Office|Agency|Authority|Institute|Court)\b"
    r"(?:\s+(?:for|of)\s+((?:the\s+)?\p{Lu}[\p{L}-]*(?:\s+(?:and\s+)?\p{Lu}[\p{L}-]*){0,3}))?"
)
_GERMAN_BODY = regex.compile(r"(?<![\p{L}-])[\p{L}-]*[Bb]undes\p{Ll}+(?:\s+für\s+\p{Lu}\p{L}+)?")
_NOT_A_FIELD = frozenset({"the", "and", "german", "federal"})


def _british(word: str) -> str:
    """Ding spells British: "labor" is looked up as "labour"."""
    return AMERICAN_ENGLISH_SPELLINGS.get(word, word)


def body_findings(source: str, target: str) -> list[Finding]:
    """A federal body of the English whose field no German word of the sentence says
    ("Bundesnetzagentur" → "Federal Environment Agency"): at most one."""
    from service.checks.facts.lexicon import lexicon, stem

    lex = lexicon()
    if lex is None:
        return []
    german_words = regex.findall(r"\p{L}{3,}", source)
    folded = [_fold(word) for word in german_words]
    for match in _FEDERAL_BODY_EN.finditer(target):
        words = " ".join(g for g in match.groups() if g).split()
        fields = [w for w in words if w.lower() not in _NOT_A_FIELD]
        said = [
            word
            for word in fields
            if any(stem(_british(word.lower())) in lex.lookup(german) for german in german_words)
            or any(_fold(word)[:5] in f for f in folded)  # Statistical ~ Statistisches
        ]
        if fields and not said:  # "Kraftfahrt-Bundesamt" says "Transport", if not "Motor"
            message = f"the English '{match.group().strip()}' is not in the German: no German "
            message += f"word of the sentence says '{' '.join(fields)}'"
            return [_changed(_GERMAN_BODY.search(source), match, message)]
    return []


def _fold(word: str) -> str:
    """Lower case, c as k (Criminal ~ Kriminal), umlauts and ß as one plain letter."""
    return word.lower().replace("c", "k").translate(str.maketrans("äöüß", "aous"))


def _field_of(stem: str, fields: dict[str, set[str]]) -> str:
    """The table's field a German compound's first part begins with ("wirtschafts",
    "verteidigungs", "klimaschutz")."""
    for field in sorted(fields, key=len, reverse=True):
        if stem.startswith(field):
            return field
    return ""


@cache
def _fields() -> dict[str, set[str]]:
    table: dict[str, set[str]] = {}
    for line in FIELDS.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            german, english = line.split("\t")
            for stem in german.split("|"):
                table.setdefault(stem, set()).update(english.split("|"))
    return table
