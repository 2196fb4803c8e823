"""Security headers on every HTTP response the service sends.

The review pages set their own, stricter set (``service.web.render``); a
header a response already has is left alone. JSON and file responses also
get a Content-Security-Policy that lets them load nothing and be framed
nowhere, should a browser ever render one. HTML without its own policy
(FastAPI's ``/docs`` and ``/redoc``, which load their scripts from a CDN)
gets none, so that those pages keep working.
"""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
NON_HTML_POLICY = "default-src 'none'; frame-ancestors 'none'"


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in HEADERS.items():
                    headers.setdefault(name, value)
                if not headers.get("content-type", "").startswith("text/html"):
                    headers.setdefault("Content-Security-Policy", NON_HTML_POLICY)
            await send(message)

        await self.app(scope, receive, send_with_headers)
