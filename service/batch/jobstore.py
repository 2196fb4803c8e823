"""Batch jobs and their articles in the store: the single source of truth of a job.

A job's items are its queue. A runner claims pending items with one
conditional UPDATE (``… WHERE state = 'pending'``), so two runners never take
the same item, on SQLite and on PostgreSQL alike. An item is ``done`` only
once its output file is in place; a runner that dies leaves its items
``running``, and the next runner of the job takes them back (``take_over``).

The read API (``jobs``, ``job``, ``counts``, ``items``) is what the CLI, the
HTTP API and the review pages show.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import secrets
import socket
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

from sqlalchemy import Connection, Row, func, insert, select, update

from service.batch.inputs import InputArticle
from service.errors import UNSTORABLE, InputTooLarge, JobConflict, NotFound, unstorable
from service.store.articles import Store
from service.store.rows import as_utc, from_row
from service.store.schema import job_items, jobs

JobState = Literal["queued", "running", "done", "cancelled", "failed"]
# ``cancelled``: pending when its job was cancelled; only resuming the job runs it.
ItemState = Literal["pending", "running", "done", "failed", "cancelled"]
UNFINISHED: tuple[JobState, ...] = ("queued", "running")
INSERT_CHUNK = 500
DUPLICATE_ID = "duplicate article id"  # such an item stays failed: retry never runs it
RUNNER_STALE = timedelta(minutes=10)  # a runner on another machine silent this long is dead


@dataclass(frozen=True)
class Job:
    id: str
    key: str
    created: datetime
    updated: datetime
    state: JobState
    input: str
    out_dir: str
    model: str
    glossary_name: str | None
    glossary_version: str | None
    options: dict[str, Any]
    error: str | None
    counts: dict[str, int] = field(default_factory=dict)  # items by state

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def finished(self) -> int:
        return self.counts.get("done", 0) + self.counts.get("failed", 0)


@dataclass(frozen=True)
class Item:
    seq: int
    article_id: str
    path: str
    out_path: str
    format: str
    title: str | None
    text: str
    state: ItemState
    error: str | None
    stats: dict[str, Any] | None


def job_key(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


class JobStore:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.engine = store.engine

    def create(
        self,
        *,
        key: str,
        input: str,
        out_dir: str,
        model: str,
        glossary_name: str | None,
        glossary_version: str | None,
        options: dict[str, Any],
        articles: Iterable[InputArticle],
        max_chars: int,
        job_id: str | None = None,
    ) -> Job:
        """A new queued job holding every article of the input (their text included).

        An article longer than ``max_chars`` (MTDESK_MAX_CHARS) fails at once, saying so,
        as ``mtdesk translate`` and the API refuse it: every job's articles pass here before
        any executor, local or Ray, sees them. A failed article's text is not stored.
        """
        job_id = job_id or secrets.token_hex(8)
        now = datetime.now(UTC)
        rows = item_rows(job_id, articles, now, max_chars)
        with self.store.writing() as connection:
            connection.execute(
                insert(jobs).values(
                    id=job_id,
                    key=key,
                    created=now,
                    updated=now,
                    state="queued",
                    input=input,
                    out_dir=out_dir,
                    model=model,
                    glossary_name=glossary_name,
                    glossary_version=glossary_version,
                    options=options,
                )
            )
            for start in range(0, len(rows), INSERT_CHUNK):
                connection.execute(insert(job_items), rows[start : start + INSERT_CHUNK])
        return self.job(job_id)

    def find(self, key: str) -> Job | None:
        with self.engine.connect() as connection:
            row = connection.execute(select(jobs).where(jobs.c.key == key)).one_or_none()
            return None if row is None else to_job(row, counts(connection, row.id))

    def job(self, job_id: str) -> Job:
        with self.engine.connect() as connection:
            row = connection.execute(select(jobs).where(jobs.c.id == job_id)).one_or_none()
            if row is None:
                raise NotFound(f"no job with id {job_id!r}", detail={"job_id": job_id})
            return to_job(row, counts(connection, job_id))

    def jobs(self, *, limit: int = 50, offset: int = 0) -> list[Job]:
        """Newest first."""
        with self.engine.connect() as connection:
            rows = connection.execute(
                select(jobs).order_by(jobs.c.created.desc(), jobs.c.id).limit(limit).offset(offset)
            ).all()
            return [to_job(row, counts(connection, row.id)) for row in rows]

    def job_count(self) -> int:
        with self.engine.connect() as connection:
            return int(connection.execute(select(func.count()).select_from(jobs)).scalar_one())

    def unfinished(self) -> list[str]:
        """Ids of queued or running jobs, oldest first."""
        with self.engine.connect() as connection:
            return list(
                connection.execute(
                    select(jobs.c.id).where(jobs.c.state.in_(UNFINISHED)).order_by(jobs.c.created)
                ).scalars()
            )

    def items(
        self,
        job_id: str,
        *,
        state: ItemState | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Item]:
        """A job's articles in input order."""
        query = select(job_items).where(job_items.c.job_id == job_id)
        if state:
            query = query.where(job_items.c.state == state)
        query = query.order_by(job_items.c.seq).limit(limit).offset(offset)
        with self.engine.connect() as connection:
            return [to_item(row) for row in connection.execute(query)]

    def done_paths(self, job_id: str) -> Iterator[tuple[int, str]]:
        """(seq, out_path) of every done item, in input order."""
        with self.engine.connect() as connection:
            yield from connection.execute(
                select(job_items.c.seq, job_items.c.out_path)
                .where(job_items.c.job_id == job_id, job_items.c.state == "done")
                .order_by(job_items.c.seq)
            )

    def stats(self, job_id: str) -> list[dict[str, Any]]:
        with self.engine.connect() as connection:
            return [
                stats
                for stats in connection.execute(
                    select(job_items.c.stats).where(
                        job_items.c.job_id == job_id, job_items.c.state == "done"
                    )
                ).scalars()
                if stats
            ]

    def failures(self, job_id: str, limit: int = 100) -> list[dict[str, str]]:
        with self.engine.connect() as connection:
            rows = connection.execute(
                select(job_items.c.article_id, job_items.c.error)
                .where(job_items.c.job_id == job_id, job_items.c.state == "failed")
                .order_by(job_items.c.seq)
                .limit(limit)
            )
            return [{"id": row.article_id, "error": row.error or ""} for row in rows]

    def take_over(self, job_id: str, runner: str, *, resume: bool = True) -> bool:
        """Start running the job: items a dead runner left running become pending again.

        One runner runs a job at a time (a ``mtdesk batch`` process, or the service's
        worker); a job whose runner is still alive is refused with ``JobConflict``.
        Only ``resume`` (the user running the job again) takes up a cancelled or failed
        job, its cancelled items with it; otherwise such a job stays as it is: False.
        """
        with self.store.writing() as connection:
            previous, state = connection.execute(
                select(jobs.c.runner, jobs.c.state).where(jobs.c.id == job_id)
            ).one()
            if state not in UNFINISHED and not resume:
                return False  # cancelled since it was queued: the cancel holds
            if previous not in (None, runner) and runner_alive(connection, job_id, previous):
                raise JobConflict(
                    f"job {job_id} is being run by {previous}; wait for it or stop it first",
                    detail={"job_id": job_id, "runner": previous},
                )
            taken = connection.execute(
                update(jobs)
                .where(
                    jobs.c.id == job_id,
                    jobs.c.runner.is_not_distinct_from(previous),
                    jobs.c.state == state,  # a cancel in between wins
                )
                .values(state="running", runner=runner, error=None, updated=datetime.now(UTC))
            )
            if taken.rowcount != 1:  # another runner took it between the read and the update
                raise JobConflict(f"job {job_id} was just taken by another runner or cancelled")
            back = ("running", "cancelled") if resume else ("running",)
            connection.execute(
                update(job_items)
                .where(job_items.c.job_id == job_id, job_items.c.state.in_(back))
                .values(state="pending", owner=None)
            )
        return True

    def claim(self, job_id: str, runner: str, count: int) -> list[Item]:
        """Up to ``count`` pending items, in input order, now running under a fresh claim."""
        claim = f"{runner}/{secrets.token_hex(4)}"
        pending = (
            select(job_items.c.seq)
            .where(job_items.c.job_id == job_id, job_items.c.state == "pending")
            .order_by(job_items.c.seq)
            .limit(count)
            .scalar_subquery()
        )
        with self.store.writing() as connection:
            connection.execute(
                update(job_items)
                .where(
                    job_items.c.job_id == job_id,
                    job_items.c.seq.in_(pending),
                    job_items.c.state == "pending",  # rechecked per row: no item taken twice
                )
                .values(state="running", owner=claim, updated=datetime.now(UTC))
            )
            rows = connection.execute(
                select(job_items)
                .where(job_items.c.job_id == job_id, job_items.c.owner == claim)
                .order_by(job_items.c.seq)
            ).all()
        return [to_item(row) for row in rows]

    def finish_item(self, job_id: str, seq: int, stats: dict[str, Any]) -> None:
        self._set_item(job_id, seq, state="done", stats=stats, error=None)

    def fail_item(self, job_id: str, seq: int, error: str) -> None:
        self._set_item(job_id, seq, state="failed", error=error)

    def retry_failed(
        self,
        job_id: str,
        fresh: Iterable[InputArticle] | None,
        max_chars: int,
        options: dict[str, Any] | None = None,
    ) -> int:
        """Failed articles back to the queue; how many were requeued.

        ``fresh`` is the input read again after the user fixed it: a failed article
        takes its text from there (by id), and fails again at once, with the new
        reason, if it still cannot be read. An article ``fresh`` lacks, or every one
        without ``fresh``, is tried again as stored when the pipeline failed it (its
        text is kept); one the reader failed has nothing new to try and stays failed.
        The job goes back to queued: its next run translates them and rebuilds the
        outputs. ``options`` replace the job's own (``source_lang``: an English article
        retried with ``auto``), in the same transaction.
        """
        by_id = {article.id: article for article in fresh} if fresh is not None else {}
        now = datetime.now(UTC)
        requeued = 0
        with self.store.writing() as connection:
            state = connection.execute(
                select(jobs.c.state).where(jobs.c.id == job_id)
            ).scalar_one_or_none()
            if state is None:
                raise NotFound(f"no job with id {job_id!r}", detail={"job_id": job_id})
            if state in UNFINISHED:
                raise JobConflict(
                    f"job {job_id} is {state}: retry its failed articles once it has finished",
                    detail={"job_id": job_id, "state": state},
                )
            if options:
                current = connection.execute(
                    select(jobs.c.options).where(jobs.c.id == job_id)
                ).scalar_one()
                connection.execute(
                    update(jobs).where(jobs.c.id == job_id).values(options={**current, **options})
                )
            failed = connection.execute(
                select(
                    job_items.c.seq, job_items.c.article_id, job_items.c.text, job_items.c.error
                ).where(job_items.c.job_id == job_id, job_items.c.state == "failed")
            ).all()
            for row in failed:
                if (row.error or "").startswith(DUPLICATE_ID):
                    continue  # its id is another article's: nothing to retry
                article = by_id.get(row.article_id)
                values: dict[str, Any]
                if article is not None:
                    error = article_error(article, max_chars)
                    values = {
                        "path": shown(article.path),
                        "format": article.format,
                        "title": None if article.title is None else shown(article.title),
                        "text": article.text if error is None else "",
                        "state": "failed" if error else "pending",
                        "error": error,
                    }
                elif row.text:
                    values = {"state": "pending", "error": None}
                else:
                    continue
                connection.execute(
                    update(job_items)
                    .where(job_items.c.job_id == job_id, job_items.c.seq == row.seq)
                    .values(owner=None, updated=now, **values)
                )
                requeued += values["state"] == "pending"
            if requeued or state == "failed":  # a failed job runs again; a cancelled or done
                # one only for its failed articles: the cancelled ones stay cancelled
                connection.execute(
                    update(jobs).where(jobs.c.id == job_id).values(state="queued", updated=now)
                )
        return requeued

    def release(self, job_id: str, seqs: Iterable[int]) -> None:
        """Claimed items that were not finished go back to the queue."""
        with self.store.writing() as connection:
            connection.execute(
                update(job_items)
                .where(
                    job_items.c.job_id == job_id,
                    job_items.c.seq.in_(list(seqs)),
                    job_items.c.state == "running",
                )
                .values(state="pending", owner=None)
            )

    def set_state(self, job_id: str, state: JobState, error: str | None = None) -> bool:
        """A queued or running job moves on (to running, done, failed); False when it had
        already ended, e.g. cancelled meanwhile: the cancel wins over every later change."""
        with self.store.writing() as connection:
            ended = connection.execute(
                update(jobs)
                .where(jobs.c.id == job_id, jobs.c.state.in_(UNFINISHED))
                .values(state=state, error=error, updated=datetime.now(UTC))
            )
            return ended.rowcount == 1

    def cancel(self, job_id: str) -> Job:
        """Stop the job: its pending articles become ``cancelled`` (the ones running finish);
        a finished job stays as it is."""
        self.job(job_id)  # NotFound first
        with self.store.writing() as connection:
            cancelled = connection.execute(
                update(jobs)
                .where(jobs.c.id == job_id, jobs.c.state.in_(UNFINISHED))
                .values(state="cancelled", updated=datetime.now(UTC))
            )
            if cancelled.rowcount == 1:
                connection.execute(
                    update(job_items)
                    .where(job_items.c.job_id == job_id, job_items.c.state == "pending")
                    .values(state="cancelled")
                )
        return self.job(job_id)

    def state(self, job_id: str) -> JobState:
        with self.engine.connect() as connection:
            state: JobState = connection.execute(
                select(jobs.c.state).where(jobs.c.id == job_id)
            ).scalar_one()
            return state

    def _set_item(self, job_id: str, seq: int, **values: Any) -> None:
        with self.store.writing() as connection:
            connection.execute(
                update(job_items)
                .where(job_items.c.job_id == job_id, job_items.c.seq == seq)
                .values(owner=None, updated=datetime.now(UTC), **values)
            )


