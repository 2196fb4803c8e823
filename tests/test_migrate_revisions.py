"""Migration 0003: article revisions, up from 0002 with rows kept, and down again."""

from __future__ import annotations

from datetime import UTC, datetime

from alembic import command
from sqlalchemy import Engine, inspect, text

from service.store import migrate
from service.store.schema import create_db_engine

NOW = datetime(2024, 5, 1, tzinfo=UTC)


def migrate_to(engine: Engine, target: str, *, down: bool = False) -> None:
    with engine.begin() as connection:
        alembic = migrate.config()
        alembic.attributes["connection"] = connection
        (command.downgrade if down else command.upgrade)(alembic, target)


def columns(engine: Engine, table: str) -> set[str]:
    return {column["name"] for column in inspect(engine).get_columns(table)}


def fill(engine: Engine) -> None:
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO articles (id, title, created, updated, status, format, model,"
                " source_text, document, version) VALUES ('a1', 'Titel', :now, :now, 'draft',"
                " 'text', 'toy', 'Ein Satz.', '{}', 3)"
            ),
            {"now": NOW},
        )
        connection.execute(
            text(
                "INSERT INTO segments (article_id, segment_id, position, source, target, status,"
                " origin, flags, terms, updated) VALUES ('a1', 'b0s0', 0, 'Ein Satz.',"
                " 'A sentence.', 'approved', 'edited', '[]', '[]', :now)"
            ),
            {"now": NOW},
        )


def test_revisions_migrate_up_with_rows_at_revision_one_and_down_again(database_url: str) -> None:
    engine = create_db_engine(database_url)
    try:
        migrate_to(engine, "0002")
        fill(engine)
        assert "article_revisions" not in inspect(engine).get_table_names()

        migrate_to(engine, "0003")
        assert "revision" in columns(engine, "articles")
        assert "source" in columns(engine, "segment_history")
        assert {"article_id", "number", "created", "source_text", "document", "summary"} == (
            columns(engine, "article_revisions")
        )
        with engine.begin() as connection:
            assert connection.execute(text("SELECT revision, version FROM articles")).all() == [
                (1, 3)
            ]
            connection.execute(
                text(
                    "INSERT INTO article_revisions (article_id, number, created, source_text,"
                    " document) VALUES ('a1', 1, :now, 'Ein Satz.', '{}')"
                ),
                {"now": NOW},
            )

        migrate_to(engine, "0002", down=True)
        assert "article_revisions" not in inspect(engine).get_table_names()
        assert "revision" not in columns(engine, "articles")
        assert "source" not in columns(engine, "segment_history")
        with engine.connect() as connection:
            assert connection.execute(text("SELECT title, version FROM articles")).all() == [
                ("Titel", 3)
            ]
            assert connection.execute(text("SELECT target FROM segments")).scalars().all() == [
                "A sentence."
            ]
    finally:
        engine.dispose()
