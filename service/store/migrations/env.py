"""Alembic's environment: migrate the connection ``service.store.migrate`` hands over.

``alembic`` on the command line (``alembic.ini`` at the repository root) gets
a connection of its own to ``MTDESK_DB``, for ``alembic revision
--autogenerate`` against a database at the previous head.
"""

from __future__ import annotations

import os

from alembic import context
from sqlalchemy import Connection

from service.store.schema import create_db_engine, metadata


def run(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    # Inside service.store.migrate's transaction this joins it; on the command line it is its own.
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is not None:
    run(connection)
else:
    engine = create_db_engine(os.environ.get("MTDESK_DB", "sqlite:///mtdesk.db"))
    try:
        with engine.connect() as own:
            run(own)
    finally:
        engine.dispose()
