"""``POST /v1/translate``: an article in, its aligned document out (nothing stored)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import StreamingResponse

from service.desk.translating import translate
from service.document import AlignedDocument
from service.http.body import TEXT_BODY_OPENAPI, TextOrJsonRoute
from service.http.deps import RuntimeDep, require_api_key
from service.http.schemas import TranslateRequest, error_responses
from service.http.stream import stream_translation, wants_stream

router = APIRouter(
    prefix="/v1",
    tags=["translate"],
    dependencies=[Depends(require_api_key)],
    route_class=TextOrJsonRoute,
    responses=error_responses(401, 413, 415, 422, 503),
)


@router.post(
    "/translate",
    summary="Translate an article",
    openapi_extra=TEXT_BODY_OPENAPI,
    response_model=AlignedDocument,
)
async def translate_text(
    runtime: RuntimeDep, request: TranslateRequest, http: Request
) -> AlignedDocument | StreamingResponse:
    """The aligned document of a German article: every sentence beside its translation.
    With `Accept: application/x-ndjson`, one line per segment as it is finished, then
    `{"document": ...}` (see the README)."""
    if wants_stream(http):

        async def document_itself(document: AlignedDocument) -> AlignedDocument:
            return document

        return await stream_translation(runtime, request.ask(), document_itself)
    return await translate(runtime, request.ask())
