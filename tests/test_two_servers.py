"""Two ``mtdesk serve --model toy`` processes on one PostgreSQL database, through HTTP only.

The deployment of compose.yaml: both servers share the database and the jobs
directory. Whichever server runs a batch job, each article is translated
exactly once (one runner a job, ``JobStore.take_over``; items claimed with a
conditional UPDATE). Every acknowledged segment edit is kept, as the target
or in the history: edits are last-writer-wins (the API has no If-Match, so
no 409 is expected), and an article's status agrees with its segments. An
approval or a glossary written through one server is what the other uses.

Skips without ``MTDESK_TEST_POSTGRES``.
"""

from __future__ import annotations

import io
import json
import threading
import time
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from models import toy_corpus
from service.testing import LiveServer
from tests.databases import postgres_database
from tests.test_batch_api import zip_bytes

pytestmark = pytest.mark.slow

WAIT_S = 300  # a generous bound on the jobs, never a timing assertion
JOB_ARTICLES = 20
SENTENCES = [pair.source for pair in toy_corpus.held_out(90)]  # distinct German sentences
JOB_SENTENCES = SENTENCES[:80]  # two jobs of 20 articles, two sentences each
EDIT_SENTENCES = SENTENCES[80:88]
MEMORY_SENTENCE = SENTENCES[88]
EDITORS = 6
EDITS_EACH = 15
APPROVAL_ROUNDS = 6

Servers = tuple[LiveServer, LiveServer]


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Servers]:
    with postgres_database() as url:
        workdir = tmp_path_factory.mktemp("two-servers")
        env = {"MTDESK_DB": url, "MTDESK_JOBS_DIR": str(workdir / "jobs"), "MTDESK_THREADS": "1"}
        pair = (LiveServer(workdir / "a", env=env), LiveServer(workdir / "b", env=env))
        for server in pair:
            server.workdir.mkdir()
        try:
            with ThreadPoolExecutor(2) as pool:  # together: both migrate the fresh database
                list(pool.map(lambda server: server.start(), pair))
            yield pair
        finally:
            for server in pair:
                server.stop()


def job_articles(job: int) -> dict[str, bytes]:
    """The job's articles by file name: two sentences each, none shared with another."""
    sentences = JOB_SENTENCES[job * 2 * JOB_ARTICLES : (job + 1) * 2 * JOB_ARTICLES]
    return {
        f"job{job}/article{n:02d}.txt": f"{sentences[2 * n]} {sentences[2 * n + 1]}\n".encode()
        for n in range(JOB_ARTICLES)
    }


def memory_lookups(server: LiveServer) -> int:
    """Sentences the server looked up in the memory: one each time it translates one."""
    metrics = httpx.get(f"{server.url}/metrics").text
    return sum(
        int(sample.value)
        for family in text_string_to_metric_families(metrics)
        if family.name == "mtdesk_memory_lookups"
        for sample in family.samples
        if sample.name.endswith("_total")
    )


def finished_job(server: LiveServer, job_id: str) -> dict[str, Any]:
    deadline = time.monotonic() + WAIT_S
    while (job := httpx.get(f"{server.url}/v1/jobs/{job_id}").json())["state"] in (
        "queued",
        "running",
    ):
        assert time.monotonic() < deadline, f"job {job_id} is still {job['state']}"
        time.sleep(0.1)
    return dict(job)


def test_each_article_of_a_job_is_translated_once(servers: Servers) -> None:
    before = sum(memory_lookups(server) for server in servers)
    # One job through each server: both wake and both try the oldest job first.
    job_ids = [
        httpx.post(
            f"{server.url}/v1/jobs",
            files={"file": (f"job{job}.zip", zip_bytes(job_articles(job)), "application/zip")},
        ).json()["id"]
        for job, server in enumerate(servers)
    ]
    for job, job_id in enumerate(job_ids):
        other = servers[1 - job]  # read through the server that was not sent the job
        assert finished_job(other, job_id)["counts"] == {"done": JOB_ARTICLES}
        expected = sorted(job_articles(job))
        items = httpx.get(f"{other.url}/v1/jobs/{job_id}/articles").json()["items"]
        assert sorted(item["id"] for item in items) == expected
        # Nothing was in the memory: an article translated twice would find its own outputs.
        assert {item["stats"]["memory_hits"] for item in items} == {0}
        results = httpx.get(f"{other.url}/v1/jobs/{job_id}/results").text.splitlines()
        assert sorted(json.loads(line)["id"] for line in results) == expected
        report = json.loads(zipfile.ZipFile(io.BytesIO(job_zip(other, job_id))).read("report.json"))
        assert report["articles"] == {
            "total": 20,
            "done": 20,
            "failed": 0,
            "cancelled": 0,
            "skipped": 0,
        }
        assert report["segments"] == 2 * JOB_ARTICLES
    # Every translation of an article looks up each of its sentences once, on either server.
    after = sum(memory_lookups(server) for server in servers)
    assert after - before == len(JOB_SENTENCES)


def job_zip(server: LiveServer, job_id: str) -> bytes:
    response = httpx.get(f"{server.url}/v1/jobs/{job_id}/results", params={"format": "zip"})
    response.raise_for_status()
    return response.content


