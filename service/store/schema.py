"""The store's tables (SQLAlchemy Core) and its database engine.

Portable SQL only (SQLite and PostgreSQL): JSON columns, timezone-aware
timestamps, fixed-width keys where an index needs them.
"""

from __future__ import annotations

import sqlite3
import time
from typing import Any

from sqlalchemy import (
    JSON,
    Column,
    DateTime,
    Engine,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    event,
)
from sqlalchemy.exc import ArgumentError

from service.errors import DatabaseUrlInvalid

BUSY_TIMEOUT_S = 10  # how long an SQLite connection waits for another one's write lock

metadata = MetaData()

ID = String(32)
NAME = String(255)
STATE = String(16)

articles = Table(
    "articles",
    metadata,
    Column("id", ID, primary_key=True),
    Column("title", Text),
    Column("created", DateTime(timezone=True), nullable=False, index=True),
    Column("updated", DateTime(timezone=True), nullable=False),
    Column("status", STATE, nullable=False, index=True),  # draft | in_review | approved
    Column("format", STATE, nullable=False),
    Column("model", NAME, nullable=False),
    Column("glossary_name", NAME),
    Column("glossary_version", String(64)),
    Column("source_text", Text, nullable=False),
    # The document as the model made it; ``segments`` holds each segment's current state.
    Column("document", JSON, nullable=False),
    # Grows by one with every change to the article's segments (its ETag).
    Column("version", Integer, nullable=False, server_default="1"),
    # Which German version this is: 1 as first stored, one more with each new German text.
    Column("revision", Integer, nullable=False, server_default="1"),
)

