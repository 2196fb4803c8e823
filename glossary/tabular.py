"""TSV and CSV glossaries: a header row naming the fields, one entry per row.

Header fields, in any order: ``source`` and ``target`` (required), ``kind``
(``name``/``term``/``keep``, default ``term``), ``case_sensitive``
(true/false, yes/no, 1/0; default false), ``context`` (words separated by
``|``) and ``note``. Blank lines and lines starting with ``#`` are skipped,
so a data file can carry comments. A ``keep`` row may leave ``target`` empty.

TSV is read without any quoting (a ``"`` is an ordinary character); CSV
follows RFC 4180 quoting. Errors carry the 1-based physical line where the
offending row starts.

Spreadsheets run a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a
formula, so the writer neutralises such cells as OWASP recommends: it puts a
``'`` before them. To keep export → import exact, a cell of apostrophes
followed by one of those characters gets one more ``'`` too, and the reader
takes one ``'`` off every cell that is apostrophes followed by one of them.
A cell like ``'s-Hertogenbosch`` is left alone both ways.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator

from .entry import Entry
from .errors import GlossaryValidationError

FIELDS = ("source", "target", "kind", "case_sensitive", "context", "note")
REQUIRED = ("source", "target")
_TRUE = {"true", "yes", "1", "y", "t"}
_FALSE = {"false", "no", "0", "n", "f", ""}
# a cell a spreadsheet would run as a formula, after any apostrophes we added
_FORMULA = re.compile(r"'*[=+\-@]")
_NEUTRALISED = re.compile(r"'+[=+\-@]")


class RowError(Exception):
    """A problem on one line; the caller adds the file name."""

    def __init__(self, line: int, problem: str) -> None:
        super().__init__(problem)
        self.line = line
        self.problem = problem


def _rows(text: str, fmt: str) -> Iterator[tuple[int, list[str]]]:
    """Yield (line number where the row starts, cells) for every non-blank row."""
    if fmt == "tsv":
        # split on "\n" only: str.splitlines() also breaks on form feeds and
        # Unicode separators, which would shift line numbers against editors.
        for number, line in enumerate(text.split("\n"), start=1):
            line = line.removesuffix("\r")
            if line.strip():
                yield number, line.split("\t")
        return
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    start = 1
    try:
        for cells in reader:
            if any(cell.strip() for cell in cells):
                yield start, cells
            start = reader.line_num + 1
    except csv.Error as exc:
        raise RowError(start, f"malformed CSV: {exc}") from None


def _flag(value: str, line: int) -> bool:
    folded = value.strip().casefold()
    if folded in _TRUE:
        return True
    if folded in _FALSE:
        return False
    raise RowError(line, f"case_sensitive must be true or false, not {value.strip()!r}")


def parse_rows(text: str, fmt: str) -> list[tuple[int, Entry]]:
    """Parse TSV or CSV text into (line, entry) pairs; raises ``RowError``."""
    header: list[str] | None = None
    entries: list[tuple[int, Entry]] = []
    for line, cells in _rows(text, fmt):
        if cells[0].lstrip().startswith("#"):
            continue
        if header is None:
            header = [cell.strip().casefold() for cell in cells]
            unknown = [name for name in header if name not in FIELDS]
            if unknown:
                raise RowError(
                    line,
                    f"unknown column {unknown[0]!r} in header "
                    f"(expected some of: {', '.join(FIELDS)})",
                )
            doubled = [name for name in FIELDS if header.count(name) > 1]
            if doubled:
                raise RowError(line, f"column {doubled[0]!r} appears twice in header")
            missing = [name for name in REQUIRED if name not in header]
            if missing:
                raise RowError(line, f"header lacks the required column {missing[0]!r}")
            continue
        if len(cells) != len(header):
            raise RowError(line, f"expected {len(header)} fields, found {len(cells)}")
        row = dict(zip(header, map(_restore, cells), strict=True))
        kind = row.get("kind", "").strip() or "term"
        context = tuple(w.strip() for w in row.get("context", "").split("|") if w.strip())
        try:
            entry = Entry(
                source=row["source"],
                target=row["target"],
                kind=kind,  # type: ignore[arg-type]  # validated by Entry
                case_sensitive=_flag(row.get("case_sensitive", ""), line),
                context=context,
                note=row.get("note", ""),
            )
        except GlossaryValidationError as exc:
            raise RowError(line, str(exc)) from None
        entries.append((line, entry))
    if header is None:
        raise RowError(1, "no header row (expected columns such as: source, target)")
    return entries


def dump_rows(entries: tuple[Entry, ...], fmt: str) -> str:
    """Write entries as TSV or CSV with the full header, in glossary order."""
    out = io.StringIO()
    if fmt == "tsv":
        out.write("\t".join(FIELDS) + "\n")
        for entry in entries:
            out.write("\t".join(_cells(entry)) + "\n")
    else:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(FIELDS)
        for entry in entries:
            writer.writerow(_cells(entry))
    return out.getvalue()


def _neutralise(cell: str) -> str:
    return "'" + cell if _FORMULA.match(cell) else cell


def _restore(cell: str) -> str:
    """Undo ``_neutralise``: the cell as the entry holds it."""
    stripped = cell.strip()
    return stripped[1:] if _NEUTRALISED.match(stripped) else cell


def _cells(entry: Entry) -> list[str]:
    return [_neutralise(cell) for cell in _plain_cells(entry)]


def _plain_cells(entry: Entry) -> list[str]:
    return [
        entry.source,
        entry.target,
        entry.kind,
        "true" if entry.case_sensitive else "false",
        "|".join(entry.context),
        entry.note,
    ]
