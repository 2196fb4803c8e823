"""``/v1/articles``: translate and store articles, list, read and delete them."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request, Response
from fastapi.responses import StreamingResponse
from starlette.concurrency import run_in_threadpool

from service.api.translate import stream_article, translate_article
from service.compose import Runtime
from service.document import AlignedDocument
from service.http.body import TEXT_BODY_OPENAPI, TextOrJsonRoute
from service.http.deps import RuntimeDep, StoreDep, require_api_key
from service.http.schemas import (
    ArticleCreate,
    ArticlePublic,
    ArticlesPublic,
    ArticleSummaryPublic,
    error_responses,
)
from service.http.stream import wants_stream
from service.http.versions import set_etag
from service.store.articles import ArticleStatus, StoredArticle

# Ids are generated hex; the bound keeps odd bytes (NUL, megabytes) away from the database.
ArticleId = Annotated[str, Path(max_length=64, pattern=r"^[\w-]+$")]
FlagName = Annotated[str | None, Query(max_length=64, pattern=r"^\w+$")]

router = APIRouter(
    prefix="/v1/articles",
    tags=["articles"],
    dependencies=[Depends(require_api_key)],
    route_class=TextOrJsonRoute,  # only the POST takes a body
    responses=error_responses(401, 404, 422),
)


def article_public(article: StoredArticle) -> ArticlePublic:
    return ArticlePublic.model_validate(
        {
            **article.document.model_dump(),
            "title": article.title,
            "created": article.created,
            "updated": article.updated,
            "status": article.status,
            "format": article.format,
            "version": article.version,
        }
    )


def title_of(document: AlignedDocument) -> str | None:
    """The headline, when the reader found one."""
    block = next((block for block in document.blocks if block.kind == "title"), None)
    return " ".join(segment.source for segment in block.segments) if block else None


@router.post(
    "",
    status_code=201,
    summary="Translate and store an article",
    openapi_extra=TEXT_BODY_OPENAPI,
    responses=error_responses(413, 415, 503),
    response_model=ArticlePublic,
)
async def create_article(
    runtime: RuntimeDep, request: ArticleCreate, response: Response, http: Request
) -> ArticlePublic | StreamingResponse:
    """201 with the stored article; `Location` is its URL. With `Accept:
    application/x-ndjson`, one line per segment as it is finished, then `{"document": ...}`
    with the stored article (200: the status is sent before the article is stored)."""
    if wants_stream(http):

        async def stored(document: AlignedDocument) -> ArticlePublic:
            return await store_document(runtime, request, document)

        return await stream_article(runtime, request, stored, alignment=True)
    article = await store_article(runtime, request)
    response.headers["Location"] = f"/v1/articles/{article.id}"
    set_etag(response, article.version)
    return article


async def store_article(runtime: Runtime, request: ArticleCreate) -> ArticlePublic:
    """Translate and store an article (the API's and the paste form's one path)."""
    document = await translate_article(runtime, request, alignment=True)  # for the page
    return await store_document(runtime, request, document)


async def store_document(
    runtime: Runtime, request: ArticleCreate, document: AlignedDocument
) -> ArticlePublic:
    stored = await run_in_threadpool(
        lambda: runtime.store.add_article(
            document,
            title=request.title or title_of(document),
            source_text=request.text,
            fmt=request.format,
        )
    )
    return article_public(stored)


@router.get("", summary="List stored articles, newest first")
def read_articles(
    store: StoreDep,
    status: ArticleStatus | None = None,
    flag: FlagName = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[int, Query(ge=0, le=1_000_000_000)] = 0,
) -> ArticlesPublic:
    summaries, count = store.articles(status=status, flag=flag, limit=limit, offset=offset)
    return ArticlesPublic(
        data=[
            ArticleSummaryPublic.model_validate(summary, from_attributes=True)
            for summary in summaries
        ],
        count=count,
        limit=limit,
        offset=offset,
    )


@router.get("/{article_id}", summary="Read a stored article as reviewed so far")
def read_article(store: StoreDep, article_id: ArticleId, response: Response) -> ArticlePublic:
    article = store.article(article_id)
    set_etag(response, article.version)
    return article_public(article)


@router.delete("/{article_id}", status_code=204, summary="Delete an article and its history")
def delete_article(store: StoreDep, article_id: ArticleId) -> Response:
    store.delete_article(article_id)
    return Response(status_code=204)
