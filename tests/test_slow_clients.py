"""Slow clients cannot hold `mtdesk serve`: a real server on 127.0.0.1 with serve's options."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest
import uvicorn

from service.http.guard import server_options
from service.settings import Settings

TIMEOUT_S = 1.0


async def app(scope: dict, receive: object, send: object) -> None:  # type: ignore[type-arg]
    """Answers "ok" once the whole body is read."""
    assert scope["type"] == "http"
    more = True
    while more:
        message = await receive()  # type: ignore[operator]
        more = message.get("more_body", False)
    await send({"type": "http.response.start", "status": 200, "headers": []})  # type: ignore[operator]
    await send({"type": "http.response.body", "body": b"ok"})  # type: ignore[operator]


@pytest.fixture
def port() -> Iterator[int]:
    settings = Settings(header_timeout_s=TIMEOUT_S, body_timeout_s=TIMEOUT_S, max_connections=64)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        free = probe.getsockname()[1]
    config = uvicorn.Config(
        app, host="127.0.0.1", port=free, log_level="warning", **server_options(settings)
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    assert server.started
    yield free
    server.should_exit = True
    thread.join(10)


def get(port: int) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=5) as client:
        client.sendall(b"GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        answer = b""
        while chunk := client.recv(1024):
            answer += chunk
        return answer


def closed_within(client: socket.socket, seconds: float) -> bool:
    """Whether the server closes the connection within ``seconds`` (bounded wait)."""
    client.settimeout(seconds)
    try:
        while True:
            if not client.recv(1024):
                return True
    except TimeoutError:
        return False
    except ConnectionResetError:
        return True


def test_half_sent_headers_are_dropped_and_others_are_served(port: int) -> None:
    slow = [socket.create_connection(("127.0.0.1", port), timeout=5) for _ in range(40)]
    try:
        for number, client in enumerate(slow):  # never finished, a byte now and then
            client.sendall(b"GET / HTTP/1.1\r\nHost: local")
            if number % 2:
                client.sendall(b"h")
        started = time.monotonic()
        assert get(port).startswith(b"HTTP/1.1 200")  # one slow client does not block another
        assert time.monotonic() - started < TIMEOUT_S
        for client in slow[:3]:
            client.sendall(b"o")  # trickling does not extend the deadline
        assert all(closed_within(client, 10 * TIMEOUT_S) for client in slow)
    finally:
        for client in slow:
            client.close()


def test_a_body_that_stops_coming_is_dropped(port: int) -> None:
    with socket.create_connection(("127.0.0.1", port), timeout=5) as client:
        client.sendall(
            b"POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100\r\n\r\n" + b"x" * 10
        )
        assert closed_within(client, 10 * TIMEOUT_S)
    assert get(port).startswith(b"HTTP/1.1 200")
