"""``/v1/articles``: translate and store articles, list, read and delete them."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.responses import StreamingResponse

from service.desk import articles as desk
from service.document import AlignedDocument
from service.http.body import TEXT_BODY_OPENAPI, TextOrJsonRoute
from service.http.deps import ArticleId, PagingDep, RuntimeDep, StoreDep, require_api_key
from service.http.schemas import (
    ArticleCreate,
    ArticlePublic,
    ArticlesPublic,
    ArticleSummaryPublic,
    article_public,
    error_responses,
)
from service.http.stream import stream_translation, wants_stream
from service.http.versions import set_etag
from service.store.articles import ArticleStatus

FlagName = Annotated[str | None, Query(max_length=64, pattern=r"^\w+$")]

router = APIRouter(
    prefix="/v1/articles",
    tags=["articles"],
    dependencies=[Depends(require_api_key)],
    route_class=TextOrJsonRoute,  # only the POST takes a body
    responses=error_responses(401, 404, 422),
)


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
    ask = request.ask(alignment=True)  # stored articles have word pairs, for the page
    if wants_stream(http):

        async def stored(document: AlignedDocument) -> ArticlePublic:
            return article_public(await desk.store_document(runtime, ask, document, request.title))

        return await stream_translation(runtime, ask, stored)
    article = await desk.create_article(runtime, ask, request.title)
    response.headers["Location"] = f"/v1/articles/{article.id}"
    set_etag(response, article.version)
    return article_public(article)


@router.get("", summary="List stored articles, newest first")
def read_articles(
    store: StoreDep,
    paging: PagingDep,
    status: ArticleStatus | None = None,
    flag: FlagName = None,
) -> ArticlesPublic:
    summaries, total = desk.list_articles(
        store, status=status, flag=flag, limit=paging.limit, offset=paging.offset
    )
    items = [
        ArticleSummaryPublic.model_validate(summary, from_attributes=True) for summary in summaries
    ]
    return ArticlesPublic.of(items, total, paging)


@router.get("/{article_id}", summary="Read a stored article as reviewed so far")
def read_article(store: StoreDep, article_id: ArticleId, response: Response) -> ArticlePublic:
    article = desk.read_article(store, article_id)
    set_etag(response, article.version)
    return article_public(article)


@router.delete("/{article_id}", status_code=204, summary="Delete an article and its history")
def delete_article(store: StoreDep, article_id: ArticleId) -> Response:
    desk.delete_article(store, article_id)
    return Response(status_code=204)
