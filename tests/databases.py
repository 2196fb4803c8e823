"""The ``database_url`` fixture: each store test runs on SQLite and on PostgreSQL.

PostgreSQL runs where ``MTDESK_TEST_POSTGRES`` names a server URL whose user
may create databases (``.ci/run`` starts one); each test gets a database of
its own, dropped afterwards. Without it the PostgreSQL cases skip.
"""

from __future__ import annotations

import os
import secrets
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import DBAPIError

POSTGRES_ENV = "MTDESK_TEST_POSTGRES"


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'mtdesk.db'}"
        return
    with postgres_database() as url:
        yield url


@contextmanager
def postgres_database() -> Iterator[str]:
    """The URL of a fresh database on the ``MTDESK_TEST_POSTGRES`` server, dropped afterwards;
    the test skips without that server."""
    server = os.environ.get(POSTGRES_ENV)
    if not server:
        pytest.skip(f"no PostgreSQL server: set {POSTGRES_ENV} (.ci/run does)")
    name = f"mtdesk_test_{secrets.token_hex(6)}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        yield make_url(server).set(database=name).render_as_string(hide_password=False)
        _drop(admin, name)
    finally:
        admin.dispose()


def _drop(admin: Engine, name: str, tries: int = 20) -> None:
    """Drop the test's database. A session of the server's own role (an autovacuum
    worker on the new database) may hold it for a moment, and FORCE may not end
    that one: try again shortly rather than fail the test that used it."""
    for attempt in range(tries):
        try:
            with admin.connect() as connection:
                connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
            return
        except DBAPIError:
            if attempt == tries - 1:
                raise
            time.sleep(0.25)
