"""Streamed translation (``Accept: application/x-ndjson``): one JSON line per segment in
document order as it is finished, then the whole document.

Lines: ``{"segment": {...}, "done": 3, "total": 12}`` for each segment, then
``{"document": {...}}`` (for ``POST /v1/articles`` the stored article, with its
``id``). Everything that can fail before the first line (validation, size, an
article that is not German, the first segments' translation) answers with
its usual status and error body; a failure after it is a last line
``{"error": {"code", "message", "detail"}}`` in the one error shape.
"""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Any

from fastapi import Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import StreamingResponse
from starlette.concurrency import run_in_threadpool

from service.compose import Runtime
from service.desk.translating import Ask, finished, translating
from service.document import AlignedDocument
from service.errors import MtdeskError
from service.pipeline.translator import Streamed

NDJSON = "application/x-ndjson"
log = logging.getLogger("mtdesk.api")
Finish = Callable[[AlignedDocument], Awaitable[Any]]  # the final line's document


async def stream_translation(runtime: Runtime, ask: Ask, finish: Finish) -> StreamingResponse:
    """``service.desk.translating.translate``, streamed; ``finish`` makes the last line's
    document (the API's and the paste form's one path)."""
    items = await translating(runtime, ask)

    async def observed(document: AlignedDocument) -> Any:
        finished(runtime, document)
        return await finish(document)

    return await streamed(items, observed)


def wants_stream(request: Request) -> bool:
    return NDJSON in request.headers.get("accept", "")


def line(value: Any) -> bytes:
    return json.dumps(jsonable_encoder(value), ensure_ascii=False).encode() + b"\n"


def step(items: Iterator[Streamed | AlignedDocument]) -> Streamed | AlignedDocument | None:
    return next(items, None)


async def streamed(
    items: Iterator[Streamed | AlignedDocument], finish: Finish
) -> StreamingResponse:
    """The response; the first item is made before it starts, so its errors are statuses."""
    first = await run_in_threadpool(step, items)

    async def body() -> AsyncIterator[bytes]:
        item = first
        try:
            while item is not None:
                if isinstance(item, Streamed):
                    yield line({"segment": item.segment, "done": item.done, "total": item.total})
                else:
                    yield line({"document": await finish(item)})
                item = await run_in_threadpool(step, items)
        except MtdeskError as error:
            yield line({"error": {"code": error.code, "message": error.message,
                                  "detail": error.detail}})  # fmt: skip
        except Exception:
            log.exception("a streamed translation failed")
            yield line(
                {
                    "error": {
                        "code": "internal_error",
                        "message": "the translation failed",
                        "detail": None,
                    }
                }  # fmt: skip
            )

    return StreamingResponse(body(), media_type=NDJSON)
