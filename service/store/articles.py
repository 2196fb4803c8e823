"""The article store: articles, their segments with edit history, and the translation memory.

It only persists: what an edit makes of a segment (origin, flags, where localisation
changes moved, whether the memory learns it) is decided above it, in
``service.desk.segments``, and handed in as a ``SegmentWrite``; the English text of a
reviewed article is rendered there too (``service.desk.articles``).

SQLAlchemy Core over SQLite (WAL) or PostgreSQL (the tables are in
``service.store.schema``). Every write is one transaction, taken under one
writer lock (SQLite has a single writer; waiting on a lock beats failing on
"database is locked"), so a request that fails leaves nothing behind. Reads
use their own connections and do not wait for writers.
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal, TypeVar

from pydantic import BaseModel
from sqlalchemy import Connection, Row, case, delete, func, insert, or_, select, update

from glossary import Glossary
from service.document import AlignedDocument, Finding, Localisation, Segment, Term
from service.errors import NotFound, PreconditionFailed
from service.store import glossaries as store_glossaries
from service.store import memory_rows as store_memory
from service.store import migrate
from service.store.memory import MemoryHit
from service.store.rows import as_utc, from_row
from service.store.schema import (
    BUSY_TIMEOUT_S,
    article_revisions,
    articles,
    create_db_engine,
    segment_flags,
    segment_history,
    segments,
)

ArticleStatus = Literal["draft", "in_review", "approved"]
M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class SegmentWrite:
    """What an edit makes of a segment, as decided above the store: the segment as it is
    to be stored (target, status, origin, flags, terms, findings, localisation), and
    whether the memory learns its target (``approve``) or forgets the previous one
    (``withdraw``)."""

    segment: Segment
    memory: Literal["approve", "withdraw"] | None = None


# Given the segment as it is now (read inside the write's transaction), what it becomes.
Revise = Callable[[Segment], SegmentWrite]


@dataclass(frozen=True)
class ArticleSummary:
    id: str
    title: str | None
    created: datetime
    updated: datetime
    status: ArticleStatus
    format: str
    model: str
    segments: int
    approved: int
    flags: list[str]
    flagged: int = 0  # segments with a flag


@dataclass(frozen=True)
class StoredArticle:
    id: str
    title: str | None
    created: datetime
    updated: datetime
    status: ArticleStatus
    format: str
    source_text: str
    document: AlignedDocument  # with every segment's current target and status
    version: int  # grows with every change to its segments: the article's ETag


@dataclass(frozen=True)
class HistoryEntry:
    target: str
    status: str
    origin: str
    replaced: datetime
    source: str | None = None  # the German it translated, where a new version changed it


@dataclass(frozen=True)
class StoredSegment:
    segment: Segment
    history: list[HistoryEntry]  # oldest first


class Store:
    def __init__(self, url: str, busy_timeout_s: float = BUSY_TIMEOUT_S) -> None:
        self.engine = create_db_engine(url, busy_timeout_s)
        self._writer = threading.Lock()
        migrate.upgrade(self.engine)  # the schema is Alembic's (service/migrations)

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        """One write transaction: committed when the block ends, rolled back when it raises.

        On SQLite it holds the database's write lock from its first statement: the
        driver would begin the transaction only at the first write, after reads that
        another process's commit could have made stale.
        """
        with self._writer, self.engine.begin() as connection:
            if self.engine.dialect.name == "sqlite":
                connection.exec_driver_sql("BEGIN IMMEDIATE")
            yield connection

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """One read transaction: all its statements see the same committed version, so a
        split or merge another request commits meanwhile is seen whole or not at all."""
        with self.engine.begin() as connection:
            if self.engine.dialect.name == "sqlite":
                connection.exec_driver_sql("BEGIN")  # the driver alone reads in autocommit
            else:  # read committed, PostgreSQL's default, gives each statement its own
                connection.exec_driver_sql(
                    "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"
                )
            yield connection

    def add_article(
        self, document: AlignedDocument, *, title: str | None, source_text: str, fmt: str
    ) -> StoredArticle:
        article_id = secrets.token_hex(8)
        now = datetime.now(UTC)
        document = document.model_copy(update={"id": article_id})
        rows = [
            segment_row(article_id, position, segment, now)
            for position, segment in enumerate(document.segments())
        ]
        flags = [
            {"article_id": article_id, "segment_id": segment.id, "flag": flag}
            for segment in document.segments()
            for flag in dict.fromkeys(segment.flags)
        ]
        approved = sum(segment.status == "approved" for segment in document.segments())
        with self.writing() as connection:
            connection.execute(
                insert(articles).values(
                    id=article_id,
                    title=title,
                    created=now,
                    updated=now,
                    status=article_status(approved, len(rows)),
                    format=fmt,
                    model=document.model,
                    glossary_name=document.glossary.name if document.glossary else None,
                    glossary_version=document.glossary.version if document.glossary else None,
                    source_text=source_text,
                    document=document.model_dump(mode="json"),
                )
            )
            if rows:
                connection.execute(insert(segments), rows)
            if flags:
                connection.execute(insert(segment_flags), flags)
        return self.article(article_id)

    def article(self, article_id: str) -> StoredArticle:
        with self.reading() as connection:
            row = connection.execute(
                select(articles).where(articles.c.id == article_id)
            ).one_or_none()
            if row is None:
                raise article_not_found(article_id)
            states = connection.execute(
                select(segments).where(segments.c.article_id == article_id)
            ).all()
        return from_row(StoredArticle, row, document=current_document(row, states))

    def articles(
        self,
        *,
        status: ArticleStatus | None,
        flag: str | None,
        limit: int,
        offset: int,
        text: str | None = None,
    ) -> tuple[list[ArticleSummary], int]:
        """A page of articles, newest first, and how many match in all.

        ``text`` matches, ignoring case, the title, the German or the current English.
        """
        query = select(*(articles.c[name] for name in SUMMARY_COLUMNS))
        if status:
            query = query.where(articles.c.status == status)
        if flag:
            flagged = select(segment_flags.c.article_id).where(segment_flags.c.flag == flag)
            query = query.where(articles.c.id.in_(flagged))
        if text:
            needle = text.lower()
            in_target = select(segments.c.article_id).where(
                func.lower(segments.c.target).contains(needle, autoescape=True)
            )
            query = query.where(
                or_(
                    func.lower(articles.c.title).contains(needle, autoescape=True),
                    func.lower(articles.c.source_text).contains(needle, autoescape=True),
                    articles.c.id.in_(in_target),
                )
            )
        with self.reading() as connection:
            total = connection.execute(
                select(func.count()).select_from(query.subquery())
            ).scalar_one()
            rows = connection.execute(
                query.order_by(articles.c.created.desc(), articles.c.id.desc())
                .limit(limit)
                .offset(offset)
            ).all()
            ids = [row.id for row in rows]
            counts = {
                article_id: (total_segments, approved)
                for article_id, total_segments, approved in connection.execute(
                    select(
                        segments.c.article_id,
                        func.count(),
                        func.sum(case((segments.c.status == "approved", 1), else_=0)),
                    )
                    .where(segments.c.article_id.in_(ids))
                    .group_by(segments.c.article_id)
                )
            }
            flagged_segments = {
                article_id: int(count)
                for article_id, count in connection.execute(
                    select(
                        segment_flags.c.article_id,
                        func.count(segment_flags.c.segment_id.distinct()),
                    )
                    .where(segment_flags.c.article_id.in_(ids))
                    .group_by(segment_flags.c.article_id)
                )
            }
            flags: dict[str, list[str]] = {}
            for article_id, name in connection.execute(
                select(segment_flags.c.article_id, segment_flags.c.flag)
                .where(segment_flags.c.article_id.in_(ids))
                .distinct()
                .order_by(segment_flags.c.flag)
            ):
                flags.setdefault(article_id, []).append(name)
        summaries = [
            from_row(
                ArticleSummary,
                row,
                segments=int(counts.get(row.id, (0, 0))[0]),
                approved=int(counts.get(row.id, (0, 0))[1] or 0),
                flags=flags.get(row.id, []),
                flagged=flagged_segments.get(row.id, 0),
            )
            for row in rows
        ]
        return summaries, total

    def delete_article(self, article_id: str) -> None:
        # Children first and by hand: SQLite enforces ON DELETE CASCADE only when told to.
        with self.writing() as connection:
            for table in (segment_history, segment_flags, segments, article_revisions):
                connection.execute(delete(table).where(table.c.article_id == article_id))
            deleted = connection.execute(delete(articles).where(articles.c.id == article_id))
            if deleted.rowcount == 0:
                raise article_not_found(article_id)

    def segment(self, article_id: str, segment_id: str) -> StoredSegment:
        with self.reading() as connection:
            return self._stored_segment(connection, article_id, segment_id)

    def _stored_segment(
        self, connection: Connection, article_id: str, segment_id: str
    ) -> StoredSegment:
        state = self._segment_state(connection, article_id, segment_id)
        history = connection.execute(
            select(segment_history)
            .where(
                segment_history.c.article_id == article_id,
                segment_history.c.segment_id == segment_id,
            )
            .order_by(segment_history.c.id)
        ).all()
        return StoredSegment(
            segment=current_segment(article_id, state),
            history=[
                HistoryEntry(row.target, row.status, row.origin, as_utc(row.replaced), row.source)
                for row in history
            ],
        )

    def histories(self, article_id: str) -> dict[str, list[HistoryEntry]]:
        """Every segment's earlier targets (oldest first), by segment id."""
        with self.reading() as connection:
            rows = connection.execute(
                select(segment_history)
                .where(segment_history.c.article_id == article_id)
                .order_by(segment_history.c.id)
            ).all()
        found: dict[str, list[HistoryEntry]] = {}
        for row in rows:
            found.setdefault(row.segment_id, []).append(
                HistoryEntry(row.target, row.status, row.origin, as_utc(row.replaced), row.source)
            )
        return found

    def write_segment(
        self,
        article_id: str,
        segment_id: str,
        revise: Revise,
        *,
        expected: frozenset[int] | None = None,
    ) -> StoredSegment:
        """Write an edit in one transaction: the previous target goes to the history, the
        segment becomes what ``revise`` makes of it as it is now, the memory learns or
        forgets as it says. ``expected`` is the version the editor read (If-Match):
        another one is ``PreconditionFailed``, and nothing changes."""
        now = datetime.now(UTC)
        with self.writing() as connection:
            lock_article(connection, article_id)
            state = self._segment_state(connection, article_id, segment_id)
            if expected is not None and state.version not in expected:
                raise stale_version(article_id, state)
            change = revise(current_segment(article_id, state))
            new = change.segment
            if new.target == state.target and new.status == state.status:
                # an edit that changes nothing is no edit: no history, the same version
                return self._stored_segment(connection, article_id, segment_id)
            where = (segments.c.article_id == article_id, segments.c.segment_id == segment_id)
            connection.execute(
                insert(segment_history).values(
                    article_id=article_id,
                    segment_id=segment_id,
                    target=state.target,
                    status=state.status,
                    origin=state.origin,
                    replaced=now,
                )
            )
            connection.execute(
                update(segments)
                .where(*where)
                .values(
                    target=new.target,
                    status=new.status,
                    origin=new.origin,
                    score=new.score,
                    flags=new.flags,
                    terms=dumped(new.terms),
                    findings=dumped(new.findings),
                    localisation=dumped(new.localisation),
                    updated=now,
                    version=state.version + 1,
                )
            )
            connection.execute(
                delete(segment_flags).where(
                    segment_flags.c.article_id == article_id,
                    segment_flags.c.segment_id == segment_id,
                )
            )
            if new.flags:
                connection.execute(
                    insert(segment_flags),
                    [
                        {"article_id": article_id, "segment_id": segment_id, "flag": flag}
                        for flag in dict.fromkeys(new.flags)
                    ],
                )
            memory_key = {
                "source": state.source,
                "model": state.model,
                "glossary_version": state.glossary_version or "",
                "target_lang": state.document.get("target_lang", "en"),
            }
            if change.memory == "approve":
                store_memory.approve(connection, target=new.target, now=now, **memory_key)
            elif change.memory == "withdraw":
                store_memory.withdraw(connection, target=state.target, **memory_key)
            total, approved = connection.execute(
                select(
                    func.count(), func.sum(case((segments.c.status == "approved", 1), else_=0))
                ).where(segments.c.article_id == article_id)
            ).one()
            connection.execute(
                update(articles)
                .where(articles.c.id == article_id)
                .values(
                    status=article_status(int(approved or 0), int(total)),
                    updated=now,
                    version=articles.c.version + 1,
                )
            )
            # read here: once committed, a split could remove the segment before a re-read
            return self._stored_segment(connection, article_id, segment_id)

    def put_glossary(self, glossary: Glossary) -> bool:
        """Store ``glossary`` under its name, replacing a previous one; True if it is new."""
        with self.writing() as connection:
            created = store_glossaries.get(connection, glossary.name) is None
            store_glossaries.put(connection, glossary)
        return created

    def glossary(self, name: str) -> Glossary | None:
        with self.engine.connect() as connection:
            return store_glossaries.get(connection, name)

    def glossaries(self) -> list[store_glossaries.GlossaryInfo]:
        with self.engine.connect() as connection:
            return store_glossaries.listing(connection)

    def delete_glossary(self, name: str) -> bool:
        with self.writing() as connection:
            return store_glossaries.remove(connection, name)

    def memory_lookup(
        self, keys: Iterable[str], model: str, glossary_version: str
    ) -> dict[str, MemoryHit]:
        with self.engine.connect() as connection:
            return store_memory.lookup(connection, keys, model, glossary_version)

    def memory_add(
        self,
        entries: dict[str, tuple[str, str, float | None]],
        model: str,
        glossary_version: str,
    ) -> None:
        """Add model outputs (key → (normalised source, target, score)) where none is stored."""
        with self.writing() as connection:
            store_memory.add(connection, entries, model, glossary_version, datetime.now(UTC))

    @staticmethod
    def _segment_state(connection: Connection, article_id: str, segment_id: str) -> Row[Any]:
        query = (
            select(segments, articles.c.model, articles.c.glossary_version, articles.c.document)
            .join(articles, articles.c.id == segments.c.article_id)
            .where(segments.c.article_id == article_id, segments.c.segment_id == segment_id)
        )
        state = connection.execute(query).one_or_none()
        if state is not None:
            return state
        exists = connection.execute(
            select(articles.c.id).where(articles.c.id == article_id)
        ).one_or_none()
        if exists is None:
            raise article_not_found(article_id)
        raise NotFound(
            f"article {article_id!r} has no segment {segment_id!r}",
            detail={"article_id": article_id, "segment_id": segment_id},
        )


