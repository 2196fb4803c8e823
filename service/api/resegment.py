"""``POST /v1/articles/{id}/segments/{segment_id}/split|merge``: fix a sentence boundary."""

from __future__ import annotations

from fastapi import APIRouter, Depends
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from service.desk import resegment as desk
from service.document import Segment
from service.http.body import JsonBodyRoute
from service.http.deps import ArticleId, RuntimeDep, SegmentId, require_api_key
from service.http.schemas import SplitRequest, error_responses
from service.http.versions import IfMatch

router = APIRouter(
    prefix="/v1/articles/{article_id}/segments",
    tags=["review"],
    dependencies=[Depends(require_api_key)],
    route_class=JsonBodyRoute,
    responses=error_responses(401, 404, 409, 412, 415, 422, 503),
)


class ResegmentPublic(BaseModel):
    segments: list[Segment] = Field(description="The new segments, translated, in order")


@router.post("/{segment_id}/split", summary="Split a segment in two and translate both")
async def split_segment(
    runtime: RuntimeDep,
    article_id: ArticleId,
    segment_id: SegmentId,
    request: SplitRequest,
    expected: IfMatch,
) -> ResegmentPublic:
    """The two new segments replace the old one (its history goes with it). `If-Match`:
    the segment's ETag, as for an edit."""
    new = await run_in_threadpool(
        desk.split, runtime, article_id, segment_id, request.offset, expected
    )
    return ResegmentPublic(segments=new)


@router.post("/{segment_id}/merge", summary="Merge a segment with the next one and translate")
async def merge_segment(
    runtime: RuntimeDep, article_id: ArticleId, segment_id: SegmentId, expected: IfMatch
) -> ResegmentPublic:
    """The segment and the next one of its paragraph become one segment. `If-Match`: the
    ETag of the segment named (the first of the two)."""
    new = await run_in_threadpool(desk.merge, runtime, article_id, segment_id, expected)
    return ResegmentPublic(segments=new)
