"""``/v1/articles/{id}/segments/{segment_id}``: a segment with its history; reviewers' edits."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Response
from starlette.concurrency import run_in_threadpool

from service.desk import segments as desk
from service.http.body import JsonBodyRoute
from service.http.deps import ArticleId, RuntimeDep, SegmentId, StoreDep, require_api_key
from service.http.schemas import SegmentPublic, SegmentUpdate, error_responses
from service.http.versions import IfMatch, set_etag
from service.store.articles import StoredSegment

router = APIRouter(
    prefix="/v1/articles/{article_id}/segments",
    tags=["review"],
    dependencies=[Depends(require_api_key)],
    route_class=JsonBodyRoute,
    responses=error_responses(401, 404, 422),
)


def segment_public(stored: StoredSegment) -> SegmentPublic:
    return SegmentPublic.model_validate(
        {
            **stored.segment.model_dump(),
            "history": [vars(entry) for entry in stored.history],
        }
    )


@router.get("/{segment_id}", summary="Read a segment and its edit history")
def read_segment(
    store: StoreDep, article_id: ArticleId, segment_id: SegmentId, response: Response
) -> SegmentPublic:
    stored = desk.read_segment(store, article_id, segment_id)
    set_etag(response, stored.segment.version)
    return segment_public(stored)


@router.patch(
    "/{segment_id}",
    summary="Edit or approve a segment",
    responses=error_responses(412, 415),
)
async def update_segment(
    runtime: RuntimeDep,
    article_id: ArticleId,
    segment_id: SegmentId,
    edit: SegmentUpdate,
    expected: IfMatch,
    response: Response,
) -> SegmentPublic:
    """The previous target goes to the segment's history; an approved target goes to the
    translation memory, where it wins over model output for the same sentence. The
    segment's terms and flags are audited again for the new target, and its origin
    becomes `edited` (a reviewer's draft) or `approved`. With `If-Match` (the segment's
    ETag) a segment another editor changed meanwhile is left alone: 412 with its current
    `version` and `target` in `detail`. Without it the last write wins."""
    stored = await run_in_threadpool(
        desk.edit_segment, runtime, article_id, segment_id, edit.target, edit.status, expected
    )
    set_etag(response, stored.segment.version)
    return segment_public(stored)
