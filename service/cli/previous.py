"""``mtdesk translate NEW --previous OLD.json``: a story's new version, offline.

``OLD.json`` is an aligned document of the earlier version (``mtdesk
translate --format json``, an article of a batch job's outputs, or a stored
article's JSON), perhaps reviewed since: its sentences whose German is
unchanged carry over as they are, the rest are translated
(``service.desk.revisions.carry_over``, the API's story update path).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from pydantic import ValidationError

from service.cli.options import fail
from service.cli.words import counted
from service.document import AlignedDocument, RevisionSummary

PreviousOption = Annotated[
    Path | None,
    typer.Option(
        "--previous",
        help="An aligned document (--format json) of the story's earlier version: its "
        "sentences whose German is unchanged carry over as they are (reviewed English, "
        "status, history of edits); only changed and new ones are translated.",
    ),
]


def read_previous(path: Path) -> AlignedDocument:
    """The earlier version's document, or a one-line error."""
    if not path.is_file():
        fail(f"no such file: {path}")
    try:
        data = path.read_bytes()
    except OSError as error:
        fail(f"cannot read {path}: {error.strerror}")
    try:
        return AlignedDocument.model_validate_json(data)
    except ValidationError:
        fail(
            f"{path} is not an aligned document: give the JSON of an earlier version "
            "(mtdesk translate --format json writes one)"
        )


def summary_line(summary: RevisionSummary) -> str:
    """What the update did, for stderr."""
    return (
        f"{counted(summary.kept, 'sentence')} kept, {summary.changed} changed, "
        f"{summary.new} new, {summary.removed} removed; {summary.translated} translated"
    )
