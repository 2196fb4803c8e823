"""What every hostile class uses: the keyed client that times each answer, the RSS sampler."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

KEY = "hostile-bench-key-5e1f0c"
SENTENCE = "Der Minister kommt am Montag nach Berlin."

# What a class returns: its note (the figures) and whether the class held.
Outcome = tuple[str, bool]


@dataclass
class Row:
    name: str
    inputs: int = 0
    errors_5xx: int = 0
    slowest: float = 0.0
    rss_growth: float = 0.0
    seconds: float = 0.0  # the whole class
    note: str = ""
    held: bool = True
    lock: threading.Lock = field(default_factory=threading.Lock)

    def answered(self, response: httpx.Response, seconds: float) -> httpx.Response:
        with self.lock:
            self.inputs += 1
            self.errors_5xx += response.status_code >= 500
            self.slowest = max(self.slowest, seconds)
        return response


class Client:
    """An HTTP client with the key, timing each answer into the current row: httpx against
    a live server, or Starlette's TestClient (an httpx client too) on the app in process."""

    def __init__(self, url: str, http: Any = None) -> None:
        self.url = url
        self.http: httpx.Client = http or httpx.Client(
            base_url=url, headers={"authorization": f"Bearer {KEY}"}, timeout=600
        )
        self.row = Row("")

    def request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        started = time.perf_counter()
        response = self.http.request(method, path, **kwargs)
        return self.row.answered(response, time.perf_counter() - started)


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def cpu_seconds(pid: int) -> float:
    """The CPU time ``pid`` has used (user and system): unlike wall time, it barely moves
    with what other processes on a shared machine do."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@contextmanager
def measured(row: Row, pid: int) -> Iterator[None]:
    """Samples the server's RSS while the block runs; its peak above the start goes in."""
    idle = rss_mib(pid)
    peak = idle
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.wait(0.01):
            peak = max(peak, rss_mib(pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        yield
    finally:
        stop.set()
        sampler.join()
        row.rss_growth = max(peak, rss_mib(pid)) - idle


def letters(number: int) -> str:
    """A distinct lowercase suffix for each number (a, b, …, z, ba, bb, …)."""
    out = ""
    while True:
        number, digit = divmod(number, 26)
        out = chr(ord("a") + digit) + out
        if not number:
            return out


def wait_for(client: Client, job_id: str, bound: int = 1200) -> dict[str, Any]:
    """The job once it is no longer queued or running (``bound`` polls of 0.1 s at most)."""
    for _ in range(bound):  # a bound on a small job, not a figure
        state: dict[str, Any] = client.request("GET", f"/v1/jobs/{job_id}").json()
        if state["state"] not in ("queued", "running"):
            return state
        time.sleep(0.1)
    return state


@contextmanager
def in_process(scratch: Path, engine: Any, **settings: Any) -> Iterator[Client]:
    """The app in this process over a fresh SQLite file, its lifespan running (store open,
    job worker started), ``engine`` translating: for attacks that need a knob or an
    engine a live server does not offer. Its answers are timed into the client's row."""
    from fastapi.testclient import TestClient

    from service.app import create_app
    from service.settings import Settings

    scratch.mkdir(parents=True, exist_ok=True)
    chosen = Settings(
        model="toy",
        db=f"sqlite:///{scratch / 'mtdesk.db'}",
        jobs_dir=str(scratch / "jobs"),
        api_key=None,
        glossary="",
        **settings,
    )
    app = create_app(chosen, engine=engine)
    with TestClient(app, base_url="http://localhost", raise_server_exceptions=False) as http:
        yield Client("http://localhost", http)