SUMMARY_COLUMNS = ("id", "title", "created", "updated", "status", "format", "model")


def article_status(approved: int, total: int) -> ArticleStatus:
    if total and approved == total:
        return "approved"
    return "in_review" if approved else "draft"


def lock_article(connection: Connection, article_id: str) -> None:
    """Hold the article's row until the transaction ends (PostgreSQL; SQLite locks it all).

    Every change to an article's segments takes this lock first: two servers on one
    database then change one article in turn, each reading what the other committed,
    and always in the same order (article, then segments), so they never deadlock.
    """
    connection.execute(select(articles.c.id).where(articles.c.id == article_id).with_for_update())


def stale_version(article_id: str, current: Any) -> PreconditionFailed:
    """An edit based on an older version of a segment; ``current`` (a segment row or a
    ``Segment``) is what it is now, for the editor to choose from."""
    segment_id = getattr(current, "segment_id", None) or current.id
    return PreconditionFailed(
        f"segment {segment_id!r} of article {article_id!r} is at version "
        f"{current.version}: another editor changed it since you read it",
        detail={
            "article_id": article_id,
            "segment_id": segment_id,
            "version": current.version,
            "target": current.target,
            "status": current.status,
        },
    )


def article_not_found(article_id: str) -> NotFound:
    return NotFound(f"no article with id {article_id!r}", detail={"article_id": article_id})


