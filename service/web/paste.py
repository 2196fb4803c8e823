"""The paste form's streamed translation: the page's script posts the German here and
fills its rows in from the NDJSON lines as they come (``service.http.stream``); the
last line holds the stored article, whose review page it then opens."""

from __future__ import annotations

from fastapi import APIRouter, Depends
from fastapi.responses import StreamingResponse

from service.api.articles import store_document
from service.api.translate import stream_article
from service.document import AlignedDocument
from service.http.body import JsonBodyRoute
from service.http.deps import RuntimeDep
from service.http.schemas import ArticleCreate, ArticlePublic
from service.web.auth import require_csrf_header, require_login

router = APIRouter(
    route_class=JsonBodyRoute,
    dependencies=[Depends(require_login), Depends(require_csrf_header)],
    include_in_schema=False,
)


@router.post("/articles/stream")
async def stream_new_article(runtime: RuntimeDep, request: ArticleCreate) -> StreamingResponse:
    async def stored(document: AlignedDocument) -> ArticlePublic:
        return await store_document(runtime, request, document)

    return await stream_article(runtime, request, stored, alignment=True)
