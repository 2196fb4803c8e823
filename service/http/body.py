"""Request bodies: JSON everywhere, and the article as plain text where that makes sense.

FastAPI parses JSON bodies; any other media type would reach validation as
raw bytes and fail with a misleading 422. These route classes answer 415
instead, and ``TextOrJsonRoute`` turns a ``text/plain`` body into
``{"text": body}`` before FastAPI parses it, so both share one schema.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Coroutine
from email.message import Message as MimeHeader
from typing import Any

from fastapi.routing import APIRoute
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Message

from service.errors import UndecodableInput, UnsupportedMediaType

TEXT_CHARSETS = ("utf-8", "utf8", "us-ascii")
# Added to the generated JSON request body in the OpenAPI document.
TEXT_BODY_OPENAPI = {
    "requestBody": {
        "content": {
            "text/plain": {
                "schema": {"type": "string", "description": "The article alone, UTF-8"},
            }
        }
    }
}

Handler = Callable[[Request], Coroutine[Any, Any, Response]]


class JsonBodyRoute(APIRoute):
    """A route whose body, if it takes one, must be JSON (415 otherwise)."""

    accepts_text = False

    def get_route_handler(self) -> Handler:
        handler = super().get_route_handler()
        if self.body_field is None:
            return handler

        async def handle(request: Request) -> Response:
            return await handler(await self.as_json(request))

        return handle

    async def as_json(self, request: Request) -> Request:
        header = request.headers.get("content-type")
        if header is None:
            if await request.body():
                raise UnsupportedMediaType("")
            return request  # no body: validation names the missing fields
        mime = MimeHeader()
        mime["content-type"] = header
        media_type = mime.get_content_type()
        if media_type == "application/json" or media_type.endswith("+json"):
            return request
        if media_type == "text/plain" and self.accepts_text:
            charset = (mime.get_content_charset() or "utf-8").lower()
            if charset not in TEXT_CHARSETS:
                raise UnsupportedMediaType(header)
            return await text_as_json(request)
        raise UnsupportedMediaType(media_type)


class TextOrJsonRoute(JsonBodyRoute):
    """A route that also takes the article as a ``text/plain`` body."""

    accepts_text = True


async def text_as_json(request: Request) -> Request:
    body = await request.body()
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise UndecodableInput(error) from None
    payload = json.dumps({"text": text}).encode()
    headers = [
        (name, value)
        for name, value in request.scope["headers"]
        if name not in (b"content-type", b"content-length")
    ]
    headers += [(b"content-type", b"application/json"), (b"content-length", b"%d" % len(payload))]
    replayed = False

    async def receive() -> Message:
        nonlocal replayed
        if replayed:
            return await request.receive()  # after the body: disconnects
        replayed = True
        return {"type": "http.request", "body": payload, "more_body": False}

    return Request({**request.scope, "headers": headers}, receive)
