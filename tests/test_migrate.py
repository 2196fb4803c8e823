"""Schema migrations: a store's database is Alembic's head, equal to the tables in the code."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, func, insert, inspect, select

from service.store import migrate
from service.store.articles import Store
from service.store.schema import (
    articles,
    create_db_engine,
    glossaries,
    job_items,
    jobs,
    metadata,
    segments,
)

NOW = datetime(2024, 5, 1, tzinfo=UTC)


def differences(engine: Engine) -> list[object]:
    with engine.connect() as connection:
        return list(compare_metadata(MigrationContext.configure(connection), metadata))


def revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return migrate.revision(connection)


def test_a_new_database_is_migrated_to_exactly_the_schema_in_the_code(database_url: str) -> None:
    store = Store(database_url)
    try:
        assert migrate.head() is not None
        assert revision(store.engine) == migrate.head()
        assert differences(store.engine) == []
    finally:
        store.close()


def fill(engine: Engine) -> None:
    """Rows as the store wrote them before migrations: an article, its segment, a glossary."""
    document = {"id": "a1", "model": "toy", "blocks": [], "target_text": "", "target_document": ""}
    with engine.begin() as connection:
        connection.execute(
            insert(articles).values(
                id="a1",
                title="Titel",
                created=NOW,
                updated=NOW,
                status="draft",
                format="text",
                model="toy",
                source_text="Ein Satz.",
                document=document,
            )
        )
        connection.execute(
            insert(segments).values(
                article_id="a1",
                segment_id="b0s0",
                position=0,
                source="Ein Satz.",
                target="A sentence.",
                status="draft",
                origin="model",
                flags=[],
                terms=[],
                updated=NOW,
            )
        )
        connection.execute(
            insert(glossaries).values(name="news", version="v1", entries=[], updated=NOW)
        )


def assert_filled(engine: Engine) -> None:
    with engine.connect() as connection:
        assert connection.execute(select(articles.c.title)).scalars().all() == ["Titel"]
        assert connection.execute(select(segments.c.target)).scalars().all() == ["A sentence."]
        assert connection.execute(select(glossaries.c.version)).scalars().all() == ["v1"]


def test_a_database_made_before_migrations_is_adopted_with_its_rows(database_url: str) -> None:
    old = create_db_engine(database_url)
    metadata.create_all(old)  # what Store() did before migrations
    fill(old)
    assert revision(old) is None
    old.dispose()

    store = Store(database_url)
    try:
        assert revision(store.engine) == migrate.head()
        assert differences(store.engine) == []
        assert_filled(store.engine)
    finally:
        store.close()


def test_a_database_older_than_the_job_tables_gets_them(database_url: str) -> None:
    old = create_db_engine(database_url)
    metadata.create_all(
        old, tables=[t for t in metadata.sorted_tables if t not in (jobs, job_items)]
    )
    fill(old)
    old.dispose()

    store = Store(database_url)
    try:
        assert {"jobs", "job_items"} <= set(inspect(store.engine).get_table_names())
        assert differences(store.engine) == []
        assert_filled(store.engine)
    finally:
        store.close()


def test_stores_starting_together_migrate_once(database_url: str) -> None:
    start = threading.Barrier(4)
    failures: list[BaseException] = []
    stores: list[Store] = []

    def open_store() -> None:
        start.wait()
        try:
            stores.append(Store(database_url))
        except BaseException as error:  # reported below, with the others
            failures.append(error)

    threads = [threading.Thread(target=open_store) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    try:
        assert failures == []
        with stores[0].engine.connect() as connection:
            versions = connection.exec_driver_sql("SELECT version_num FROM alembic_version")
            assert versions.scalars().all() == [migrate.head()]
            assert connection.execute(select(func.count()).select_from(articles)).scalar() == 0
        assert differences(stores[0].engine) == []
    finally:
        for store in stores:
            store.close()


def test_a_database_at_the_first_revision_gets_versions_for_its_rows(database_url: str) -> None:
    old = create_db_engine(database_url)
    with old.begin() as connection:
        alembic = migrate.config()
        alembic.attributes["connection"] = connection
        command.upgrade(alembic, "0001")
    fill(old)
    old.dispose()

    store = Store(database_url)
    try:
        assert revision(store.engine) == migrate.head()
        assert differences(store.engine) == []
        assert_filled(store.engine)
        assert store.article("a1").version == 1
    finally:
        store.close()