def segment_row(article_id: str, position: int, segment: Segment, now: datetime) -> dict[str, Any]:
    return {
        "article_id": article_id,
        "segment_id": segment.id,
        "position": position,
        "source": segment.source,
        "target": segment.target,
        "status": segment.status,
        "origin": segment.origin,
        "flags": segment.flags,
        "terms": dumped(segment.terms),
        "findings": dumped(segment.findings),
        "localisation": dumped(segment.localisation),
        "score": segment.score,
        "updated": now,
    }


def dumped(items: Sequence[BaseModel]) -> list[Any]:
    return [item.model_dump(mode="json") for item in items]


def apply_state(segment: Segment, state: Row[Any]) -> Segment:
    """The segment as it is now: reviewed target, status, origin, flags, terms, findings
    and localisation changes (with their spans in the current target) over the model's
    output; its alignment while the target is still the one it was made for."""
    unchanged = state.target == segment.target
    return segment.model_copy(
        update={
            "localisation": stored_list(
                state.localisation, Localisation, segment.localisation if unchanged else []
            ),
            "findings": stored_list(state.findings, Finding, segment.findings if unchanged else []),
            "target": state.target,
            "status": state.status,
            "origin": state.origin,
            "score": state.score,  # none once a reviewer wrote the target
            "flags": state.flags,
            "terms": [Term.model_validate(term) for term in state.terms],
            "version": state.version,
            # The model's word pairs describe its own target only: an edit drops them.
            "alignment": segment.alignment if unchanged else None,
        }
    )


def stored_list(column: list[Any] | None, kind: type[M], before: list[M]) -> list[M]:
    """A JSON column's items; NULL (a row stored before the column existed): ``before``."""
    if column is None:
        return before
    return [kind.model_validate(item) for item in column]


def current_segment(article_id: str, state: Row[Any]) -> Segment:
    """A segment row (joined with its article's document) as the segment it is now."""
    document = stored_document(article_id, state.document)
    original = next(s for s in document.segments() if s.id == state.segment_id)
    return apply_state(original, state)


def stored_document(article_id: str, data: dict[str, Any]) -> AlignedDocument:
    """The document as the model made it, under its article's id."""
    return AlignedDocument.model_validate({**data, "id": article_id})


def current_document(row: Row[Any], states: Sequence[Row[Any]]) -> AlignedDocument:
    """The document with every segment as it is now. Its ``target_text`` and
    ``target_document`` are still the model's: ``service.desk.articles`` renders the
    reviewed English."""
    document = stored_document(row.id, row.document)
    by_id = {state.segment_id: state for state in states}
    for block in document.blocks:
        block.segments = [apply_state(segment, by_id[segment.id]) for segment in block.segments]
    document.revision = row.revision  # 1 until a new German version (service.desk.revisions)
    return document