def item_rows(
    job_id: str, articles: Iterable[InputArticle], now: datetime, max_chars: int
) -> list[dict[str, Any]]:
    """Rows for the items; a repeated article id or one over ``max_chars`` fails, and no two
    items share an output file."""
    from service.batch.outputs import article_file

    rows: list[dict[str, Any]] = []
    owners: dict[str, InputArticle] = {}  # output path → the article whose file it is
    for seq, article in zip(itertools.count(), articles):
        error = article_error(article, max_chars)
        out_path = article_file(article.id)
        owner = owners.get(out_path)
        if owner is None:
            owners[out_path] = article
        else:  # checked, so that no file is ever written twice
            error = (
                f"{DUPLICATE_ID} {article.id!r} {repeated_at(article.path, owner.path)}"
                if owner.id == article.id
                else f"its output file would be that of article {owner.id!r}: give it another id"
            )
            out_path = article_file(f"{article.id}\0{seq}")  # it stays failed: never written
        rows.append(
            {
                "job_id": job_id,
                "seq": seq,
                "article_id": shown(article.id),
                "path": shown(article.path),
                "out_path": out_path,
                "format": article.format,
                "title": None if article.title is None else shown(article.title),
                "text": article.text if error is None else "",
                "state": "failed" if error else "pending",
                "error": error,
                "updated": now,
            }
        )
    return rows


