"""Reading and writing glossary files: TSV, CSV (see ``tabular``) and TBX (see ``tbx``).

Everything is parsed and validated in memory before a ``Glossary`` is
returned, so a bad file raises ``GlossaryFormatError`` ("FILE:LINE: problem")
and changes nothing anywhere.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from .entry import Entry, Glossary, find_conflict
from .errors import GlossaryFormatError, GlossaryValidationError
from .tabular import RowError, dump_rows, parse_rows
from .tbx import dump_tbx, parse_tbx

Format = Literal["tsv", "csv", "tbx"]
FORMATS: tuple[Format, ...] = ("tsv", "csv", "tbx")


def format_for(path: str | Path) -> Format:
    """The format a file name implies (by extension), or GlossaryFormatError."""
    suffix = Path(path).suffix.casefold().lstrip(".")
    for fmt in FORMATS:
        if suffix == fmt:
            return fmt
    raise GlossaryFormatError(
        str(path), 0, f"unknown glossary format {suffix!r} (expected .tsv, .csv or .tbx)"
    )


def _decode(data: bytes, source_name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise GlossaryFormatError(source_name, line, "not UTF-8 text") from None


def parse_glossary(
    data: bytes | str, fmt: Format, name: str, source_name: str = "<glossary>"
) -> Glossary:
    """Parse a whole glossary file's content; ``source_name`` names it in errors."""
    if fmt not in FORMATS:
        raise GlossaryFormatError(source_name, 0, f"unknown glossary format {fmt!r}")
    try:
        if fmt == "tbx":
            raw = data.encode("utf-8") if isinstance(data, str) else data
            rows = parse_tbx(raw)
        else:
            text = _decode(data, source_name) if isinstance(data, bytes) else data
            rows = parse_rows(text.removeprefix("\ufeff"), fmt)
    except RowError as exc:
        raise GlossaryFormatError(source_name, exc.line, exc.problem) from None
    entries: list[Entry] = [entry for _, entry in rows]
    conflict = find_conflict(entries)
    if conflict is not None:
        first, later, problem = conflict
        raise GlossaryFormatError(
            source_name, rows[later][0], f"{problem} (first given on line {rows[first][0]})"
        )
    try:
        return Glossary(name=name, entries=tuple(entries))
    except GlossaryValidationError as exc:  # e.g. an empty name
        raise GlossaryFormatError(source_name, 0, str(exc)) from None


def load_glossary(path: str | Path, name: str | None = None) -> Glossary:
    """Read a .tsv, .csv or .tbx file; the name defaults to the file's stem."""
    path = Path(path)
    fmt = format_for(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise GlossaryFormatError(str(path), 0, f"cannot read file: {exc.strerror}") from None
    return parse_glossary(data, fmt, name or path.stem, str(path))


def dump_glossary(glossary: Glossary, fmt: Format) -> str | bytes:
    """TSV/CSV as text, TBX as UTF-8 bytes; parsing the result gives the same version."""
    if fmt == "tbx":
        return dump_tbx(glossary.entries)
    if fmt in ("tsv", "csv"):
        return dump_rows(glossary.entries, fmt)
    raise GlossaryFormatError("<glossary>", 0, f"unknown glossary format {fmt!r}")
