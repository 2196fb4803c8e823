"""Which glossary a translation uses: the default, files, stored ones, combined.

A spec names a glossary: ``news-de-en`` (the shipped default), a TSV/CSV/TBX
file path, or the name of a glossary stored with ``mtdesk glossary import``.
Several specs combine into one glossary; conflicting entries are an error.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path

from glossary import (
    Glossary,
    GlossaryError,
    GlossaryFormatError,
    default_glossary,
    load_glossary,
)
from service.errors import GlossaryInvalid, NotFound

DEFAULT_NAME = "news-de-en"
StoredLookup = Callable[[str], Glossary | None]


def resolve_glossary(
    spec: str, stored: StoredLookup | None = None, *, files: bool = True
) -> Glossary:
    """The glossary ``spec`` names; ``files=False`` for specs from the network."""
    if spec == DEFAULT_NAME:
        return default_glossary()
    found = stored(spec) if stored else None
    if found is not None:
        return found
    path = existing_file(spec) if files else None
    if path is not None:
        try:
            return load_file(path.resolve(), path.stat().st_mtime_ns)
        except GlossaryFormatError as error:
            raise GlossaryInvalid(str(error), detail=error_detail(error)) from None
        except GlossaryError as error:
            raise GlossaryInvalid(f"{spec}: {error}") from None
    if not files:  # a name from the network: files are none of its business
        raise NotFound(f"no glossary {spec!r}: not {DEFAULT_NAME!r}, not a stored glossary")
    raise NotFound(f"no glossary {spec!r}: not {DEFAULT_NAME!r}, not a stored glossary, not a file")


def existing_file(spec: str) -> Path | None:
    """The file ``spec`` names, if it is one; ``~name`` of no known user names none."""
    try:
        path = Path(spec).expanduser()
    except RuntimeError:  # pathlib: no home directory for that user
        return None
    return path if path.is_file() else None


@lru_cache(maxsize=32)
def load_file(path: Path, modified_ns: int) -> Glossary:
    """A glossary file, parsed once per version of it (MTDESK_GLOSSARY is read per request)."""
    return load_glossary(path)


def combine(glossaries: Sequence[Glossary]) -> Glossary | None:
    if not glossaries:
        return None
    if len(glossaries) == 1:
        return glossaries[0]
    name = "+".join(glossary.name for glossary in glossaries)
    entries = tuple(entry for glossary in glossaries for entry in glossary.entries)
    try:
        return Glossary(name, entries)
    except GlossaryError as error:
        raise GlossaryInvalid(f"glossaries {name} conflict: {error}") from None


def select_glossary(
    specs: Sequence[str], stored: StoredLookup | None = None, *, files: bool = True
) -> Glossary | None:
    return combine([resolve_glossary(spec, stored, files=files) for spec in specs])


def error_detail(error: GlossaryFormatError) -> dict[str, object]:
    return {"file": str(error.path), "line": error.line, "problem": error.problem}
