"""Security headers on API responses, and no article text in the logs at INFO."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import insert
from sqlalchemy.exc import IntegrityError

from models import toy_corpus
from models.marian import MarianEngine
from service.app import create_app
from service.http.headers import HEADERS, NON_HTML_POLICY
from service.settings import Settings
from service.store.articles import Store
from service.store.schema import glossaries

SENTENCES = [pair.source for pair in toy_corpus.held_out(6)]
PAGE_POLICY_PART = "script-src 'self'"
FRENCH = (
    "Le gouvernement a annoncé mardi de nouvelles mesures pour soutenir l'économie. "
    "Les syndicats ont vivement critiqué le projet présenté par la ministre."
)


def assert_api_headers(headers: Mapping[str, str]) -> None:  # httpx or httpx2 Headers
    for name, value in HEADERS.items():
        assert headers[name] == value, name
    assert headers["content-security-policy"] == NON_HTML_POLICY


@pytest.mark.parametrize(
    ("method", "path", "kwargs", "status"),
    [
        ("GET", "/health", {}, 200),
        ("GET", "/openapi.json", {}, 200),
        ("POST", "/v1/translate", {"json": {"text": SENTENCES[0]}}, 200),
        ("GET", "/v1/articles/nope", {}, 404),
        ("POST", "/v1/translate", {"json": {"text": 3}}, 422),
        ("POST", "/v1/translate", {"headers": {"origin": "https://evil.example"}}, 403),
        (
            "POST",
            "/v1/translate",
            {"content": b"x" * 10, "headers": {"content-length": "9" * 12}},
            413,
        ),
    ],
)
def test_api_responses_carry_the_security_headers(
    client: TestClient, method: str, path: str, kwargs: dict[str, object], status: int
) -> None:
    response = client.request(method, path, **kwargs)  # type: ignore[arg-type]
    assert response.status_code == status
    assert_api_headers(response.headers)


def test_docs_keep_working_and_pages_keep_their_own_policy(client: TestClient) -> None:
    docs = client.get("/docs")
    assert docs.status_code == 200 and "swagger-ui" in docs.text
    assert "content-security-policy" not in docs.headers  # its scripts come from a CDN
    assert docs.headers["x-content-type-options"] == "nosniff"
    assert docs.headers["x-frame-options"] == "DENY"

    page = client.get("/")
    assert page.status_code == 200
    assert PAGE_POLICY_PART in page.headers["content-security-policy"]
    assert page.headers["referrer-policy"] == "same-origin"  # the pages' own, kept


@pytest.fixture
def jobs_client(
    toy_engine: MarianEngine, api_settings: Settings, tmp_path: Path
) -> Iterator[TestClient]:
    settings = api_settings.model_copy(update={"jobs_dir": str(tmp_path / "jobs")})
    with TestClient(create_app(settings, engine=toy_engine), base_url="http://localhost") as client:
        yield client


def test_no_article_text_in_the_logs_at_info(
    jobs_client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    client = jobs_client
    caplog.set_level(logging.INFO)
    text = " ".join(SENTENCES[:3])
    assert client.post("/v1/translate", json={"text": text}).status_code == 200
    article = client.post("/v1/articles", json={"text": text, "title": SENTENCES[3]}).json()
    segment = article["blocks"][0]["segments"][0]["id"]
    edit = client.patch(
        f"/v1/articles/{article['id']}/segments/{segment}", json={"target": "Edited."}
    )
    assert edit.status_code == 200
    assert client.get(f"/articles/{article['id']}").status_code == 200
    job = client.post(
        "/v1/jobs",
        json={"articles": [{"id": "j1", "text": SENTENCES[4]}, {"id": "j2", "text": " "}]},
    ).json()
    deadline = time.monotonic() + 120  # a bound on a tiny job, not a timing assertion
    while client.get(f"/v1/jobs/{job['id']}").json()["state"] in ("queued", "running"):
        assert time.monotonic() < deadline
        time.sleep(0.05)
    refused = client.post("/v1/translate", json={"text": FRENCH})
    assert refused.status_code == 422 and refused.json()["error"]["code"] == "not_german"

    assert caplog.records  # INFO records are captured (the test client logs each request)
    logged = "\n".join(
        f"{record.getMessage()} {record.exc_text or ''}" for record in caplog.records
    )
    for sentence in [*SENTENCES[:5], FRENCH]:
        assert sentence not in logged


def test_database_errors_do_not_carry_the_rows_values(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'db'}")
    secret = SENTENCES[5]
    row = {"name": "g", "version": secret, "entries": [], "updated": datetime.now(UTC)}
    try:
        with store.engine.begin() as connection, pytest.raises(IntegrityError) as raised:
            connection.execute(insert(glossaries), [row, row])
        assert secret not in str(raised.value)
    finally:
        store.close()


def test_an_unhandled_error_is_a_500_with_the_headers_and_the_error_shape(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    secret = "database password is hunter2"

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError(secret)

    monkeypatch.setattr(Store, "articles", broken)
    caplog.set_level(logging.ERROR)
    response = client.get("/v1/articles")

    assert response.status_code == 500
    assert_api_headers(response.headers)
    error = response.json()["error"]
    assert set(error) == {"code", "message", "detail"}
    assert error["code"] == "internal_error" and error["detail"] is None
    assert secret not in response.text  # the message leaks nothing of the failure
    logged = [record for record in caplog.records if record.levelno == logging.ERROR]
    assert len(logged) == 1 and "GET /v1/articles" in logged[0].getMessage()
    assert logged[0].exc_info and logged[0].exc_info[1] is not None
    assert secret in str(logged[0].exc_info[1])  # the log keeps the traceback
    assert client.get("/health").status_code == 200  # and the service still serves
