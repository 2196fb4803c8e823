"""TBX glossaries, read and written with translate-toolkit (``translate.storage.tbx``).

One ``termEntry`` per concept: a ``de`` langSet with the German term(s) and
an ``en`` langSet with the English term. Several German terms in one
concept (synonyms, spelling variants such as Selenskyj/Selenski) become
several entries with the same target; deprecated English terms are skipped.

mtdesk's own fields are stored as TBX notes on the termEntry, which
translate-toolkit reads and writes through ``addnote``/``getnotes``::

    <note from="mtdesk:kind">name</note>
    <note from="mtdesk:case_sensitive">true</note>
    <note from="mtdesk:context">US|Blinken</note>
    <note>the human note</note>

Files from other tools work without them: a ``termNote type="partOfSpeech"``
of ``properNoun`` makes a ``name`` entry, and a ``descrip`` (definition)
becomes the note when there is no plain note.
"""

from __future__ import annotations

from typing import Any

from lxml import etree
from translate.storage import tbx

from .entry import Entry
from .errors import GlossaryValidationError
from .tabular import RowError

SOURCE_LANG = "de"
TARGET_LANG = "en"
_PREFIX = "mtdesk:"


def _line(node: Any, default: int = 0) -> int:
    return int(getattr(node, "sourceline", None) or default)


def _plain_notes(unit: tbx.tbxunit) -> str:
    """Human notes: <note> without an mtdesk origin, else the definition."""
    notes = [
        (node.text or "").strip()
        for node in unit.xmlelement.iterdescendants(unit.namespaced("note"))
        if not (node.get("from") or "").startswith(_PREFIX)
    ]
    notes = [n for n in notes if n]
    if not notes:
        notes = [
            (node.text or "").strip()
            for node in unit.xmlelement.iterdescendants(unit.namespaced("descrip"))
            if node.get("type") in (None, "definition")
        ]
    return "; ".join(n for n in notes if n)


def _kind(unit: tbx.tbxunit) -> str:
    kind = unit.getnotes(_PREFIX + "kind").strip()
    if kind:
        return kind
    for node in unit.xmlelement.iterdescendants(unit.namespaced("termNote")):
        if node.get("type") == "partOfSpeech" and (node.text or "").strip() in (
            "properNoun",
            "proper noun",
        ):
            return "name"
    return "term"


def parse_tbx(data: bytes) -> list[tuple[int, Entry]]:
    """Parse TBX bytes into (line, entry) pairs; raises ``RowError``."""
    try:
        store = tbx.tbxfile.parsestring(
            data, sourcelanguage=SOURCE_LANG, targetlanguage=TARGET_LANG
        )
    except etree.XMLSyntaxError as exc:
        raise RowError(exc.lineno or 0, f"not well-formed XML: {exc.msg}") from None
    except AssertionError:  # translate-toolkit asserts the <martif> root
        raise RowError(1, "not a TBX file (root element is not <martif>)") from None
    entries: list[tuple[int, Entry]] = []
    for unit in store.units:
        line = _line(unit.xmlelement)
        targets = [t.text.strip() for t in unit.get_target_terms() if not t.deprecated]
        targets = [t for t in targets if t]
        sources = [s.text.strip() for s in unit.get_source_terms() if s.text.strip()]
        if not sources:
            raise RowError(line, f"termEntry has no {SOURCE_LANG!r} term")
        kind = _kind(unit)
        if not targets and kind != "keep":
            raise RowError(line, f"termEntry {sources[0]!r} has no {TARGET_LANG!r} term")
        flag = unit.getnotes(_PREFIX + "case_sensitive").strip().casefold()
        if flag not in ("", "true", "false"):
            raise RowError(line, f"case_sensitive must be true or false, not {flag!r}")
        context = unit.getnotes(_PREFIX + "context")
        for source in sources:
            try:
                entry = Entry(
                    source=source,
                    target=targets[0] if targets else "",
                    kind=kind,  # type: ignore[arg-type]  # validated by Entry
                    case_sensitive=flag == "true",
                    context=tuple(w.strip() for w in context.split("|") if w.strip()),
                    note=_plain_notes(unit),
                )
            except GlossaryValidationError as exc:
                raise RowError(line, str(exc)) from None
            entries.append((line, entry))
    return entries


def dump_tbx(entries: tuple[Entry, ...]) -> bytes:
    """Write entries as TBX (UTF-8 bytes), one termEntry per entry."""
    store = tbx.tbxfile(sourcelanguage=SOURCE_LANG, targetlanguage=TARGET_LANG)
    for entry in entries:
        unit = store.addsourceunit(entry.source)
        unit.settarget(entry.target, TARGET_LANG)
        unit.addnote(entry.kind, origin=_PREFIX + "kind")
        if entry.case_sensitive:
            unit.addnote("true", origin=_PREFIX + "case_sensitive")
        if entry.context:
            unit.addnote("|".join(entry.context), origin=_PREFIX + "context")
        if entry.note:
            unit.addnote(entry.note)
    return bytes(store)
