"""A busy PostgreSQL is a 503 with Retry-After, and nothing of the request is written.

Another connection holds ``LOCK TABLE articles IN ACCESS EXCLUSIVE MODE`` in an
open transaction: the request's statement waits its ``lock_timeout``
(``MTDESK_DB_BUSY_TIMEOUT_S``), then fails, and the API answers 503. Skips
without ``MTDESK_TEST_POSTGRES``, as the other PostgreSQL tests do.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text

from models.marian import MarianEngine
from service.app import create_app
from service.settings import Settings
from tests.databases import postgres_database

TEXT = "Der Minister kommt am Montag nach Berlin."
BUSY_TIMEOUT_S = 0.5


@pytest.fixture
def postgres_url() -> Iterator[str]:
    with postgres_database() as url:
        yield url


@pytest.fixture
def busy_client(toy_engine: MarianEngine, postgres_url: str) -> Iterator[TestClient]:
    settings = Settings(
        model="toy",
        db=postgres_url,
        api_key=None,
        glossary="",
        db_busy_timeout_s=BUSY_TIMEOUT_S,  # MTDESK_DB_BUSY_TIMEOUT_S
    )
    app = create_app(settings, engine=toy_engine)
    with TestClient(app, base_url="http://localhost") as client:
        yield client


HOLD_S = 20  # how long the other connection may hold its lock before the test gives up


@pytest.mark.parametrize(
    ("table", "mode"),
    [("articles", "ACCESS EXCLUSIVE"), ("segments", "SHARE")],  # SHARE: reads go on, writes wait
)
def test_a_locked_postgresql_table_answers_503_and_writes_nothing(
    busy_client: TestClient, postgres_url: str, table: str, mode: str
) -> None:
    assert busy_client.post("/v1/articles", json={"text": TEXT}).status_code == 201
    other = create_engine(postgres_url)
    try:
        with other.connect() as connection:
            transaction = connection.begin()
            connection.execute(text(f"LOCK TABLE {table} IN {mode} MODE"))
            started = time.monotonic()
            with ThreadPoolExecutor(1) as pool:
                # Without a lock timeout the request would wait for the holder: the test
                # gives up after HOLD_S and releases the lock, so it fails, not hangs.
                posted = pool.submit(busy_client.post, "/v1/articles", json={"text": TEXT})
                try:
                    response = posted.result(timeout=HOLD_S)
                finally:
                    transaction.rollback()
            waited = time.monotonic() - started
        assert response.status_code == 503, response.text
        assert waited < HOLD_S  # the lock timeout ended the wait, not the lock's holder
        assert response.json()["error"]["code"] == "database_busy"
        assert int(response.headers["retry-after"]) > 0
        assert "INSERT" not in response.text and "LOCK" not in response.text
        assert busy_client.get("/v1/articles").json()["total"] == 1  # nothing half there
        again = busy_client.post("/v1/articles", json={"text": TEXT})
        assert again.status_code == 201  # the lock gone, the same request goes through
        listed = busy_client.get("/v1/articles").json()
        assert listed["total"] == 2
        article = busy_client.get(f"/v1/articles/{again.json()['id']}").json()
        assert article["blocks"][0]["segments"]  # stored whole, segments and all
    finally:
        other.dispose()
