"""Load test: N clients for T seconds against a real ``mtdesk serve --model toy``.

Usage:
    python bench/load.py                          # full: 16 clients, 120 s
    python bench/load.py --clients 4 --seconds 10 # short (what CI runs through a test)
    python bench/load.py ... --json               # one JSON object instead of the text report

Each client (an asyncio task with its own httpx connection pool) loops over
a mix of calls: translate (POST /v1/translate), store (POST /v1/articles),
edit (PATCH a segment of one of its stored articles, a new target each
time), read (GET an article, or the article list) and job (POST /v1/jobs
with two articles, then GET it). Every acknowledged (2xx) write is noted.

After the run, once the submitted jobs are done, the server's SQLite file
is read directly and compared with what the clients were told:

* articles: every acknowledged article is stored once, and nothing else is;
* edits: each segment's history has exactly one row per acknowledged edit,
  and its current target is the last one acknowledged (each client edits
  only its own articles, one request at a time, so that order is known);
* jobs: every acknowledged job is stored once, done, with each of its
  articles exactly once in its results.

RSS is the server process's resident memory (``/proc/PID/status``, VmRSS)
after a warm-up of every kind of call, and after the run.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import sqlite3
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from models import toy_corpus  # noqa: E402
from service.testing import LiveServer  # noqa: E402

SENTENCES = [pair.source for pair in toy_corpus.held_out(40)]
MIX = {"translate": 3, "store": 2, "edit": 4, "read": 4, "job": 1}
JOB_WAIT_S = 600  # a bound on finishing the submitted jobs, not a figure


@dataclass
class Tally:
    """What the clients did, and what the server acknowledged."""

    served: Counter[str] = field(default_factory=Counter)  # 2xx by call
    errors: Counter[str] = field(default_factory=Counter)  # 4xx and transport errors by call
    server_errors: int = 0  # 5xx
    articles: list[str] = field(default_factory=list)
    edits: dict[tuple[str, str], list[str]] = field(default_factory=dict)  # in ack order
    jobs: dict[str, list[str]] = field(default_factory=dict)  # job id → its article ids


def text(rng: random.Random, sentences: int) -> str:
    return " ".join(rng.choice(SENTENCES) for _ in range(sentences))


class Client:
    def __init__(self, number: int, url: str, tally: Tally) -> None:
        self.number = number
        self.rng = random.Random(number)
        self.http = httpx.AsyncClient(base_url=url, timeout=120)
        self.tally = tally
        self.mine: list[tuple[str, list[str]]] = []  # stored articles and their segment ids
        self.calls = 0

    async def call(self, kind: str, method: str, path: str, **kwargs: Any) -> Any:
        self.calls += 1
        try:
            response = await self.http.request(method, path, **kwargs)
        except httpx.TransportError:
            self.tally.errors[kind] += 1
            return None
        if response.status_code >= 500:
            self.tally.server_errors += 1
        if not response.is_success:
            self.tally.errors[kind] += 1
            return None
        self.tally.served[kind] += 1
        return response.json()

    async def step(self) -> None:
        kind = self.rng.choices(list(MIX), weights=list(MIX.values()))[0]
        if kind in ("edit", "read") and not self.mine:
            kind = "store"
        await getattr(self, kind)()

    async def translate(self) -> None:
        await self.call("translate", "POST", "/v1/translate", json={"text": text(self.rng, 3)})

    async def store(self) -> None:
        body = {"text": text(self.rng, 3), "title": f"Client {self.number}"}
        article = await self.call("store", "POST", "/v1/articles", json=body)
        if article is not None:
            self.tally.articles.append(article["id"])
            segments = [s["id"] for block in article["blocks"] for s in block["segments"]]
            self.mine.append((article["id"], segments))

    async def edit(self) -> None:
        article_id, segments = self.rng.choice(self.mine)
        segment_id = self.rng.choice(segments)
        target = f"Edit {self.number}-{self.calls}."
        path = f"/v1/articles/{article_id}/segments/{segment_id}"
        if await self.call("edit", "PATCH", path, json={"target": target}) is not None:
            self.tally.edits.setdefault((article_id, segment_id), []).append(target)

    async def read(self) -> None:
        if self.rng.random() < 0.5:
            article_id, _ = self.rng.choice(self.mine)
            await self.call("read", "GET", f"/v1/articles/{article_id}")
        else:
            await self.call("read", "GET", "/v1/articles", params={"limit": 20})

    async def job(self) -> None:
        ids = [f"c{self.number}-{self.calls}-{n}" for n in range(2)]
        articles = [{"id": i, "text": text(self.rng, 2)} for i in ids]
        job = await self.call("job", "POST", "/v1/jobs", json={"articles": articles})
        if job is not None:
            self.tally.jobs[job["id"]] = ids
            await self.call("job", "GET", f"/v1/jobs/{job['id']}")


async def run_clients(url: str, clients: int, seconds: float, tally: Tally) -> float:
    pool = [Client(number, url, tally) for number in range(clients)]
    started = time.monotonic()
    stop = started + seconds

    async def loop(client: Client) -> None:
        while time.monotonic() < stop:
            await client.step()

    try:
        await asyncio.gather(*(loop(client) for client in pool))
    finally:
        for client in pool:
            await client.http.aclose()
    return time.monotonic() - started


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc")


def warm_up(url: str) -> None:
    """One call of each kind, so that first-call costs are in the first RSS figure."""
    tally = Tally()

    async def once() -> None:
        client = Client(-1, url, tally)
        try:
            await client.store()
            for kind in MIX:
                await getattr(client, kind)()
        finally:
            await client.http.aclose()

    asyncio.run(once())
    wait_for_jobs(url, tally.jobs)


def wait_for_jobs(url: str, jobs: dict[str, list[str]]) -> None:
    deadline = time.monotonic() + JOB_WAIT_S
    for job_id in jobs:
        while httpx.get(f"{url}/v1/jobs/{job_id}").json()["state"] in ("queued", "running"):
            if time.monotonic() > deadline:
                raise RuntimeError(f"job {job_id} not finished within {JOB_WAIT_S} s")
            time.sleep(0.2)


def check_rows(db: Path, url: str, tally: Tally, before: set[str]) -> dict[str, int]:
    """Acknowledged writes missing from the store (lost) or stored twice (duplicated)."""
    with sqlite3.connect(db) as connection:
        stored = Counter(
            row[0] for row in connection.execute("SELECT id FROM articles") if row[0] not in before
        )
        history = Counter(
            (row[0], row[1])
            for row in connection.execute("SELECT article_id, segment_id FROM segment_history")
        )
        current = {
            (row[0], row[1]): row[2]
            for row in connection.execute("SELECT article_id, segment_id, target FROM segments")
        }
        job_rows = Counter(row[0] for row in connection.execute("SELECT id FROM jobs"))
    lost = duplicated = 0
    acknowledged = Counter(tally.articles)
    lost += sum(1 for article_id in acknowledged if article_id not in stored)
    duplicated += sum(stored[a] - 1 for a in stored) + sum(
        1 for a in stored if a not in acknowledged
    )
    for key, targets in tally.edits.items():
        rows = history.get(key, 0)
        lost += max(0, len(targets) - rows) + (current.get(key) != targets[-1])
        duplicated += max(0, rows - len(targets))
    for job_id, ids in tally.jobs.items():
        if job_rows[job_id] != 1:
            lost += job_rows[job_id] == 0
            duplicated += max(0, job_rows[job_id] - 1)
            continue
        results = httpx.get(f"{url}/v1/jobs/{job_id}/results")
        got = Counter(json.loads(line)["id"] for line in results.text.splitlines())
        lost += sum(1 for i in ids if got[i] == 0)
        duplicated += sum(count - 1 for count in got.values() if count > 1)
    return {"lost": lost, "duplicated": duplicated}


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--threads", type=int, default=None, help="MTDESK_THREADS for the server")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)

    env = {} if args.threads is None else {"MTDESK_THREADS": str(args.threads)}
    with tempfile.TemporaryDirectory(prefix="mtdesk-load-") as workdir:
        server = LiveServer(Path(workdir), env=env)
        url = server.start()
        try:
            assert server.pid is not None
            warm_up(url)
            with sqlite3.connect(server.db_path) as connection:
                before = {row[0] for row in connection.execute("SELECT id FROM articles")}
            rss_warm = rss_mib(server.pid)
            tally = Tally()
            elapsed = asyncio.run(run_clients(url, args.clients, args.seconds, tally))
            rss_after = rss_mib(server.pid)
            wait_for_jobs(url, tally.jobs)
            rows = check_rows(server.db_path, url, tally, before)
        finally:
            server.stop()
    report = {
        "clients": args.clients,
        "seconds": round(elapsed, 1),
        "served": sum(tally.served.values()),
        "served_by_call": dict(sorted(tally.served.items())),
        "requests_per_s": round(sum(tally.served.values()) / elapsed, 1),
        "errors": sum(tally.errors.values()),
        "errors_by_call": dict(sorted(tally.errors.items())),
        "server_errors_5xx": tally.server_errors,
        **rows,
        "acknowledged": {
            "articles": len(tally.articles),
            "edits": sum(len(t) for t in tally.edits.values()),
            "jobs": len(tally.jobs),
        },
        "rss_mib_after_warm_up": round(rss_warm, 1),
        "rss_mib_after_run": round(rss_after, 1),
        "rss_growth_percent": round(100 * (rss_after - rss_warm) / rss_warm, 1),
    }
    if args.json:
        print(json.dumps(report))
    else:
        for key, value in report.items():
            print(f"{key:24} {value}")
    return report


if __name__ == "__main__":
    main()
