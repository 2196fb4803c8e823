"""Migration 0004: segments' findings, up from 0003 with rows kept (NULL findings), and down."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from alembic import command
from sqlalchemy import Engine, inspect, text

from service.store import migrate
from service.store.schema import create_db_engine

NOW = datetime(2024, 5, 1, tzinfo=UTC)
FINDING = {
    "flag": "number_mismatch",
    "source_span": [9, 13],
    "target_span": None,
    "message": "the year 2025 of the German is missing in the English",
}


def migrate_to(engine: Engine, target: str, *, down: bool = False) -> None:
    with engine.begin() as connection:
        alembic = migrate.config()
        alembic.attributes["connection"] = connection
        (command.downgrade if down else command.upgrade)(alembic, target)


def columns(engine: Engine, table: str) -> set[str]:
    return {column["name"] for column in inspect(engine).get_columns(table)}


def test_findings_migrate_up_with_rows_kept_and_down_again(database_url: str) -> None:
    engine = create_db_engine(database_url)
    try:
        migrate_to(engine, "0003")
        assert "findings" not in columns(engine, "segments")
        with engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO articles (id, title, created, updated, status, format, model,"
                    " source_text, document) VALUES ('a1', 'Titel', :now, :now, 'draft',"
                    " 'text', 'toy', 'Am 3. Oktober 2025.', '{}')"
                ),
                {"now": NOW},
            )
            connection.execute(
                text(
                    "INSERT INTO segments (article_id, segment_id, position, source, target,"
                    " status, origin, flags, terms, updated) VALUES ('a1', 'b0s0', 0,"
                    " 'Am 3. Oktober 2025.', 'On 3 October.', 'draft', 'model', '[]', '[]', :now)"
                ),
                {"now": NOW},
            )

        migrate_to(engine, "0004")
        assert "findings" in columns(engine, "segments")
        with engine.begin() as connection:
            assert connection.execute(text("SELECT findings FROM segments")).all() == [(None,)]
            connection.execute(
                text("UPDATE segments SET findings = :findings"),
                {"findings": json.dumps([FINDING])},
            )
            stored = connection.execute(text("SELECT findings FROM segments")).scalar_one()
        assert (json.loads(stored) if isinstance(stored, str) else stored) == [FINDING]

        migrate_to(engine, "0003", down=True)
        assert "findings" not in columns(engine, "segments")
        with engine.connect() as connection:
            assert connection.execute(text("SELECT target FROM segments")).all() == [
                ("On 3 October.",)
            ]
    finally:
        engine.dispose()
