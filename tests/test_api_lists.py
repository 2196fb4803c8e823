"""Every list the API answers has one envelope: ``{"items", "total", "limit", "offset"}``,
paged by ``?limit=&offset=`` (validated), ``total`` counting every match."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from models import toy_corpus
from models.marian import MarianEngine
from service.app import create_app
from service.http.deps import DEFAULT_LIMIT, MAX_LIMIT
from service.settings import Settings
from tests.test_api_translate import assert_error

SENTENCES = [pair.source for pair in toy_corpus.held_out(3)]
ENVELOPE = {"items", "total", "limit", "offset"}
WAIT_S = 180  # a generous bound on a small job, never a timing assertion


@pytest.fixture
def client(
    toy_engine: MarianEngine, api_settings: Settings, tmp_path: Path
) -> Iterator[TestClient]:
    settings = api_settings.model_copy(update={"jobs_dir": str(tmp_path / "jobs")})
    with TestClient(create_app(settings, engine=toy_engine), base_url="http://localhost") as client:
        yield client


@pytest.fixture
def seeded(client: TestClient) -> dict[str, Any]:
    """3 articles (the first with 3 German versions), 3 glossaries, 3 finished jobs of 3
    articles each, one of them failed (blank)."""
    articles = [
        client.post("/v1/articles", json={"text": sentence}).json()["id"] for sentence in SENTENCES
    ]
    for number in (2, 3):
        text = " ".join(SENTENCES[:number])
        response = client.post(f"/v1/articles/{articles[0]}/revisions", json={"text": text})
        assert response.status_code == 200, response.text
    for name in ("alpha", "beta"):
        entries = [{"source": "Lawrow", "target": "Lavrov"}]
        assert client.put(f"/v1/glossaries/{name}", json={"entries": entries}).status_code == 201
    jobs = []
    for _ in range(3):
        texts = [{"id": "a", "text": SENTENCES[0]}, {"id": "b", "text": " "}]
        texts.append({"id": "c", "text": SENTENCES[1]})
        job = client.post("/v1/jobs", json={"articles": texts})
        assert job.status_code == 202, job.text
        jobs.append(job.json()["id"])
    for job_id in jobs:
        finished(client, job_id)
    return {"articles": articles, "jobs": jobs}


def finished(client: TestClient, job_id: str) -> None:
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        if client.get(f"/v1/jobs/{job_id}").json()["state"] not in ("queued", "running"):
            return
        time.sleep(0.05)
    raise AssertionError(f"job {job_id} did not finish in {WAIT_S} s")


def routes(seeded: dict[str, Any]) -> dict[str, tuple[str, int]]:
    """Every list route: (path, how many items it holds in all)."""
    first_article, first_job = seeded["articles"][0], seeded["jobs"][0]
    return {
        "articles": ("/v1/articles", 3),
        "revisions": (f"/v1/articles/{first_article}/revisions", 3),
        "glossaries": ("/v1/glossaries", 3),  # the shipped default and 2 stored
        "jobs": ("/v1/jobs", 3),
        "job articles": (f"/v1/jobs/{first_job}/articles", 3),
    }


def key(item: dict[str, Any]) -> object:
    return item.get("id", item.get("number", item.get("name")))


def page(client: TestClient, path: str, **params: Any) -> dict[str, Any]:
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    assert set(body) == ENVELOPE, f"{path}: {sorted(body)}"
    return body


def test_every_list_is_one_envelope_paged_by_limit_and_offset(
    client: TestClient, seeded: dict[str, Any]
) -> None:
    for name, (path, total) in routes(seeded).items():
        whole = page(client, path)
        assert (whole["total"], whole["limit"], whole["offset"]) == (total, DEFAULT_LIMIT, 0), name
        assert len(whole["items"]) == total, name
        first = page(client, path, limit=2)
        assert (first["total"], first["limit"], first["offset"]) == (total, 2, 0), name
        rest = page(client, path, limit=2, offset=2)
        assert (rest["total"], rest["limit"], rest["offset"]) == (total, 2, 2), name
        # The pages together are the whole list, in its order, once each.
        assert [key(item) for item in first["items"] + rest["items"]] == [
            key(item) for item in whole["items"]
        ], name
        assert len(first["items"]) == 2 and len(rest["items"]) == total - 2, name
        beyond = page(client, path, offset=total + 5)
        assert (beyond["items"], beyond["total"]) == ([], total), name


def test_bad_limits_and_offsets_are_422(client: TestClient, seeded: dict[str, Any]) -> None:
    bad: list[dict[str, Any]] = [
        {"limit": 0},
        {"limit": -1},
        {"limit": MAX_LIMIT + 1},
        {"limit": "ten"},
        {"offset": -1},
        {"offset": "1.5"},
        {"offset": 10**12},
    ]
    for name, (path, _) in routes(seeded).items():
        for params in bad:
            assert_error(client.get(path, params=params), 422, "validation_error")
        assert page(client, path, limit=MAX_LIMIT)["limit"] == MAX_LIMIT, name


def test_totals_count_every_match_of_a_filter(client: TestClient, seeded: dict[str, Any]) -> None:
    job_articles = f"/v1/jobs/{seeded['jobs'][0]}/articles"
    failed = page(client, job_articles, state="failed", limit=1)
    assert failed["total"] == 1 and [item["id"] for item in failed["items"]] == ["b"]
    done = page(client, job_articles, state="done", limit=1)
    assert done["total"] == 2 and [item["id"] for item in done["items"]] == ["a"]
    client.patch(f"/v1/articles/{seeded['articles'][1]}/segments/b0s0", json={"status": "approved"})
    approved = page(client, "/v1/articles", status="approved", limit=1, offset=1)
    assert (approved["items"], approved["total"]) == ([], 1)


def test_the_schema_names_one_envelope_for_every_paged_route(client: TestClient) -> None:
    """A list route added later without the envelope (or without limit/offset) fails here."""
    schema = client.get("/openapi.json").json()
    components = schema["components"]["schemas"]
    paged = set()
    for path, operations in schema["paths"].items():
        get = operations.get("get")
        if get is None:
            continue
        params = {param["name"] for param in get.get("parameters", [])}
        body = get["responses"]["200"].get("content", {}).get("application/json", {})
        reference = body.get("schema", {})
        assert reference.get("type") != "array", f"GET {path} answers a bare list"
        if "$ref" not in reference:
            continue
        properties = components[reference["$ref"].rsplit("/", 1)[1]].get("properties", {})
        if set(properties) == ENVELOPE:
            assert {"limit", "offset"} <= params, f"GET {path} is not paged"
            paged.add(path)
        elif {"limit", "offset"} & params:
            raise AssertionError(f"GET {path} takes limit/offset but answers {sorted(properties)}")
    assert paged == {
        "/v1/articles",
        "/v1/articles/{article_id}/revisions",
        "/v1/glossaries",
        "/v1/jobs",
        "/v1/jobs/{job_id}/articles",
    }
