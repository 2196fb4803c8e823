"""A busy database: 503 with Retry-After, nothing half-written (issue 31, item 12).

Another connection holds the write lock (SQLite: ``BEGIN EXCLUSIVE`` on the
server's file; PostgreSQL: ``LOCK TABLE articles IN ACCESS EXCLUSIVE MODE``)
while articles are posted; the server waits its ``MTDESK_DB_BUSY_TIMEOUT_S``
and answers 503. Once the lock goes, the article count is what it was before,
and the same request goes through.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from hostile_cases.common import SENTENCE, Client, Outcome

BUSY_TIMEOUT_S = 2.0  # the bench server's MTDESK_DB_BUSY_TIMEOUT_S
POSTS = 3


@contextmanager
def locked(db_url: str | None, sqlite_file: Path) -> Iterator[None]:
    if db_url is None or db_url.startswith("sqlite"):
        other = sqlite3.connect(sqlite_file, isolation_level=None)
        other.execute("BEGIN EXCLUSIVE")
        try:
            yield
        finally:
            other.execute("ROLLBACK")
            other.close()
        return
    from sqlalchemy import create_engine, text

    engine = create_engine(db_url)
    try:
        with engine.connect() as connection, connection.begin():
            connection.execute(text("LOCK TABLE articles IN ACCESS EXCLUSIVE MODE"))
            yield  # the transaction rolls back as the block ends
    finally:
        engine.dispose()


def busy_database(client: Client, db_url: str | None, sqlite_file: Path) -> Outcome:
    before = client.request("GET", "/v1/articles").json()["total"]
    answers = []
    with locked(db_url, sqlite_file):
        for number in range(POSTS):
            started = time.perf_counter()
            answer = client.request("POST", "/v1/articles", json={"text": f"{SENTENCE} ({number})"})
            answers.append((answer, time.perf_counter() - started))
    after = client.request("GET", "/v1/articles").json()["total"]
    again = client.request("POST", "/v1/articles", json={"text": SENTENCE}).status_code
    codes = [answer.status_code for answer, _ in answers]
    retry_after = {answer.headers.get("retry-after") for answer, _ in answers}
    waited = max(seconds for _, seconds in answers)
    return (
        f"{POSTS} posts under another's lock: {codes} in {waited:.1f} s at most "
        f"(busy timeout {BUSY_TIMEOUT_S} s), Retry-After {sorted(map(str, retry_after))}; "
        f"articles {before} -> {after}; once free: {again}",
        set(codes) == {503}
        and None not in retry_after
        and after == before
        and again == 201
        and waited < BUSY_TIMEOUT_S + 10,
    )
