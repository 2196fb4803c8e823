"""``/v1/jobs`` on the toy model: submit, follow, download, cancel, refuse, survive, resume."""

from __future__ import annotations

import io
import json
import os
import socket
import time
import warnings
import zipfile
from collections.abc import Iterator
from pathlib import Path
from threading import Event, current_thread
from typing import Any

import pytest
from fastapi.testclient import TestClient

from models import toy_corpus
from models.marian import MarianEngine
from service.app import create_app
from service.batch import worker as worker_module
from service.batch.jobstore import JobStore
from service.settings import Settings
from service.store.articles import Store

WAIT_S = 180  # a generous bound on a small job, never a timing assertion
SENTENCES = [pair.source for pair in toy_corpus.held_out(4)]


@pytest.fixture
def settings(api_settings: Settings, tmp_path: Path) -> Settings:
    return api_settings.model_copy(
        update={"jobs_dir": str(tmp_path / "jobs"), "max_upload_bytes": 64 * 1024}
    )


@pytest.fixture
def client(toy_engine: MarianEngine, settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings, engine=toy_engine), base_url="http://localhost") as client:
        yield client


def wait_until_finished(client: TestClient, job_id: str) -> dict[str, Any]:
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        job: dict[str, Any] = client.get(f"/v1/jobs/{job_id}").json()
        if job["state"] not in ("queued", "running"):
            return job
        time.sleep(0.05)
    raise AssertionError(f"job {job_id} still {job['state']} after {WAIT_S} s")


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def zip_pairs(members: list[tuple[str, bytes]]) -> bytes:
    """A zip that may hold two members of one name."""
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns of a duplicate name
        with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for name, data in members:
                archive.writestr(name, data)
    return buffer.getvalue()


def test_a_json_job_from_queue_to_results(client: TestClient) -> None:
    articles = [{"id": "a1", "text": SENTENCES[0], "title": "Eins"}, {"id": "b2", "text": "  "}]
    response = client.post("/v1/jobs", json={"articles": articles})
    assert response.status_code == 202
    job_id = response.json()["id"]
    assert response.headers["location"] == f"/v1/jobs/{job_id}"
    assert response.json()["progress"]["total"] == 2

    job = wait_until_finished(client, job_id)
    assert job["state"] == "done"
    assert job["counts"] == {"done": 1, "failed": 1}
    assert job["progress"] == {"total": 2, "finished": 2, "fraction": 1.0}
    assert job["errors"] == [{"id": "b2", "error": "empty article"}]
    assert [listed["id"] for listed in client.get("/v1/jobs").json()["items"]] == [job_id]

    lines = client.get(f"/v1/jobs/{job_id}/results?format=jsonl").text.splitlines()
    (record,) = [json.loads(line) for line in lines]
    assert record["id"] == "a1" and record["title"] == "Eins"
    assert record["blocks"][0]["segments"][0]["source"] == SENTENCES[0]
    tmx = client.get(f"/v1/jobs/{job_id}/results?format=tmx")
    assert tmx.headers["content-type"].startswith("application/x-tmx+xml")
    assert SENTENCES[0] in tmx.text
    assert 'original="a1"' in client.get(f"/v1/jobs/{job_id}/results?format=xliff").text
    with zipfile.ZipFile(
        io.BytesIO(client.get(f"/v1/jobs/{job_id}/results?format=zip").content)
    ) as z:
        names = set(z.namelist())
        assert {"results.jsonl", "report.json", "archive.tmx"} <= names
        assert any(name.startswith("articles/a1-") for name in names)
    states = [a["state"] for a in client.get(f"/v1/jobs/{job_id}/articles").json()["items"]]
    assert states == ["done", "failed"]


