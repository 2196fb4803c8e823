"""The memory table's statements; the store runs them in its connections and transactions.

Model outputs are only added where nothing is stored; approved edits replace
whatever is, so they win. Both need INSERT … ON CONFLICT, which SQLite and
PostgreSQL spell the same but SQLAlchemy builds per dialect.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import Connection, delete, select
from sqlalchemy.dialects import postgresql, sqlite

from service.store.memory import MemoryHit, memory_key, normalise
from service.store.schema import memory

LOOKUP_CHUNK = 500  # keys per IN (...) query, well under every database's parameter limit
KEY = [memory.c.key, memory.c.model, memory.c.glossary_version]


def lookup(
    connection: Connection, keys: Iterable[str], model: str, glossary_version: str
) -> dict[str, MemoryHit]:
    found: dict[str, MemoryHit] = {}
    ordered = sorted(keys)
    for start in range(0, len(ordered), LOOKUP_CHUNK):
        rows = connection.execute(
            select(memory.c.key, memory.c.target, memory.c.score, memory.c.origin).where(
                memory.c.key.in_(ordered[start : start + LOOKUP_CHUNK]),
                memory.c.model == model,
                memory.c.glossary_version == glossary_version,
            )
        )
        found.update({row.key: MemoryHit(row.target, row.score, row.origin) for row in rows})
    return found


def add(
    connection: Connection,
    entries: dict[str, tuple[str, str, float | None]],
    model: str,
    glossary_version: str,
    now: datetime,
) -> None:
    rows = [
        {
            "key": key,
            "model": model,
            "glossary_version": glossary_version,
            "source": source,
            "target": target,
            "score": score,
            "origin": "memory",
            "updated": now,
        }
        for key, (source, target, score) in entries.items()
    ]
    connection.execute(insert(connection).on_conflict_do_nothing(index_elements=KEY), rows)


def approve(
    connection: Connection,
    *,
    source: str,
    target: str,
    model: str,
    glossary_version: str,
    target_lang: str = "en",
    now: datetime,
) -> None:
    statement = insert(connection).values(
        key=memory_key(source, target_lang),
        model=model,
        glossary_version=glossary_version,
        source=normalise(source),
        target=target,
        score=None,
        origin="approved",
        updated=now,
    )
    replaced = {name: statement.excluded[name] for name in ("target", "score", "origin", "updated")}
    connection.execute(statement.on_conflict_do_update(index_elements=KEY, set_=replaced))


def withdraw(
    connection: Connection,
    *,
    source: str,
    target: str,
    model: str,
    glossary_version: str,
    target_lang: str = "en",
) -> None:
    """Forget an approval taken back, unless the memory already holds another one."""
    connection.execute(
        delete(memory).where(
            memory.c.key == memory_key(source, target_lang),
            memory.c.model == model,
            memory.c.glossary_version == glossary_version,
            memory.c.origin == "approved",
            memory.c.target == target,
        )
    )


def insert(connection: Connection) -> sqlite.Insert | postgresql.Insert:
    dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
    return dialect.insert(memory)
