"""``POST /v1/translate``: an article in, its aligned document out (nothing stored)."""

from __future__ import annotations

from typing import Any, TypeGuard, cast, get_args

from fastapi import APIRouter, Depends, Request
from fastapi.responses import StreamingResponse
from starlette.concurrency import run_in_threadpool

from glossary import Glossary
from service.api.glossaries import inline_glossary
from service.compose import UNSET, Runtime, Unset
from service.document import AlignedDocument
from service.errors import EmptyInput, InputTooLarge, UnsupportedFormat
from service.http.body import TEXT_BODY_OPENAPI, TextOrJsonRoute
from service.http.deps import RuntimeDep, require_api_key
from service.http.schemas import InputFormat, TranslateRequest, error_responses
from service.http.stream import Finish, streamed, wants_stream
from service.localise import check_target
from service.markup.article import Format
from service.pipeline.glossaries import resolve_glossary
from service.pipeline.translator import Translator, read_checked

READABLE_FORMATS: tuple[str, ...] = get_args(
    Format
)  # grows as service.markup.formats learns formats

router = APIRouter(
    prefix="/v1",
    tags=["translate"],
    dependencies=[Depends(require_api_key)],
    route_class=TextOrJsonRoute,
    responses=error_responses(401, 413, 415, 422, 503),
)


def readable(fmt: InputFormat) -> TypeGuard[Format]:
    return fmt in READABLE_FORMATS


async def translate_article(
    runtime: Runtime, request: TranslateRequest, *, alignment: bool = False
) -> AlignedDocument:
    """Check the request, then run the pipeline in a worker thread (never on the event loop)."""
    translator = await request_translator(runtime, request)
    document = await run_in_threadpool(
        translator.translate,
        request.text,
        request.format,
        source_lang=request.source_lang,
        alignment=alignment or request.options.alignment,
    )
    runtime.metrics.observe_document(document)
    return document


async def stream_article(
    runtime: Runtime, request: TranslateRequest, finish: Finish, *, alignment: bool = False
) -> StreamingResponse:
    """As ``translate_article``, streamed as NDJSON (``service.http.stream``)."""
    translator = await request_translator(runtime, request)
    fmt = cast(Format, request.format)
    article = await run_in_threadpool(read_checked, request.text, fmt, request.source_lang)
    items = translator.stream_article(article, alignment=alignment or request.options.alignment)

    async def observed(document: AlignedDocument) -> Any:
        runtime.metrics.observe_document(document)
        return await finish(document)

    return await streamed(items, observed)


async def request_translator(runtime: Runtime, request: TranslateRequest) -> Translator:
    """The request checked (the plain mistakes answered before the model is needed), and
    the translator it asks for."""
    if len(request.text) > runtime.settings.max_chars:
        raise InputTooLarge(len(request.text), runtime.settings.max_chars)
    if not request.text.strip():  # before the model is needed: a plain mistake, answered now
        raise EmptyInput()
    if not readable(request.format):
        raise UnsupportedFormat(request.format, READABLE_FORMATS)
    if request.target_lang is not None:
        check_target(request.target_lang)
    glossary = await run_in_threadpool(request_glossary, runtime, request)
    return runtime.translator(request.options.beam_size, glossary, request.target_lang)


def request_glossary(runtime: Runtime, request: TranslateRequest) -> Glossary | None | Unset:
    """A stored glossary by name, the request's own entries (none: no glossary), or default."""
    if request.glossary is None:
        return UNSET
    if isinstance(request.glossary, str):
        return resolve_glossary(request.glossary, runtime.store.glossary, files=False)
    if not request.glossary.entries:
        return None
    return inline_glossary(request.glossary)


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

        return await stream_article(runtime, request, document_itself)
    return await translate_article(runtime, request)
