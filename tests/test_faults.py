"""Faults: a real server SIGKILLed during a batch job, a burst of edits and a glossary upload.

One ``mtdesk serve --model toy`` (SQLite file, jobs directory) is killed and
started again several times, each time while work is under way (shown: a job
with articles left, an edit that never got its answer, an upload cut off).
After each restart what the clients were told is what the store holds: the
job finishes with every article exactly once, every acknowledged edit is
there, the glossary is the old or the new one (never a mixture), and
SQLite's integrity check passes.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from models import toy_corpus
from service.testing import LiveServer

pytestmark = pytest.mark.slow

WAIT_S = 300  # generous bounds on a small job, never timing assertions
JOB_ARTICLES = 48
SENTENCES = [pair.source for pair in toy_corpus.held_out(12)]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    # MTDESK_MAX_CHARS: room in the body limit for the big glossaries below (about 1 MB).
    env = {"MTDESK_THREADS": "1", "MTDESK_MAX_CHARS": "1000000"}
    live = LiveServer(tmp_path_factory.mktemp("faults"), env=env)
    live.start()
    try:
        yield live
    finally:
        live.stop()


def integrity(db: Path) -> str:
    with sqlite3.connect(db) as connection:
        return str(connection.execute("PRAGMA integrity_check").fetchone()[0])


def kill_and_restart(server: LiveServer, *, probe: str = "/health") -> None:
    server.kill()
    assert integrity(server.db_path) == "ok"
    server.start(probe=probe)


def test_a_job_killed_midway_finishes_with_every_article_once(server: LiveServer) -> None:
    articles = [
        {"id": f"a{n:02d}", "text": f"{SENTENCES[n % 12]} {SENTENCES[(n + 5) % 12]}"}
        for n in range(JOB_ARTICLES)
    ]
    job_id = httpx.post(f"{server.url}/v1/jobs", json={"articles": articles}).json()["id"]
    deadline = time.monotonic() + WAIT_S
    while (done := job(server, job_id)["counts"].get("done", 0)) < 3:
        assert time.monotonic() < deadline, "the job did not start"
        time.sleep(0.05)
    assert done < JOB_ARTICLES  # killed while articles remain

    kill_and_restart(server, probe="/ready")

    while (state := job(server, job_id)["state"]) in ("queued", "running"):
        assert time.monotonic() < deadline + WAIT_S, f"the job is still {state}"
        time.sleep(0.1)
    assert state == "done"
    lines = httpx.get(f"{server.url}/v1/jobs/{job_id}/results").text.splitlines()
    ids = [json.loads(line)["id"] for line in lines]
    assert sorted(ids) == [article["id"] for article in articles]  # each exactly once


def job(server: LiveServer, job_id: str) -> dict[str, Any]:
    response = httpx.get(f"{server.url}/v1/jobs/{job_id}")
    response.raise_for_status()
    body: dict[str, Any] = response.json()
    return body


def test_every_acknowledged_edit_survives_a_kill(server: LiveServer) -> None:
    text = " ".join(SENTENCES[:8])
    created = httpx.post(f"{server.url}/v1/articles", json={"text": text}, timeout=120)
    created.raise_for_status()
    article = created.json()
    segment_ids = [s["id"] for block in article["blocks"] for s in block["segments"]]
    acknowledged: list[tuple[str, str]] = []
    cut_off: list[str] = []  # edits the kill landed in: sent, never answered
    stop = threading.Event()

    def edit(worker: int) -> None:
        with httpx.Client(base_url=server.url, timeout=30) as client:
            for n in range(10_000):
                if stop.is_set():
                    return
                segment_id = segment_ids[(worker + n) % len(segment_ids)]
                target = f"Edit {worker}-{n}."
                try:
                    response = client.patch(
                        f"/v1/articles/{article['id']}/segments/{segment_id}",
                        json={"target": target},
                    )
                except httpx.TransportError:
                    cut_off.append(target)  # the server died under it: never acknowledged
                    return
                if response.is_success:
                    acknowledged.append((segment_id, target))

    editors = [threading.Thread(target=edit, args=(worker,)) for worker in range(4)]
    for editor in editors:
        editor.start()
    deadline = time.monotonic() + WAIT_S
    while len(acknowledged) < 40 and time.monotonic() < deadline:
        time.sleep(0.01)
    server.kill()  # with edits in flight
    stop.set()
    for editor in editors:
        editor.join()
    assert len(acknowledged) >= 40
    assert cut_off, "the kill landed between edits, not during one"
    assert integrity(server.db_path) == "ok"
    server.start(probe="/health")

    stored: dict[str, set[str]] = {}
    for segment_id in segment_ids:
        segment = httpx.get(f"{server.url}/v1/articles/{article['id']}/segments/{segment_id}")
        body = segment.json()
        stored[segment_id] = {body["target"], *(entry["target"] for entry in body["history"])}
    missing = [(s, t) for s, t in acknowledged if t not in stored[s]]
    assert missing == []


def glossary_tsv(entries: int, target: str) -> bytes:
    rows = ["source\ttarget\tkind"]
    rows += [f"Begriff{n}\t{target} {n}\tterm" for n in range(entries)]
    return ("\n".join(rows) + "\n").encode()


def test_a_glossary_upload_killed_midway_leaves_the_old_or_the_new(server: LiveServer) -> None:
    url = f"{server.url}/v1/glossaries/faults"
    headers = {"content-type": "text/tab-separated-values"}
    started = time.monotonic()
    old = httpx.put(url, content=glossary_tsv(20_000, "old"), headers=headers, timeout=WAIT_S)
    assert old.status_code == 201
    took = time.monotonic() - started
    new_body = glossary_tsv(30_000, "new")

    outcomes: list[int | str] = []
    delay = took * 0.7  # somewhere inside parsing or writing the new one
    for _attempt in range(4):  # until a kill lands while the upload is under way
        outcome: list[int | str] = []

        def upload(outcome: list[int | str] = outcome) -> None:
            try:
                response = httpx.put(url, content=new_body, headers=headers, timeout=WAIT_S)
                outcome.append(response.status_code)
            except httpx.TransportError:
                outcome.append("killed")

        uploader = threading.Thread(target=upload)
        uploader.start()
        time.sleep(delay)
        kill_and_restart(server)
        uploader.join()
        assert outcome in (["killed"], [200])  # not refused: it was a real upload
        outcomes += outcome

        stored = httpx.get(f"{server.url}/v1/glossaries/faults", timeout=60).json()
        targets = {item["target"].split()[0] for item in stored["items"]}
        assert (targets, stored["entries"], len(stored["items"])) in [
            ({"old"}, 20_000, 20_000),
            ({"new"}, 30_000, 30_000),
        ]
        if outcome == ["killed"]:
            break
        delay /= 2  # the upload had finished: kill sooner
    assert "killed" in outcomes, f"every kill came after the upload ended: {outcomes}"
