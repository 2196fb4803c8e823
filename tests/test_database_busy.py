"""A busy database is a 503 with Retry-After, and nothing of the request is written."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from models.marian import MarianEngine
from service.app import create_app
from service.settings import Settings

TEXT = "Der Minister kommt am Montag nach Berlin."


@pytest.fixture
def busy_client(toy_engine: MarianEngine, tmp_path: Path) -> Iterator[TestClient]:
    settings = Settings(
        model="toy",
        db=f"sqlite:///{tmp_path / 'mtdesk.db'}",
        api_key=None,
        glossary="",
        db_busy_timeout_s=0.3,  # MTDESK_DB_BUSY_TIMEOUT_S: the test waits this, not 10 s
    )
    with TestClient(create_app(settings, engine=toy_engine), base_url="http://localhost") as client:
        yield client


def test_a_locked_sqlite_database_answers_503_and_writes_nothing(
    busy_client: TestClient, tmp_path: Path
) -> None:
    assert busy_client.post("/v1/articles", json={"text": TEXT}).status_code == 201
    other = sqlite3.connect(tmp_path / "mtdesk.db", isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # another process holds the write lock
    try:
        started = time.monotonic()
        response = busy_client.post("/v1/articles", json={"text": TEXT})
        assert time.monotonic() - started < 30  # bounded by the busy timeout, not forever
        assert response.status_code == 503
        assert response.json()["error"]["code"] == "database_busy"
        assert int(response.headers["retry-after"]) > 0
        assert "INSERT" not in response.text and str(tmp_path) not in response.text
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert busy_client.get("/v1/articles").json()["total"] == 1  # nothing half there
    again = busy_client.post("/v1/articles", json={"text": TEXT})
    assert again.status_code == 201  # the lock gone, the same request goes through
    assert busy_client.get("/v1/articles").json()["total"] == 2
