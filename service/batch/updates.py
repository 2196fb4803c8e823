"""A finished job run again on an archive whose articles changed: only what changed is
translated.

``requeue_changed`` compares the input read again with the job's articles (by id):
an article whose text changed goes back to the queue with its new text, one the job
lacks is added; unchanged and vanished ones stay as they are. When the run
translates a requeued article, ``previous_output`` hands it the article's own
earlier output (``articles/…json``), and the pipeline keeps every sentence whose
German is unchanged (``service.desk.revisions.carry_over``): only changed and new
sentences go to the engine. Each such article's stats hold its ``revision``
summary, which the CLI says per article.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from sqlalchemy import func, insert, select, update

from service.batch.inputs import InputArticle
from service.batch.jobstore import Item, JobStore, article_error, item_rows, shown
from service.batch.outputs import inside
from service.checks.reading import read_checked
from service.desk.revisions import carry_over
from service.document import AlignedDocument
from service.markup.article import Format
from service.pipeline.translator import Translator
from service.store.schema import job_items, jobs


def requeue_changed(
    store: JobStore, job_id: str, fresh: Iterable[InputArticle], max_chars: int
) -> list[str]:
    """Changed and new articles of ``fresh`` into the (finished) job's queue; their ids."""
    now = datetime.now(UTC)
    requeued: list[str] = []
    with store.store.writing() as connection:
        known = {
            row.article_id: row
            for row in connection.execute(
                select(
                    job_items.c.seq, job_items.c.article_id, job_items.c.text, job_items.c.state
                ).where(job_items.c.job_id == job_id)
            )
        }
        added: list[InputArticle] = []
        for article in fresh:
            row = known.get(shown(article.id))
            if row is None:
                added.append(article)
                continue
            if row.state != "done" or article.error or article.text == row.text:
                continue  # unchanged, or not this feature's to redo (retry takes failures)
            error = article_error(article, max_chars)
            connection.execute(
                update(job_items)
                .where(job_items.c.job_id == job_id, job_items.c.seq == row.seq)
                .values(
                    path=shown(article.path),
                    format=article.format,
                    title=None if article.title is None else shown(article.title),
                    text=article.text if error is None else "",
                    state="failed" if error else "pending",
                    error=error,
                    owner=None,
                    stats=None,
                    updated=now,
                )
            )
            requeued.append(row.article_id)
        if added:
            last = connection.execute(
                select(func.max(job_items.c.seq)).where(job_items.c.job_id == job_id)
            ).scalar_one()
            rows = item_rows(job_id, added, now, max_chars)
            for row_values, seq in zip(rows, itertools.count((last or 0) + 1), strict=False):
                row_values["seq"] = seq
            connection.execute(insert(job_items), rows)
            requeued += [row["article_id"] for row in rows if row["state"] == "pending"]
        if requeued:
            connection.execute(
                update(jobs).where(jobs.c.id == job_id).values(state="queued", updated=now)
            )
    return requeued


def previous_output(out_dir: Path) -> Callable[[Item], AlignedDocument | None]:
    """The earlier output of an article of the job in ``out_dir``, if it has one."""

    def previous(item: Item) -> AlignedDocument | None:
        try:
            data = inside(out_dir, item.out_path).read_bytes()
        except OSError:
            return None
        try:
            return AlignedDocument.model_validate_json(data)
        except ValidationError:
            return None  # not a document (edited by hand): translated afresh

    return previous


def updated_document(
    translator: Translator, text: str, fmt: Format, source_lang: str, earlier: AlignedDocument
) -> AlignedDocument:
    """The article's new version, ``earlier``'s sentences kept where the German is the same."""
    article = read_checked(text, fmt, source_lang)
    return carry_over(translator, article, earlier, alignment=False).document


def revision_line(article_id: str, stats: dict[str, Any] | None) -> str | None:
    """What updating one article did, for stderr: none for an article translated afresh."""
    summary = (stats or {}).get("revision")
    if not summary:
        return None
    return (
        f"article {json.dumps(article_id, ensure_ascii=False)}: {summary['kept']} kept, "
        f"{summary['changed']} changed, {summary['new']} new, {summary['removed']} removed; "
        f"{summary['translated']} translated"
    )
