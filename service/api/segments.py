"""``/v1/articles/{id}/segments/{segment_id}``: a segment with its history; reviewers' edits."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Response
from starlette.concurrency import run_in_threadpool

from service.api.articles import ArticleId
from service.compose import Runtime
from service.document import SegmentStatus
from service.http.body import JsonBodyRoute
from service.http.deps import RuntimeDep, StoreDep, require_api_key
from service.http.schemas import SegmentPublic, SegmentUpdate, error_responses
from service.http.versions import IfMatch, set_etag
from service.store.articles import StoredSegment

SegmentId = Annotated[str, Path(max_length=64, pattern=r"^\w+$")]

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
    stored = store.segment(article_id, segment_id)
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
        edit_segment, runtime, article_id, segment_id, edit.target, edit.status, expected
    )
    set_etag(response, stored.segment.version)
    return segment_public(stored)


def edit_segment(
    runtime: Runtime,
    article_id: str,
    segment_id: str,
    target: str | None,
    status: SegmentStatus | None,
    expected: int | None = None,
) -> StoredSegment:
    """A reviewer's edit, stored with its re-audit (the API's and the pages' one path)."""
    return runtime.store.edit_segment(
        article_id,
        segment_id,
        target=target,
        status=status,
        check=runtime.segment_audit(article_id),
        expected=expected,
    )
