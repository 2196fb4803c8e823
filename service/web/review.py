"""What the review page's script sends: segment edits, approvals, undoing one localisation
change, splits and merges (JSON).

Failures answer in the API's JSON error shape (the script shows the message);
without a session, 401, and the script goes to the login form. The script sends
the version of the segment it shows as ``If-Match``: a 412 carries the other
editor's text, which the page shows beside the reviewer's to choose from.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from service.compose import Runtime
from service.desk import resegment
from service.desk.articles import read_article
from service.desk.segments import edit_segment, undo_localisation
from service.errors import EditConflict
from service.http.body import JsonBodyRoute
from service.http.deps import ArticleId, RuntimeDep, SegmentId
from service.http.schemas import SegmentUpdate, SplitRequest
from service.http.versions import IfMatch
from service.store.articles import StoredSegment
from service.web.auth import require_csrf_header, require_login
from service.web.highlight import row_view, term_colours
from service.web.render import templates

router = APIRouter(
    prefix="/articles/{article_id}/segments/{segment_id}",
    route_class=JsonBodyRoute,
    dependencies=[Depends(require_login), Depends(require_csrf_header)],
    include_in_schema=False,
)


def edited(
    runtime: Runtime,
    article_id: str,
    segment_id: str,
    edit: SegmentUpdate,
    expected: frozenset[int] | None = None,
) -> dict[str, Any]:
    """Store the edit (re-audited); the row as the page now shows it, and the article's
    counts. ``expected``: the version the page loaded (412 if another editor's is newer)."""
    stored = edit_segment(runtime, article_id, segment_id, edit.target, edit.status, expected)
    return row_update(runtime, article_id, segment_id, stored)


def row_update(
    runtime: Runtime, article_id: str, segment_id: str, stored: StoredSegment
) -> dict[str, Any]:
    """The row as the page now shows it, and the article's counts."""
    article = read_article(runtime.store, article_id)
    colours = term_colours(article.document)
    segments = article.document.segments()
    segment = next((s for s in segments if s.id == segment_id), None)
    if segment is None:  # a split or merge replaced it right after the edit was stored
        raise EditConflict(
            f"segment {segment_id!r} was split or merged meanwhile; reload the article",
            detail={"article_id": article_id, "segment_id": segment_id},
        )
    row = templates.get_template("_row.html").render(row=row_view(segment, colours, stored.history))
    return {
        "segment": segment.model_dump(mode="json"),
        "row": row,
        "article": {
            "status": article.status,
            "segments": len(segments),
            "approved": sum(s.status == "approved" for s in segments),
            "flagged": sum(bool(s.flags) for s in segments),
        },
    }


@router.post("")
async def save_segment(
    runtime: RuntimeDep,
    article_id: ArticleId,
    segment_id: SegmentId,
    edit: SegmentUpdate,
    expected: IfMatch,
) -> dict[str, Any]:
    return await run_in_threadpool(edited, runtime, article_id, segment_id, edit, expected)


class UndoRequest(BaseModel):
    change: int = Field(ge=0, description="Index of the change in the segment's `localisation`")


def undone(
    runtime: Runtime, article_id: str, segment_id: str, index: int, expected: frozenset[int] | None
) -> dict[str, Any]:
    stored = undo_localisation(runtime, article_id, segment_id, index, expected)
    return row_update(runtime, article_id, segment_id, stored)


@router.post("/undo")
async def undo_change(
    runtime: RuntimeDep,
    article_id: ArticleId,
    segment_id: SegmentId,
    request: UndoRequest,
    expected: IfMatch,
) -> dict[str, Any]:
    return await run_in_threadpool(
        undone, runtime, article_id, segment_id, request.change, expected
    )


@router.post("/split")
async def split_segment(
    runtime: RuntimeDep,
    article_id: ArticleId,
    segment_id: SegmentId,
    request: SplitRequest,
    expected: IfMatch,
) -> dict[str, Any]:
    new = await run_in_threadpool(
        resegment.split, runtime, article_id, segment_id, request.offset, expected
    )
    return {"segments": [segment.id for segment in new]}


@router.post("/merge")
async def merge_segment(
    runtime: RuntimeDep, article_id: ArticleId, segment_id: SegmentId, expected: IfMatch
) -> dict[str, Any]:
    new = await run_in_threadpool(resegment.merge, runtime, article_id, segment_id, expected)
    return {"segments": [segment.id for segment in new]}
