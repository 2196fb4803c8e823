"""ASGI middleware: request metrics, a Host check, a byte limit on request bodies,
a cross-site guard, and the 500 for an exception that nothing else handled."""

from __future__ import annotations

import logging
import time
from urllib.parse import urlsplit

from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from service.http.errors import error_response
from service.metrics import Metrics

log = logging.getLogger("mtdesk.api")


class RequestMetrics:
    """Counts requests and times them, labelled by route template (bounded label values)."""

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500  # unless a response starts: an exception escaped every handler

        async def send_with_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_with_status)
        finally:
            route = getattr(scope.get("route"), "path", "unmatched")
            self.metrics.observe_request(
                scope["method"], route, status, time.perf_counter() - started
            )


class BodyLimit:
    """Rejects bodies over ``max_bytes`` before anything parses them.

    A declared Content-Length over the limit is answered at once; a streamed
    body is counted as it arrives and fails the request when it passes the limit.
    """

    def __init__(
        self,
        app: ASGIApp,
        max_bytes: int,
        uploads: tuple[str, int] | None = None,
        setting: str = "derived from MTDESK_MAX_CHARS",
    ) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.uploads = uploads  # (path, limit): the one route that takes archives
        self.setting = setting

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if self.uploads and scope["path"] == self.uploads[0]:
            limit = BodyLimit(self.app, self.uploads[1], setting="MTDESK_MAX_UPLOAD_BYTES")
            await limit(scope, receive, send)
            return
        declared = Headers(scope=scope).get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            response = error_response(413, "input_too_large", self.message(int(declared)))
            await response(scope, receive, send)
            return
        received = 0

        async def receive_limited() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.max_bytes:
                raise HTTPException(413, self.message(received))
            return message

        await self.app(scope, receive_limited, send)

    def message(self, size: int) -> str:
        return (
            f"the request body has {size} bytes or more, over the limit of {self.max_bytes} "
            f"({self.setting})"
        )


class HostCheck:
    """Answers only requests whose Host header names one of ``allowed`` (None: any).

    A page on another site can make a browser resolve its own name to
    127.0.0.1 (DNS rebinding); its requests then reach a server on localhost
    as same-origin, but still carry the other site's name as Host.
    """

    def __init__(self, app: ASGIApp, allowed: frozenset[str] | None) -> None:
        self.app = app
        self.allowed = allowed

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] in ("http", "websocket") and self.allowed is not None:
            host = Headers(scope=scope).get("host", "")
            if host_name(host) not in self.allowed:
                response = error_response(
                    400,
                    "host_not_allowed",
                    "this server does not answer to the host named in the request "
                    "(MTDESK_ALLOWED_HOSTS)",
                    {"host": host[:200]},
                )
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


def host_name(host: str) -> str:
    """The name in a Host header, without its port: ``[::1]:8000`` → ``::1``."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:].partition("]")[0]
    name, _, port = host.rpartition(":")
    return name if name and port.isdigit() else host


SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class CrossSiteGuard:
    """Refuses API writes that a browser sends on behalf of another site.

    A ``text/plain`` POST needs no CORS preflight, so without an API key any
    page a reviewer visits could store articles through their browser.
    Browsers say where a request comes from (``Sec-Fetch-Site``, ``Origin``);
    other clients (curl, newsroom systems) send neither and pass.
    """

    def __init__(self, app: ASGIApp, prefix: str = "/v1") -> None:
        self.app = app
        self.prefix = prefix

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] == "http"
            and scope["method"] not in SAFE_METHODS
            and scope["path"].startswith(self.prefix)
            and is_cross_site(Headers(scope=scope))
        ):
            response = error_response(
                403,
                "cross_site_request",
                "the API does not accept writes sent by a browser from another site; "
                "call it from your own system or from this service's pages",
            )
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)


def is_cross_site(headers: Headers) -> bool:
    if headers.get("sec-fetch-site") == "cross-site":
        return True
    origin = headers.get("origin")
    if origin is None:
        return False
    return origin == "null" or urlsplit(origin).netloc.lower() != headers.get("host", "").lower()


class UnhandledErrors:
    """Answers an exception that no handler took with the JSON 500, and logs its traceback.

    Starlette's own catch-all (``ServerErrorMiddleware``) wraps every middleware
    added to the app, so its 500 would miss the security headers; this one is
    added inside ``SecurityHeaders``. A response already started cannot be
    replaced: then the exception goes on to the server, which logs it and
    drops the connection.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_noting_start(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, send_noting_start)
        except Exception:
            if started:
                raise
            log.exception("%s %s failed", scope["method"], scope["path"])
            message = "internal error; the server log has the details"  # nothing of the cause
            await error_response(500, "internal_error", message)(scope, receive, send)
