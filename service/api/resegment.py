"""``POST /v1/articles/{id}/segments/{segment_id}/split|merge``: fix a sentence boundary."""

from __future__ import annotations

from fastapi import APIRouter, Depends
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from glossary import Glossary
from service.api.articles import ArticleId
from service.api.segments import SegmentId
from service.compose import Runtime
from service.document import AlignedDocument, Segment
from service.http.body import JsonBodyRoute
from service.http.deps import RuntimeDep, require_api_key
from service.http.schemas import StrictModel, error_responses
from service.http.versions import IfMatch
from service.pipeline import resegment
from service.pipeline.translator import Translator

router = APIRouter(
    prefix="/v1/articles/{article_id}/segments",
    tags=["review"],
    dependencies=[Depends(require_api_key)],
    route_class=JsonBodyRoute,
    responses=error_responses(401, 404, 409, 412, 415, 422, 503),
)


class SplitRequest(StrictModel):
    offset: int = Field(
        ge=1,
        le=1_000_000,
        description="Where the second sentence starts: a character offset into the source",
    )


class ResegmentPublic(BaseModel):
    segments: list[Segment] = Field(description="The new segments, translated, in order")


def article_translator(runtime: Runtime, document: AlignedDocument) -> Translator:
    """A translator with the glossary the article was translated with."""
    return runtime.translator(
        glossary=article_glossary(runtime, document), target_lang=document.target_lang
    )


def article_glossary(runtime: Runtime, document: AlignedDocument) -> Glossary | None:
    return runtime.article_glossary(document.glossary)


def split(
    runtime: Runtime, article_id: str, segment_id: str, offset: int, expected: int | None = None
) -> list[Segment]:
    translator = article_translator(runtime, runtime.store.article(article_id).document)
    return resegment.split_segment(
        runtime.store, translator, article_id, segment_id, offset, expected
    )


def merge(
    runtime: Runtime, article_id: str, segment_id: str, expected: int | None = None
) -> list[Segment]:
    translator = article_translator(runtime, runtime.store.article(article_id).document)
    return resegment.merge_segment(runtime.store, translator, article_id, segment_id, expected)


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
    new = await run_in_threadpool(split, runtime, article_id, segment_id, request.offset, expected)
    return ResegmentPublic(segments=new)


@router.post("/{segment_id}/merge", summary="Merge a segment with the next one and translate")
async def merge_segment(
    runtime: RuntimeDep, article_id: ArticleId, segment_id: SegmentId, expected: IfMatch
) -> ResegmentPublic:
    """The segment and the next one of its paragraph become one segment. `If-Match`: the
    ETag of the segment named (the first of the two)."""
    new = await run_in_threadpool(merge, runtime, article_id, segment_id, expected)
    return ResegmentPublic(segments=new)