def repeated_at(path: str, first: str) -> str:
    """Where an id is given again, in words: "on line 3 of a.jsonl (first on line 1)"."""
    file, line = jsonl_line(path)
    first_file, first_line = jsonl_line(first)
    if line and first_line and file == first_file:
        return f"on line {line} of {file} (first on line {first_line})"
    return f"{place(path)} (first {place(first)})"


def place(path: str) -> str:
    file, line = jsonl_line(path)
    return f"on line {line} of {file}" if line else f"in {path}"


def jsonl_line(path: str) -> tuple[str, str | None]:
    """A JSONL article's path is "file.jsonl:LINE": the file and the line, else no line."""
    file, _, line = path.rpartition(":")
    return (file, line) if file.lower().endswith(".jsonl") and line.isdigit() else (path, None)


def article_error(article: InputArticle, max_chars: int) -> str | None:
    """Why the article cannot be translated, before any executor sees it."""
    if article.error is None and len(article.text) > max_chars:  # would run for hours
        return InputTooLarge(len(article.text), max_chars).message
    if article.error is None:  # what the API would refuse with 422, whatever the database
        return unstorable_field(article)
    return article.error


def unstorable_field(article: InputArticle) -> str | None:
    fields = {"id": article.id, "path": article.path, "title": article.title or ""}
    for name, value in {**fields, "article": article.text}.items():
        if problem := unstorable(value):
            return f"the {name} {problem}"
    return None


def shown(value: str) -> str:
    """A name as it can be stored: characters no database takes become U+FFFD."""
    return UNSTORABLE.sub("\ufffd", value)


def runner_alive(connection: Connection, job_id: str, runner: str) -> bool:
    """A runner (``host:pid``) on this machine is alive while its process is; one elsewhere
    while it finished an article less than ``RUNNER_STALE`` ago."""
    host, _, pid = runner.rpartition(":")
    if host == socket.gethostname() and pid.isdigit():
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        return True
    last = connection.execute(
        select(func.max(job_items.c.updated)).where(job_items.c.job_id == job_id)
    ).scalar_one()
    return last is not None and datetime.now(UTC) - as_utc(last) < RUNNER_STALE


def counts(connection: Connection, job_id: str) -> dict[str, int]:
    rows = connection.execute(
        select(job_items.c.state, func.count())
        .where(job_items.c.job_id == job_id)
        .group_by(job_items.c.state)
    )
    return {state: int(count) for state, count in rows}


def to_job(row: Row[Any], item_counts: dict[str, int]) -> Job:
    return from_row(Job, row, counts=item_counts)


def to_item(row: Row[Any]) -> Item:
    return from_row(Item, row)