def new_article(server: LiveServer, text: str) -> tuple[str, list[str]]:
    """A stored article's id and its segment ids."""
    response = httpx.post(f"{server.url}/v1/articles", json={"text": text}, timeout=120)
    response.raise_for_status()
    article = response.json()
    return article["id"], [s["id"] for block in article["blocks"] for s in block["segments"]]


def in_threads(work: Callable[[int], None], count: int) -> None:
    """``work(0)`` … ``work(count - 1)`` at once; an exception in one fails the test."""
    with ThreadPoolExecutor(count) as pool:
        for future in [pool.submit(work, number) for number in range(count)]:
            future.result()


def test_every_acknowledged_edit_is_kept(servers: Servers) -> None:
    article_id, segment_ids = new_article(servers[0], " ".join(EDIT_SENTENCES))
    assert len(segment_ids) == len(EDIT_SENTENCES)
    acknowledged: list[tuple[str, str]] = []
    refused: Counter[int] = Counter()
    lock = threading.Lock()

    def edit(editor: int) -> None:
        clients = [httpx.Client(base_url=server.url, timeout=60) for server in servers]
        for n in range(EDITS_EACH):
            segment_id = segment_ids[(editor * 3 + n) % len(segment_ids)]
            target = f"Edit {editor}-{n}."
            status = "approved" if (editor + n) % 3 == 0 else "draft"
            response = clients[(editor + n) % 2].patch(  # the two servers in turn
                f"/v1/articles/{article_id}/segments/{segment_id}",
                json={"target": target, "status": status},
            )
            with lock:
                if response.is_success:
                    acknowledged.append((segment_id, target))
                else:
                    refused[response.status_code] += 1
        for client in clients:
            client.close()

    in_threads(edit, EDITORS)
    assert refused == Counter()  # no conflict detection to refuse with, and never a 5xx
    assert len(acknowledged) == EDITORS * EDITS_EACH
    for segment_id in segment_ids:
        segment = httpx.get(
            f"{servers[1].url}/v1/articles/{article_id}/segments/{segment_id}"
        ).json()
        # history[0] is the model's target; each edit moved the one before it there.
        edits = [entry["target"] for entry in segment["history"][1:]] + [segment["target"]]
        assert sorted(edits) == sorted(t for s, t in acknowledged if s == segment_id)
    assert_status_agrees(servers[0], article_id)


def assert_status_agrees(server: LiveServer, article_id: str) -> str:
    """The article's status is the one its segments' statuses give."""
    article = httpx.get(f"{server.url}/v1/articles/{article_id}").json()
    statuses = [s["status"] for block in article["blocks"] for s in block["segments"]]
    approved = statuses.count("approved")
    expected = "approved" if approved == len(statuses) else "in_review" if approved else "draft"
    assert article["status"] == expected, statuses
    return str(article["status"])


def test_approving_every_segment_at_once_approves_the_article(servers: Servers) -> None:
    article_id, segment_ids = new_article(servers[1], " ".join(EDIT_SENTENCES))
    for status in ["approved", "draft"] * (APPROVAL_ROUNDS // 2):
        barrier = threading.Barrier(len(segment_ids))

        def review(number: int, status: str = status, barrier: threading.Barrier = barrier) -> None:
            server = servers[number % 2]
            barrier.wait()  # every segment's edit in flight together, through both servers
            response = httpx.patch(
                f"{server.url}/v1/articles/{article_id}/segments/{segment_ids[number]}",
                json={"status": status},
                timeout=60,
            )
            assert response.status_code == 200, response.text

        in_threads(review, len(segment_ids))
        assert assert_status_agrees(servers[0], article_id) == status


def test_an_approval_through_one_server_is_used_by_the_other(servers: Servers) -> None:
    a, b = servers
    article_id, (segment_id,) = new_article(a, MEMORY_SENTENCE)
    edited = httpx.patch(
        f"{a.url}/v1/articles/{article_id}/segments/{segment_id}",
        json={"target": "The reviewers' own words.", "status": "approved"},
    )
    assert edited.status_code == 200
    assert translated(b, MEMORY_SENTENCE) == ("The reviewers' own words.", "approved")

    withdrawn = httpx.patch(
        f"{b.url}/v1/articles/{article_id}/segments/{segment_id}", json={"status": "draft"}
    )
    assert withdrawn.status_code == 200
    assert translated(a, MEMORY_SENTENCE)[1] != "approved"


def translated(server: LiveServer, sentence: str) -> tuple[str, str]:
    """The target and origin of the server's translation of one sentence."""
    response = httpx.post(f"{server.url}/v1/translate", json={"text": sentence}, timeout=60)
    response.raise_for_status()
    (segment,) = [s for block in response.json()["blocks"] for s in block["segments"]]
    return segment["target"], segment["origin"]


def test_a_glossary_stored_through_one_server_is_read_through_the_other(
    servers: Servers,
) -> None:
    a, b = servers
    tsv = "source\ttarget\tkind\nBundesregierung\tfederal government\tterm\n"
    stored = httpx.put(
        f"{b.url}/v1/glossaries/shared",
        content=tsv.encode(),
        headers={"content-type": "text/tab-separated-values"},
    )
    assert stored.status_code == 201
    read = httpx.get(f"{a.url}/v1/glossaries/shared").json()
    assert [(item["source"], item["target"]) for item in read["items"]] == [
        ("Bundesregierung", "federal government")
    ]
