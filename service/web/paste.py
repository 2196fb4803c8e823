"""The paste form's streamed translation: the page's script posts the German here and
fills its rows in from the NDJSON lines as they come (``service.http.stream``); the
last line holds the stored article, whose review page it then opens."""

from __future__ import annotations

from fastapi import APIRouter, Depends
from fastapi.responses import StreamingResponse

from service.desk.articles import store_document
from service.document import AlignedDocument
from service.http.body import JsonBodyRoute
from service.http.deps import RuntimeDep
from service.http.schemas import ArticleCreate, ArticlePublic, article_public
from service.http.stream import stream_translation
from service.web.auth import require_csrf_header, require_login

router = APIRouter(
    route_class=JsonBodyRoute,
    dependencies=[Depends(require_login), Depends(require_csrf_header)],
    include_in_schema=False,
)


@router.post("/articles/stream")
async def stream_new_article(runtime: RuntimeDep, request: ArticleCreate) -> StreamingResponse:
    ask = request.ask(alignment=True)

    async def stored(document: AlignedDocument) -> ArticlePublic:
        return article_public(await store_document(runtime, ask, document, request.title))

    return await stream_translation(runtime, ask, stored)