def test_an_article_over_max_chars_fails_and_the_job_goes_on(
    toy_engine: MarianEngine, settings: Settings
) -> None:
    small = settings.model_copy(update={"max_chars": 1_000})
    articles = [{"id": "long", "text": "Ein Satz. " * 101}, {"id": "ok", "text": SENTENCES[0]}]
    with TestClient(create_app(small, engine=toy_engine), base_url="http://localhost") as client:
        response = client.post("/v1/jobs", json={"articles": articles})
        assert response.status_code == 202
        assert response.json()["counts"] == {"failed": 1, "pending": 1}  # refused at once
        job = wait_until_finished(client, response.json()["id"])
    assert job["state"] == "done" and job["counts"] == {"done": 1, "failed": 1}
    [error] = job["errors"]
    assert error["id"] == "long"
    assert error["error"].startswith("the input has 1010 characters, more than the limit of 1000")
    assert "MTDESK_MAX_CHARS" in error["error"]


def test_an_uploaded_archive_is_translated(client: TestClient, settings: Settings) -> None:
    archive = zip_bytes({"news/x.txt": SENTENCES[1].encode(), "news/y.txt": SENTENCES[2].encode()})
    response = client.post("/v1/jobs", files={"file": ("../../evil name.zip", archive)})
    assert response.status_code == 202, response.text
    job = wait_until_finished(client, response.json()["id"])
    assert job["state"] == "done" and job["counts"] == {"done": 2}
    assert job["input"] == "../../evil name.zip"
    lines = client.get(f"/v1/jobs/{job['id']}/results").text.splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["news/x.txt", "news/y.txt"]
    # The upload is stored by the last part of its name, inside the job's folder.
    assert (Path(settings.jobs_dir) / job["id"] / "upload" / "evil name.zip").is_file()


@pytest.mark.parametrize(
    ("filename", "data", "code"),
    [
        ("escape.zip", zip_bytes({"../x.txt": b"Ein Satz."}), "invalid_archive"),
        ("abs.zip", zip_bytes({"/tmp/x.txt": b"Ein Satz."}), "invalid_archive"),
        ("fake.zip", b"no zip at all", "invalid_archive"),
        ("articles.rar", b"Rar!", "invalid_archive"),
        ("twice.zip", zip_pairs([("a.txt", b"Eins."), ("a.txt", b"Zwei.")]), "invalid_archive"),
        (
            "lines.zip",
            zip_pairs([("a.jsonl", b'{"text": "Satz."}\n' * 150_000)]),
            "invalid_archive",
        ),
    ],
)
def test_refused_uploads_leave_nothing_behind(
    client: TestClient, settings: Settings, filename: str, data: bytes, code: str
) -> None:
    response = client.post("/v1/jobs", files={"file": (filename, data)})
    assert response.status_code == 422
    assert response.json()["error"]["code"] == code
    if filename == "twice.zip":
        assert response.json()["error"]["detail"]["member"] == "a.txt"
    assert client.get("/v1/jobs").json()["items"] == []
    jobs_dir = Path(settings.jobs_dir)
    assert not jobs_dir.exists() or list(jobs_dir.iterdir()) == []


def test_bad_requests(client: TestClient) -> None:
    too_big = client.post("/v1/jobs", files={"file": ("big.zip", b"0" * 70_000)})
    assert too_big.status_code == 413
    assert "MTDESK_MAX_UPLOAD_BYTES" in too_big.json()["error"]["message"]
    plain = client.post("/v1/jobs", content=b"Ein Satz.", headers={"content-type": "text/plain"})
    assert plain.status_code == 415
    assert client.post("/v1/jobs", json={"articles": []}).status_code == 422
    assert client.post("/v1/jobs", json={"articles": [{"txt": "x"}]}).status_code == 422
    assert client.get("/v1/jobs/0123abcd").status_code == 404
    assert client.post("/v1/jobs/0123abcd/cancel").status_code == 404


