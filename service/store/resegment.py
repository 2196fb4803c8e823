"""The store's side of a split or merge: new segments take the place of old ones.

One transaction: the article's document gets the new segments where the old
ones were, the old segments' rows (state, flags, history) go, the new ones'
rows come, positions are renumbered and the article's status recomputed.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import bindparam, delete, insert, select, update

from service.document import Segment
from service.errors import EditConflict
from service.store.articles import (
    Store,
    article_not_found,
    article_status,
    lock_article,
    segment_row,
    stale_version,
    stored_document,
)
from service.store.schema import articles, segment_flags, segment_history, segments


def replace_segments(
    store: Store,
    article_id: str,
    old: list[Segment],
    new: list[Segment],
    expected: frozenset[int] | None = None,
) -> None:
    """Put ``new`` where the consecutive segments ``old`` are, unless the article changed;
    ``expected``: the version of the first one the editor read (If-Match)."""
    now = datetime.now(UTC)
    old_ids = [segment.id for segment in old]
    with store.writing() as connection:
        # Another server may be splitting or editing this article too: the lock makes the
        # document read here the latest, and no one rewrites it from an older copy meanwhile.
        lock_article(connection, article_id)
        row = connection.execute(
            select(articles.c.document).where(articles.c.id == article_id)
        ).one_or_none()
        if row is None:
            raise article_not_found(article_id)
        document = stored_document(article_id, row.document)
        states = {
            state.segment_id: state
            for state in connection.execute(
                select(
                    segments.c.segment_id,
                    segments.c.source,
                    segments.c.target,
                    segments.c.status,
                    segments.c.version,
                ).where(segments.c.article_id == article_id)
            )
        }
        first = states.get(old[0].id)
        if expected is not None and first is not None and first.version not in expected:
            raise stale_version(article_id, first)
        replaced = False
        for block in document.blocks:
            ids = [segment.id for segment in block.segments]
            if old_ids[0] in ids:
                at = ids.index(old_ids[0])
                replaced = ids[at : at + len(old_ids)] == old_ids
                block.segments[at : at + len(old_ids)] = new
        unchanged = all(
            segment.id in states and states[segment.id].source == segment.source for segment in old
        )
        if not (replaced and unchanged) or any(segment.id in states for segment in new):
            raise EditConflict(
                f"the segments {', '.join(old_ids)} of article {article_id!r} changed "
                "meanwhile; reload the article and try again",
                detail={"article_id": article_id, "segment_ids": old_ids},
            )
        for table in (segment_history, segment_flags, segments):
            connection.execute(
                delete(table).where(
                    table.c.article_id == article_id, table.c.segment_id.in_(old_ids)
                )
            )
        connection.execute(insert(segments), [segment_row(article_id, 0, s, now) for s in new])
        flags = [
            {"article_id": article_id, "segment_id": segment.id, "flag": flag}
            for segment in new
            for flag in dict.fromkeys(segment.flags)
        ]
        if flags:
            connection.execute(insert(segment_flags), flags)
        connection.execute(
            update(segments)
            .where(
                segments.c.article_id == article_id,
                segments.c.segment_id == bindparam("moved_id"),
            )
            .values(position=bindparam("moved_position")),
            [
                {"moved_id": segment.id, "moved_position": position}
                for position, segment in enumerate(document.segments())
            ],
        )
        statuses = [states[s.id].status for s in document.segments() if s.id in states]
        approved = statuses.count("approved") + sum(s.status == "approved" for s in new)
        connection.execute(
            update(articles)
            .where(articles.c.id == article_id)
            .values(
                document=document.model_dump(mode="json"),
                status=article_status(approved, len(document.segments())),
                updated=now,
                version=articles.c.version + 1,
            )
        )
