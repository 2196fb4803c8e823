"""Stored glossaries: put (replace whole, in one transaction), get, list, delete.

A glossary is one row holding all its entries, so a reader sees the old
glossary or the new one, never half of each.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, delete, insert, select

from glossary import Entry, Glossary
from service.store.schema import glossaries


@dataclass(frozen=True)
class GlossaryInfo:
    name: str
    version: str
    entries: int
    updated: datetime


def put(connection: Connection, glossary: Glossary) -> None:
    connection.execute(delete(glossaries).where(glossaries.c.name == glossary.name))
    connection.execute(
        insert(glossaries).values(
            name=glossary.name,
            version=glossary.version,
            entries=[entry.as_dict() for entry in glossary.entries],
            updated=datetime.now(UTC),
        )
    )


def get(connection: Connection, name: str) -> Glossary | None:
    row = connection.execute(select(glossaries.c.entries).where(glossaries.c.name == name)).first()
    if row is None:
        return None
    entries = tuple(Entry(**{**entry, "context": tuple(entry["context"])}) for entry in row.entries)
    return Glossary(name, entries)


def listing(connection: Connection) -> list[GlossaryInfo]:
    rows = connection.execute(
        select(
            glossaries.c.name, glossaries.c.version, glossaries.c.entries, glossaries.c.updated
        ).order_by(glossaries.c.name)
    )
    return [GlossaryInfo(row.name, row.version, len(row.entries), row.updated) for row in rows]


def remove(connection: Connection, name: str) -> bool:
    return connection.execute(delete(glossaries).where(glossaries.c.name == name)).rowcount > 0
