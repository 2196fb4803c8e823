"""Slow clients: how `mtdesk serve` bounds what one connection can hold.

uvicorn's keep-alive timeout only runs between requests: a client that sends
half its headers, or a body a byte a minute, keeps a connection (a file, a
slot) for ever, and enough of them starve every other client. ``Guarded``
adds two clocks to uvicorn's h11 protocol: the headers of a request must be
complete within ``MTDESK_HEADER_TIMEOUT_S`` of its first byte (of the
connection, for the first request), and while a body is being sent no more
than ``MTDESK_BODY_TIMEOUT_S`` may pass without a byte of it. A connection
that misses either is closed. ``MTDESK_MAX_CONNECTIONS`` caps open
connections (uvicorn's ``limit_concurrency``: beyond it, 503), and a single
header block is at most 16 KB (``h11_max_incomplete_event_size``).
Deployments facing the internet should still put a proxy in front
(README, Security).
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

from service.settings import Settings

log = logging.getLogger("mtdesk.api")
MAX_HEADER_BYTES = 16 * 1024
KEEP_ALIVE_S = 5


class Guarded(H11Protocol):
    header_timeout_s = 10.0
    body_timeout_s = 30.0

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._header_timer: asyncio.TimerHandle | None = None
        self._body_timer: asyncio.TimerHandle | None = None
        self._arm_header_timer()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        state = self.conn.their_state
        if state is h11.IDLE:  # a request's headers are still coming
            self._arm_header_timer()
        else:
            self._cancel("_header_timer")
        if state is h11.SEND_BODY:  # each piece of the body restarts its clock
            self._cancel("_body_timer")
            self._body_timer = self.loop.call_later(self.body_timeout_s, self._too_slow, "body")
        else:
            self._cancel("_body_timer")

    def on_response_complete(self) -> None:
        self._cancel("_header_timer")  # between requests, uvicorn's keep-alive timeout holds
        super().on_response_complete()

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel("_header_timer")
        self._cancel("_body_timer")
        super().connection_lost(exc)

    def _arm_header_timer(self) -> None:
        if self._header_timer is None:  # from the first byte: more bytes do not extend it
            self._header_timer = self.loop.call_later(
                self.header_timeout_s, self._too_slow, "headers"
            )

    def _cancel(self, name: str) -> None:
        timer = getattr(self, name, None)
        if timer is not None:
            timer.cancel()
            setattr(self, name, None)

    def _too_slow(self, what: str) -> None:
        if not self.transport.is_closing():
            log.info("closing a connection from %s: its %s came too slowly", self.client, what)
            self.transport.close()


def guarded_protocol(settings: Settings) -> type[Guarded]:
    return type(
        "GuardedH11",
        (Guarded,),
        {
            "header_timeout_s": settings.header_timeout_s,
            "body_timeout_s": settings.body_timeout_s,
        },
    )


def server_options(settings: Settings) -> dict[str, Any]:
    """What `mtdesk serve` hands uvicorn besides the app, host and port."""
    return {
        "http": guarded_protocol(settings),
        "timeout_keep_alive": KEEP_ALIVE_S,
        "limit_concurrency": settings.max_connections,
        "h11_max_incomplete_event_size": MAX_HEADER_BYTES,
    }
