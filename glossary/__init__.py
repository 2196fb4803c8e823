"""Glossary room: entries, file formats, matching German forms, enforcement.

Imports nothing of ours (not ``service``, not ``models``).

    from glossary import default_glossary, find_terms, enforce
    g = default_glossary()
    matches = find_terms(g, "Lawrows Erklärung überraschte die Nato.")
    result = enforce(source, matches, english_text, ...)
    # or, to re-decode many sentences' prefixes together: enforcing(...)
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .defaults import default_glossary
    from .enforce import EnforceResult, Enforcing, TermResult, enforce, enforcing
    from .entry import Entry, Glossary, Kind
    from .errors import GlossaryError, GlossaryFormatError, GlossaryValidationError
    from .formats import dump_glossary, format_for, load_glossary, parse_glossary
    from .match import Matcher, TermMatch, compile_glossary, find_terms

# Each name's module, imported when the name is first used: matching and enforcement
# bring the lemmatiser (simplemma, a second of regular expressions), which a command
# that only needs an entry or an error, or refuses an article early, never pays for.
WHERE = {
    "default_glossary": "defaults",
    **dict.fromkeys(
        ("EnforceResult", "Enforcing", "TermResult", "enforce", "enforcing"), "enforce"
    ),
    **dict.fromkeys(("Entry", "Glossary", "Kind"), "entry"),
    **dict.fromkeys(("GlossaryError", "GlossaryFormatError", "GlossaryValidationError"), "errors"),
    **dict.fromkeys(("dump_glossary", "format_for", "load_glossary", "parse_glossary"), "formats"),
    **dict.fromkeys(("Matcher", "TermMatch", "compile_glossary", "find_terms"), "match"),
}


def __getattr__(name: str) -> Any:
    module = WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value  # once found, an ordinary attribute
    return value


__all__ = [
    "EnforceResult",
    "Enforcing",
    "Entry",
    "Glossary",
    "GlossaryError",
    "GlossaryFormatError",
    "GlossaryValidationError",
    "Kind",
    "Matcher",
    "TermMatch",
    "TermResult",
    "compile_glossary",
    "default_glossary",
    "dump_glossary",
    "enforce",
    "enforcing",
    "find_terms",
    "format_for",
    "load_glossary",
    "parse_glossary",
]
