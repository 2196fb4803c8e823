"""The review page's story updates: "Update from new German" (pasted or uploaded), and
what a changed sentence shows beside its new English: the German word diff against the
version before, and the English it had then.

Both go through ``service.desk.revisions`` as the API does; a failure shows the error
page with the API's message (nothing is stored then).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath
from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, UploadFile
from fastapi.responses import RedirectResponse, Response

from service.desk.revisions import update_article
from service.document import Segment
from service.errors import InputTooLarge, UndecodableInput
from service.http.deps import ArticleId, RuntimeDep
from service.web.auth import require_csrf_form, require_login
from service.web.diff import Change, DiffPiece, word_diff
from service.web.render import PageRoute, templates

# An upload's format by its name; other names keep the article's format.
SUFFIXES = {".html": "html", ".htm": "html", ".md": "markdown", ".markdown": "markdown"}

router = APIRouter(route_class=PageRoute, include_in_schema=False)


@dataclass(frozen=True)
class RevisionView:
    """A changed sentence's previous German (diffed against the new) and English."""

    german: list[DiffPiece]
    english: str


def revision_view(segment: Segment, history: list[Change]) -> RevisionView | None:
    """For a ``changed`` segment: its German before the update as a word diff against its
    German now, and the English it had then (the newest history entry with a German)."""
    if segment.revised != "changed":
        return None
    entry = next((c.entry for c in reversed(history) if c.entry.source is not None), None)
    if entry is None or entry.source is None:
        return None
    return RevisionView(word_diff(entry.source, segment.source), entry.target)


templates.env.globals["revision_view"] = revision_view


@router.post(
    "/articles/{article_id}/revisions",
    dependencies=[Depends(require_login), Depends(require_csrf_form)],
)
async def update_from_new_german(
    runtime: RuntimeDep,
    article_id: ArticleId,
    text: Annotated[str, Form()] = "",
    file: Annotated[UploadFile | None, File()] = None,
) -> Response:
    """Store the pasted or uploaded German as the article's next version, then show the
    sentences that changed."""
    fmt = None
    if file is not None and file.filename:
        most = runtime.settings.max_chars * 4  # UTF-8: at most 4 bytes a character
        data = await file.read(most + 1)
        if len(data) > most:
            raise InputTooLarge(len(data), runtime.settings.max_chars)
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise UndecodableInput(error) from None
        fmt = SUFFIXES.get(PurePath(file.filename).suffix.lower())
    await update_article(runtime, article_id, text, fmt=fmt)
    return RedirectResponse(f"/articles/{article_id}?changed=1", status_code=303)