def test_cancel_and_resume_after_a_restart(
    toy_engine: MarianEngine, settings: Settings, tmp_path: Path
) -> None:
    # A service whose model cannot load queues jobs but runs none.
    broken = settings.model_copy(update={"model": str(tmp_path / "no-model")})
    with TestClient(create_app(broken), base_url="http://localhost") as client:
        kept = client.post("/v1/jobs", json={"articles": [{"text": SENTENCES[0]}]}).json()
        dropped = client.post("/v1/jobs", json={"articles": [{"text": SENTENCES[1]}]}).json()
        early = client.get(f"/v1/jobs/{kept['id']}/results")
        assert early.status_code == 409 and early.json()["error"]["code"] == "job_conflict"
        cancelled = client.post(f"/v1/jobs/{dropped['id']}/cancel").json()
        assert cancelled["state"] == "cancelled"
        assert client.get(f"/v1/jobs/{kept['id']}").json()["state"] == "queued"

    with TestClient(create_app(settings, engine=toy_engine), base_url="http://localhost") as client:
        assert wait_until_finished(client, kept["id"])["state"] == "done"
        assert client.get(f"/v1/jobs/{dropped['id']}").json()["state"] == "cancelled"
        finished = client.post(f"/v1/jobs/{kept['id']}/cancel").json()
        assert finished["state"] == "done"  # a finished job stays as it is


