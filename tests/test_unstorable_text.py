"""U+0000 and other characters that are not text: refused the same way on every entry
point, on SQLite and on PostgreSQL (which cannot store U+0000 at all)."""

from __future__ import annotations

import io
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from models.marian import MarianEngine
from service.app import create_app
from service.settings import Settings
from tests.conftest import run_cli

GOOD = "Der Minister kommt am Montag."
NUL = "Der Minister\x00 kommt."


@pytest.fixture
def client(database_url: str, toy_engine: MarianEngine, tmp_path: Path) -> Iterator[TestClient]:
    settings = Settings(
        model="toy", db=database_url, glossary="", api_key=None, jobs_dir=str(tmp_path / "jobs")
    )
    with TestClient(create_app(settings, engine=toy_engine), base_url="http://localhost") as c:
        yield c


def refused(response: Any) -> dict[str, Any]:
    assert response.status_code == 422, response.text[:300]
    error: dict[str, Any] = response.json()["error"]
    assert "U+0000" in str(error)
    return error


def test_the_api_refuses_u0000_everywhere_it_takes_text(client: TestClient) -> None:
    refused(client.post("/v1/translate", json={"text": NUL}))
    refused(
        client.post("/v1/translate", content=NUL.encode(), headers={"content-type": "text/plain"})
    )
    refused(client.post("/v1/articles", json={"text": NUL}))
    refused(client.post("/v1/articles", json={"text": GOOD, "title": "Titel\x00"}))
    article = client.post("/v1/articles", json={"text": GOOD}).json()
    refused(client.patch(f"/v1/articles/{article['id']}/segments/b0s0", json={"target": "a\x00"}))
    tsv = b"source\ttarget\nMinister\tminis\x00ter\n"
    headers = {"content-type": "text/tab-separated-values"}
    refused(client.put("/v1/glossaries/house", content=tsv, headers=headers))
    assert client.get("/v1/articles").json()["total"] == 1  # only the good one
    assert client.get("/v1/glossaries/house").status_code == 404


def zip_bytes(members: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in members.items():
            archive.writestr(name, text.encode())
    return buffer.getvalue()


def finished(client: TestClient, job_id: str) -> dict[str, Any]:
    deadline = time.monotonic() + 180  # a bound on a small job, never a timing assertion
    while time.monotonic() < deadline:
        job: dict[str, Any] = client.get(f"/v1/jobs/{job_id}").json()
        if job["state"] not in ("queued", "running"):
            return job
        time.sleep(0.05)
    raise AssertionError(f"job {job_id} did not finish")


def test_a_batch_article_with_u0000_fails_and_the_job_goes_on(client: TestClient) -> None:
    archive = zip_bytes({"a.txt": NUL, "b.txt": GOOD, "c\x01.txt": GOOD})
    response = client.post("/v1/jobs", files={"file": ("news.zip", archive)})
    assert response.status_code == 202, response.text[:300]
    job = finished(client, response.json()["id"])
    assert job["state"] == "done"
    assert job["counts"] == {"done": 1, "failed": 2}
    errors = {error["id"]: error["error"] for error in job["errors"]}
    assert errors["a.txt"] == (
        "the article contains U+0000 at offset 12, a control character or lone surrogate "
        "that is not text"
    )
    assert errors["c\ufffd.txt"].startswith("the id contains U+0001 at offset 1")
    json_job = client.post(
        "/v1/jobs", json={"articles": [{"id": "x", "text": NUL}, {"id": "y", "text": GOOD}]}
    )
    refused(json_job)  # the JSON request is refused whole, as every API body is


def test_the_cli_refuses_u0000() -> None:
    result = run_cli("translate", "-", "--model", "toy", stdin=NUL.encode())
    assert result.returncode == 2
    assert result.stderr.decode().startswith(
        "mtdesk: error: the input contains U+0000 at offset 12"
    )
