"""Glossary room: entries, file formats, matching German forms, enforcement.

Imports nothing of ours (not ``service``, not ``models``).

    from glossary import default_glossary, find_terms, enforce
    g = default_glossary()
    matches = find_terms(g, "Lawrows Erklärung überraschte die Nato.")
    result = enforce(source, matches, english_text, ...)
    # or, to re-decode many sentences' prefixes together: enforcing(...)
"""

from .defaults import default_glossary
from .enforce import EnforceResult, Enforcing, TermResult, enforce, enforcing
from .entry import Entry, Glossary, Kind
from .errors import GlossaryError, GlossaryFormatError, GlossaryValidationError
from .formats import dump_glossary, format_for, load_glossary, parse_glossary
from .match import Matcher, TermMatch, compile_glossary, find_terms

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