def test_a_failing_job_does_not_stop_the_next(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    executor = worker_module.LocalExecutor
    calls = 0

    def breaks_once(*args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        calls += 1
        if calls == 1:
            raise RuntimeError("disk full")
        return executor(*args, **kwargs)

    monkeypatch.setattr(worker_module, "LocalExecutor", breaks_once)
    first = client.post("/v1/jobs", json={"articles": [{"text": SENTENCES[0]}]}).json()
    second = client.post("/v1/jobs", json={"articles": [{"text": SENTENCES[1]}]}).json()
    failed = wait_until_finished(client, first["id"])
    assert failed["state"] == "failed" and failed["error"] == "RuntimeError: disk full"
    assert wait_until_finished(client, second["id"])["state"] == "done"


def test_a_job_another_process_runs_is_left_to_it(
    toy_engine: MarianEngine, settings: Settings, tmp_path: Path
) -> None:
    broken = settings.model_copy(update={"model": str(tmp_path / "no-model")})
    with TestClient(create_app(broken), base_url="http://localhost") as client:
        theirs = client.post("/v1/jobs", json={"articles": [{"text": SENTENCES[0]}]}).json()
        ours = client.post("/v1/jobs", json={"articles": [{"text": SENTENCES[1]}]}).json()
    store = Store(settings.db)
    JobStore(store).take_over(theirs["id"], f"{socket.gethostname()}:{os.getppid()}")  # alive
    store.close()

    with TestClient(create_app(settings, engine=toy_engine), base_url="http://localhost") as client:
        assert wait_until_finished(client, ours["id"])["state"] == "done"
        assert client.get(f"/v1/jobs/{theirs['id']}").json()["state"] == "running"


def test_failed_articles_are_retried_with_their_fixed_versions(client: TestClient) -> None:
    english = "The minister met his counterpart in Geneva on Friday to discuss the crisis."
    articles = [{"id": "a", "text": SENTENCES[0]}, {"id": "b", "text": english}]
    job_id = client.post("/v1/jobs", json={"articles": articles}).json()["id"]
    job = wait_until_finished(client, job_id)
    assert job["counts"] == {"done": 1, "failed": 1} and job["errors"][0]["id"] == "b"
    assert "not German" in job["errors"][0]["error"]

    retried = client.post(
        f"/v1/jobs/{job_id}/retry", json={"articles": [{"id": "b", "text": SENTENCES[1]}]}
    )
    assert retried.status_code == 202, retried.text
    assert retried.json()["state"] == "queued"
    job = wait_until_finished(client, job_id)
    assert job["state"] == "done" and job["counts"] == {"done": 2} and job["errors"] == []
    lines = client.get(f"/v1/jobs/{job_id}/results?format=jsonl").text.splitlines()
    records = {record["id"]: record for record in map(json.loads, lines)}
    assert records["b"]["blocks"][0]["segments"][0]["source"] == SENTENCES[1]


def test_a_retry_of_no_such_job_is_not_found(client: TestClient) -> None:
    response = client.post("/v1/jobs/nosuchjob/retry")
    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"


class HeldWorker:
    """The worker's glossary step waits until released; each run of a job is signalled."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.compiling, self.compiled, self.ran = Event(), Event(), Event()
        glossary_for = worker_module.JobWorker.glossary_for
        held = self

        def slow_glossary(worker: worker_module.JobWorker, specs: list[str] | None) -> Any:
            if current_thread().name == "mtdesk-jobs":  # not the request that queues the job
                held.compiling.set()
                held.compiled.wait(WAIT_S)
            return glossary_for(worker, specs)

        class Watched(worker_module.Runner):
            def run(self, job_id: str) -> Any:
                try:
                    return super().run(job_id)
                finally:
                    held.ran.set()

        monkeypatch.setattr(worker_module.JobWorker, "glossary_for", slow_glossary)
        monkeypatch.setattr(worker_module, "Runner", Watched)


def test_a_cancel_while_the_glossary_compiles_holds(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The worker picked the job before the cancel and takes it up after: it stays cancelled."""
    held = HeldWorker(monkeypatch)
    articles = [{"text": sentence} for sentence in SENTENCES[:2]]
    job = client.post("/v1/jobs", json={"articles": articles}).json()
    assert held.compiling.wait(WAIT_S)
    assert client.post(f"/v1/jobs/{job['id']}/cancel").json()["state"] == "cancelled"
    held.compiled.set()
    assert held.ran.wait(WAIT_S)
    after = client.get(f"/v1/jobs/{job['id']}").json()
    assert (after["state"], after["counts"]) == ("cancelled", {"cancelled": 2})


def test_retry_of_a_cancelled_job_runs_its_failed_articles_only(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    held = HeldWorker(monkeypatch)
    articles = [{"id": "empty", "text": " "}, *({"text": s} for s in SENTENCES[:2])]
    job = client.post("/v1/jobs", json={"articles": articles}).json()
    assert held.compiling.wait(WAIT_S)
    client.post(f"/v1/jobs/{job['id']}/cancel")
    held.compiled.set()
    assert held.ran.wait(WAIT_S)
    counts = {"failed": 1, "cancelled": 2}
    retried = client.post(f"/v1/jobs/{job['id']}/retry")  # nothing it can retry
    assert (retried.json()["state"], retried.json()["counts"]) == ("cancelled", counts)

    fixed = {"articles": [{"id": "empty", "text": SENTENCES[2]}]}
    assert client.post(f"/v1/jobs/{job['id']}/retry", json=fixed).status_code == 202
    after = wait_until_finished(client, job["id"])
    assert (after["state"], after["counts"]) == ("cancelled", {"done": 1, "cancelled": 2})


def test_a_long_job_lets_a_short_one_take_turns(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each job waiting gets a turn: the short job queued second ends before the long one."""
    monkeypatch.setattr(worker_module, "TURN_S", 0.0, raising=False)  # a turn: one claim
    held = HeldWorker(monkeypatch)
    long_job = [{"text": f"{SENTENCES[n % 4]} ({n})"} for n in range(40)]
    first = client.post("/v1/jobs", json={"articles": long_job}).json()
    assert held.compiling.wait(WAIT_S)  # the worker has taken the long job
    second = client.post("/v1/jobs", json={"articles": [{"text": SENTENCES[0]}]}).json()
    held.compiled.set()
    long_done, short_done = (
        wait_until_finished(client, first["id"]),
        wait_until_finished(client, second["id"]),
    )
    assert (long_done["state"], short_done["state"]) == ("done", "done")
    assert short_done["updated"] < long_done["updated"]
