"""Schema migrations at start: a store brings its database to the newest Alembic revision.

The revisions live in ``service/store/migrations`` (shipped with the package).
Processes that start together on one database take turns: on PostgreSQL
the upgrade runs inside a transaction holding an advisory lock, on SQLite
inside ``BEGIN IMMEDIATE`` (the database's write lock); the second process
then finds the schema current and does nothing. A database made before
migrations existed has no ``alembic_version``; the baseline revision
creates only what it lacks, so it is adopted with its rows.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, text

log = logging.getLogger(__name__)

# Any fixed 64-bit number; the same in every mtdesk process ("mtdesk" in ASCII).
ADVISORY_LOCK = 0x6D7464657368


def config() -> Config:
    alembic = Config()
    alembic.set_main_option("script_location", "service.store:migrations")
    return alembic


@cache
def head() -> str | None:
    return ScriptDirectory.from_config(config()).get_current_head()


def revision(connection: Connection) -> str | None:
    """The database's revision; None for an empty database or one made before migrations."""
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine) -> None:
    """Bring ``engine``'s database to the head revision, if it is not there yet."""
    with engine.connect() as connection:
        if revision(connection) == head():  # the common case: no lock, no Alembic run
            return
    with exclusive(engine) as connection:
        current = revision(connection)
        if current == head():  # another process did it while this one waited
            return
        log.info("migrating the database from revision %s to %s", current or "none", head())
        alembic = config()
        alembic.attributes["connection"] = connection  # env.py migrates this one
        command.upgrade(alembic, "head")


@contextmanager
def exclusive(engine: Engine) -> Iterator[Connection]:
    """A transaction that no other process's migration runs beside; committed at the end."""
    with engine.connect() as connection:
        if engine.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": ADVISORY_LOCK})
        elif engine.dialect.name == "sqlite":
            # pysqlite opens no transaction for DDL by itself; this one also takes the lock.
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        try:
            yield connection
        except BaseException:
            connection.rollback()
            raise
        connection.commit()
