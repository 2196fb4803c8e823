"""``/v1/articles/{id}/revisions``: a new German version of a stored story, and the
versions it had (``service.desk.revisions``)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from service.desk import revisions
from service.document import AlignedDocument, RevisionSummary
from service.http.body import TEXT_BODY_OPENAPI, TextOrJsonRoute
from service.http.deps import ArticleId, PagingDep, RuntimeDep, StoreDep, require_api_key
from service.http.schemas import (
    ArticlePublic,
    InputFormat,
    Page,
    StrictModel,
    UserText,
    article_public,
    error_responses,
)
from service.http.versions import IfMatch, set_etag

RevisionNumber = Annotated[int, Path(ge=1, le=1_000_000_000)]

router = APIRouter(
    prefix="/v1/articles/{article_id}/revisions",
    tags=["articles"],
    dependencies=[Depends(require_api_key)],
    route_class=TextOrJsonRoute,  # only the POST takes a body
    responses=error_responses(401, 404, 422),
)


class RevisionCreate(StrictModel):
    """The story's new German. ``text/plain`` bodies are the ``text`` alone."""

    text: UserText = Field(description="The whole new version (MTDESK_MAX_CHARS at most)")
    format: InputFormat | None = Field(
        default=None, description="How `text` is marked up; default the article's format"
    )
    title: UserText | None = Field(
        default=None, max_length=1000, description="A new title; default the article's"
    )


class RevisionPublic(BaseModel):
    number: int = Field(description="1 for the first German version, then 2, 3, …")
    created: datetime = Field(description="When this version was stored")
    summary: RevisionSummary | None = Field(
        description="What it changed against the version before; none for the first"
    )


class RevisionsPublic(Page[RevisionPublic]):
    """The article's German versions, oldest first; the last is the article now."""


@router.post(
    "",
    summary="Update a stored article with a new German version of the story",
    openapi_extra=TEXT_BODY_OPENAPI,
    responses=error_responses(412, 413, 415, 503),
    response_model=ArticlePublic,
)
async def create_revision(
    runtime: RuntimeDep,
    article_id: ArticleId,
    request: RevisionCreate,
    response: Response,
    expected: IfMatch,
) -> ArticlePublic:
    """200 with the updated article: sentences whose German is unchanged keep their
    reviewed English, status and history (`revised: "kept"`); changed ones are translated
    again as drafts, their previous English and German in their history (`"changed"`);
    new ones are translated (`"new"`); `revision_summary` counts them. With `If-Match`
    (the article's ETag) a stale article answers 412 and nothing changes."""
    article = await revisions.update_article(
        runtime,
        article_id,
        request.text,
        fmt=request.format,
        title=request.title,
        expected=expected,
    )
    set_etag(response, article.version)
    return article_public(article)


@router.get("", summary="List an article's German versions, oldest first")
async def read_revisions(
    store: StoreDep, article_id: ArticleId, paging: PagingDep
) -> RevisionsPublic:
    found = await run_in_threadpool(revisions.list_revisions, store, article_id)
    items = [
        RevisionPublic.model_validate(info, from_attributes=True) for info in paging.window(found)
    ]
    return RevisionsPublic.of(items, len(found), paging)


@router.get(
    "/{number}",
    summary="Read one German version of an article as it was when the next replaced it",
)
async def read_revision(
    store: StoreDep, article_id: ArticleId, number: RevisionNumber
) -> AlignedDocument:
    return await run_in_threadpool(revisions.read_revision, store, article_id, number)