# Each German version of an article: its text, when it was made, what changed against the
# one before, and its document with every segment's state (as the next version found it).
article_revisions = Table(
    "article_revisions",
    metadata,
    Column("article_id", ID, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("number", Integer, primary_key=True),
    Column("created", DateTime(timezone=True), nullable=False),  # when this version was made
    Column("source_text", Text, nullable=False),
    Column("document", JSON, nullable=False),
    Column("summary", JSON),  # revision_summary; none for the first version
)

segments = Table(
    "segments",
    metadata,
    Column("article_id", ID, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("segment_id", ID, primary_key=True),
    Column("position", Integer, nullable=False),  # order in the document
    Column("source", Text, nullable=False),
    Column("target", Text, nullable=False),
    Column("status", STATE, nullable=False),
    Column("origin", STATE, nullable=False),
    Column("flags", JSON, nullable=False),
    Column("terms", JSON, nullable=False),
    # The findings of the current target (service.document.Finding); NULL: stored before
    # findings existed (migration 0004).
    Column("findings", JSON),
    # The localisation changes with their spans in the current target, moved when an edit
    # is written; NULL: stored before (migration 0005), read from the document.
    Column("localisation", JSON),
    Column("score", Float),
    Column("updated", DateTime(timezone=True), nullable=False),
    # Grows by one with every edit of the segment (its ETag; If-Match compares it).
    Column("version", Integer, nullable=False, server_default="1"),
)

# One row per flag of a segment, so that articles can be filtered by flag in plain SQL.
segment_flags = Table(
    "segment_flags",
    metadata,
    Column("article_id", ID, primary_key=True),
    Column("segment_id", ID, primary_key=True),
    Column("flag", String(64), primary_key=True),
    ForeignKeyConstraint(
        ["article_id", "segment_id"],
        ["segments.article_id", "segments.segment_id"],
        ondelete="CASCADE",
    ),
    Index("segment_flags_by_flag", "flag"),
)

segment_history = Table(
    "segment_history",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", ID, nullable=False),
    Column("segment_id", ID, nullable=False),
    Column("target", Text, nullable=False),
    Column("status", STATE, nullable=False),
    Column("origin", STATE, nullable=False),
    Column("replaced", DateTime(timezone=True), nullable=False),  # when the edit replaced it
    # The German it translated when a new version of the story changed it; NULL: the same.
    Column("source", Text),
    ForeignKeyConstraint(
        ["article_id", "segment_id"],
        ["segments.article_id", "segments.segment_id"],
        ondelete="CASCADE",
    ),
    Index("segment_history_by_segment", "article_id", "segment_id"),
)

memory = Table(
    "memory",
    metadata,
    Column("key", String(64), primary_key=True),  # sha256 of the normalised source
    Column("model", NAME, primary_key=True),
    Column("glossary_version", String(64), primary_key=True),  # "" without a glossary
    Column("source", Text, nullable=False),
    Column("target", Text, nullable=False),
    Column("score", Float),
    Column("origin", STATE, nullable=False),  # memory | approved
    Column("updated", DateTime(timezone=True), nullable=False),
)


glossaries = Table(
    "glossaries",
    metadata,
    Column("name", NAME, primary_key=True),
    Column("version", String(64), nullable=False),  # sha256 of the entries
    Column("entries", JSON, nullable=False),  # list of Entry.as_dict()
    Column("updated", DateTime(timezone=True), nullable=False),
)

# A batch job and its articles (service.batch.jobstore). The items are the job's queue:
# a runner claims pending ones with a conditional UPDATE, so no two runners take the same.
jobs = Table(
    "jobs",
    metadata,
    Column("id", ID, primary_key=True),
    Column("key", String(64), nullable=False, unique=True),  # sha256 of what identifies it
    Column("created", DateTime(timezone=True), nullable=False, index=True),
    Column("updated", DateTime(timezone=True), nullable=False),
    Column("state", STATE, nullable=False, index=True),  # queued|running|done|cancelled|failed
    Column("input", Text, nullable=False),  # what the user gave, for people to read
    Column("out_dir", Text, nullable=False),
    Column("model", NAME, nullable=False),
    Column("glossary_name", NAME),
    Column("glossary_version", String(64)),
    Column("options", JSON, nullable=False),
    Column("runner", NAME),  # the process running it now, or last
    Column("error", Text),
)

job_items = Table(
    "job_items",
    metadata,
    Column("job_id", ID, ForeignKey("jobs.id", ondelete="CASCADE"), primary_key=True),
    Column("seq", Integer, primary_key=True),  # input order
    Column("article_id", Text, nullable=False),
    Column("path", Text, nullable=False),  # inside the input
    Column("out_path", Text, nullable=False),  # the article's JSON, relative to out_dir
    Column("format", STATE, nullable=False),
    Column("title", Text),
    Column("text", Text, nullable=False),
    Column("state", STATE, nullable=False),  # pending | running | done | failed
    Column("owner", NAME),  # the claim that holds it while running
    Column("error", Text),
    Column("stats", JSON),  # segments, memory hits, violations, flags of a done article
    Column("updated", DateTime(timezone=True), nullable=False),
    Index("job_items_by_state", "job_id", "state"),
)


def create_db_engine(url: str, busy_timeout_s: float = BUSY_TIMEOUT_S) -> Engine:
    """An engine for ``url``; SQLite files get WAL, enforced foreign keys and a busy timeout,
    PostgreSQL a connect and a lock timeout: past them a statement fails (the API's 503)
    instead of waiting without end."""
    # hide_parameters: a database error names the statement, never the article text it carried.
    milliseconds = max(1, int(busy_timeout_s * 1000))
    try:
        if not url.startswith("sqlite"):
            return create_engine(
                url,
                pool_pre_ping=True,
                pool_timeout=busy_timeout_s,
                hide_parameters=True,
                connect_args={
                    "connect_timeout": max(1, round(busy_timeout_s)),
                    "options": f"-c lock_timeout={milliseconds}",
                },
            )
        engine = create_engine(
            url,
            connect_args={"check_same_thread": False, "timeout": busy_timeout_s},
            hide_parameters=True,
        )
    except (ArgumentError, ValueError, ImportError):
        # SQLAlchemy's own message quotes the URL, password and all
        raise DatabaseUrlInvalid(shown_url(url)) from None

    @event.listens_for(engine, "connect")
    def configure(connection: Any, _record: Any) -> None:
        cursor = connection.cursor()
        # First: switching to WAL waits for the write lock another process may hold.
        cursor.execute(f"PRAGMA busy_timeout={milliseconds}")
        switch_to_wal(cursor, busy_timeout_s)  # readers never wait for the writer
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    return engine


def shown_url(url: str) -> str:
    """Only the URL's scheme: the rest may hold a password, even where none belongs."""
    return f"a {url.partition(':')[0][:30]!r} URL"


def switch_to_wal(cursor: Any, busy_timeout_s: float = BUSY_TIMEOUT_S) -> None:
    """``PRAGMA journal_mode=WAL``, retried while the file is locked.

    Connections that open a new file together each hold the read lock that
    the other's switch waits for; SQLite breaks that deadlock by answering
    "database is locked" at once, without waiting its busy timeout. One of
    them wins; the others retry and find the file in WAL already.
    """
    deadline = time.monotonic() + busy_timeout_s
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)
