"""Storing a new German version of an article, and reading the versions it had.

``replace_version`` swaps an article's German, document and segments for a
new version's in one transaction, under the article's row lock and only if
the article is still at the version the new one was built on (else
``PreconditionFailed``, nothing written). What it keeps:

* every segment's row state for the new segment that continues it (its
  ``version``, ``updated`` and any column the store has, such as findings),
  under the new segment's id and position;
* every segment's history, moved to the new id; a changed sentence's history
  gains its previous English with the German it translated (``source``);
* ``article_revisions``: one row per version, written when it is made; the
  superseded one's document becomes the article as it was at that moment.

What the new version keeps or translates is decided above the store
(``service.desk.revise``); this module only writes and reads it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from service.document import AlignedDocument, RevisionSummary
from service.errors import NotFound, PreconditionFailed
from service.store.articles import (
    article_not_found,
    article_status,
    lock_article,
    segment_row,
)
from service.store.rows import as_utc
from service.store.schema import (
    article_revisions,
    articles,
    segment_flags,
    segment_history,
    segments,
)


@dataclass(frozen=True)
class RevisionInfo:
    number: int
    created: datetime
    summary: RevisionSummary | None  # what it changed against the one before; none for 1


@dataclass(frozen=True)
class NewVersion:
    """A new version as the desk built it, on the article at ``base_version``."""

    base_version: int  # the article's version (ETag) it was built on
    previous: AlignedDocument  # the article as it is now (reviewed), kept as its revision
    document: AlignedDocument  # the new one, every segment in its current state
    source_text: str
    fmt: str
    title: str | None
    continues: Mapping[str, str]  # new segment id -> the old segment id it continues
    changed: frozenset[str]  # new segment ids whose German changed


def replace_version(
    connection: Connection, article_id: str, new: NewVersion, now: datetime
) -> None:
    """Write ``new`` over the article in the transaction of ``connection``."""
    lock_article(connection, article_id)
    row = connection.execute(select(articles).where(articles.c.id == article_id)).one_or_none()
    if row is None:
        raise article_not_found(article_id)
    if row.version != new.base_version:
        raise stale_article(article_id, row.version)
    number = row.revision + 1
    keep_revision(connection, row, new.previous)
    connection.execute(
        insert(article_revisions).values(
            article_id=article_id,
            number=number,
            created=now,
            source_text=new.source_text,
            document=new.document.model_dump(mode="json"),
            summary=summary_json(new.document),
        )
    )

    old_rows = {
        state.segment_id: dict(state._mapping)
        for state in connection.execute(select(segments).where(segments.c.article_id == article_id))
    }
    old_history = connection.execute(
        select(segment_history)
        .where(segment_history.c.article_id == article_id)
        .order_by(segment_history.c.id)
    ).all()
    for table in (segment_history, segment_flags, segments):
        connection.execute(delete(table).where(table.c.article_id == article_id))

    rows, history = [], []
    for position, segment in enumerate(new.document.segments()):
        fresh = segment_row(article_id, position, segment, now)
        old_id = new.continues.get(segment.id)
        if old_id is None:
            rows.append({**fresh, "version": 1})
            continue
        old = old_rows[old_id]
        history += [
            {**entry._mapping, "segment_id": segment.id}
            for entry in old_history
            if entry.segment_id == old_id
        ]
        if segment.id in new.changed:
            history.append(
                {
                    "article_id": article_id,
                    "segment_id": segment.id,
                    "target": old["target"],
                    "status": old["status"],
                    "origin": old["origin"],
                    "source": old["source"],
                    "replaced": now,
                }
            )
            rows.append({**fresh, "version": old["version"] + 1})
        else:  # the same sentence: its row as it was, under its new id and place
            rows.append({**old, **fresh, "version": old["version"], "updated": old["updated"]})
    for entry in history:
        entry.pop("id", None)  # numbered afresh, in the same order
    if rows:
        connection.execute(insert(segments), rows)
    if history:
        connection.execute(insert(segment_history), history)
    flags = [
        {"article_id": article_id, "segment_id": segment.id, "flag": flag}
        for segment in new.document.segments()
        for flag in dict.fromkeys(segment.flags)
    ]
    if flags:
        connection.execute(insert(segment_flags), flags)
    approved = sum(segment.status == "approved" for segment in new.document.segments())
    connection.execute(
        update(articles)
        .where(articles.c.id == article_id)
        .values(
            title=new.title if new.title is not None else row.title,
            format=new.fmt,
            source_text=new.source_text,
            document=new.document.model_dump(mode="json"),
            status=article_status(approved, len(rows)),
            updated=now,
            version=row.version + 1,
            revision=number,
        )
    )


def keep_revision(connection: Connection, row: Any, current: AlignedDocument) -> None:
    """The version being replaced, as it is now: its row's document brought up to date
    (the first version's row is written only now)."""
    document = current.model_dump(mode="json")
    where = (
        article_revisions.c.article_id == row.id,
        article_revisions.c.number == row.revision,
    )
    updated = connection.execute(update(article_revisions).where(*where).values(document=document))
    if updated.rowcount == 0:
        connection.execute(
            insert(article_revisions).values(
                article_id=row.id,
                number=row.revision,
                created=row.created,
                source_text=row.source_text,
                document=document,
                summary=summary_json(current),
            )
        )


def summary_json(document: AlignedDocument) -> dict[str, Any] | None:
    summary = document.revision_summary
    return summary.model_dump(mode="json") if summary else None


def listing(connection: Connection, article_id: str) -> list[RevisionInfo]:
    """Every version of the article, oldest first; one that was never updated has one."""
    article = connection.execute(
        select(articles.c.created, articles.c.revision).where(articles.c.id == article_id)
    ).one_or_none()
    if article is None:
        raise article_not_found(article_id)
    rows = connection.execute(
        select(article_revisions.c.number, article_revisions.c.created, article_revisions.c.summary)
        .where(article_revisions.c.article_id == article_id)
        .order_by(article_revisions.c.number)
    ).all()
    if not rows:
        return [RevisionInfo(1, as_utc(article.created), None)]
    return [
        RevisionInfo(
            row.number,
            as_utc(row.created),
            RevisionSummary.model_validate(row.summary) if row.summary else None,
        )
        for row in rows
    ]


def stored_revision(connection: Connection, article_id: str, number: int) -> AlignedDocument | None:
    """A superseded version's document as it was when replaced; None for the current one
    (the article itself is that) or one that was never written."""
    document = connection.execute(
        select(article_revisions.c.document).where(
            article_revisions.c.article_id == article_id,
            article_revisions.c.number == number,
        )
    ).scalar_one_or_none()
    current = connection.execute(
        select(articles.c.revision).where(articles.c.id == article_id)
    ).scalar_one_or_none()
    if current is None:
        raise article_not_found(article_id)
    if number == current:
        return None
    if document is None:
        raise NotFound(
            f"article {article_id!r} has no revision {number}",
            detail={"article_id": article_id, "revision": number, "latest": current},
        )
    return AlignedDocument.model_validate({**document, "id": article_id})


def stale_article(article_id: str, version: int) -> PreconditionFailed:
    return PreconditionFailed(
        f"article {article_id!r} is at version {version}: it changed since you read it",
        detail={"article_id": article_id, "version": version},
    )
