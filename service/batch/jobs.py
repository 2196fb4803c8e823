"""The job use cases the API (``/v1/jobs``) and the job pages share: queue a job from an
uploaded archive or from a list of articles, list and read jobs, retry, cancel, hand out
the results, store a done article for review. Plain values in, ``service.errors`` out;
parsing requests and rendering answers stay in ``service.api.jobs`` and ``service.web.jobs``.

This lives in ``service.batch`` rather than ``service.desk`` because the layers put the
batch package above the desk (``service.batch.updates`` uses ``service.desk.revisions``).
"""

from __future__ import annotations

import json
import re
import secrets
import shutil
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PureWindowsPath
from typing import IO, Any

from service.batch import outputs
from service.batch.inputs import InputArticle, Limits, read_input
from service.batch.jobstore import Item, ItemState, Job, JobStore, job_key
from service.batch.outputs import inside
from service.batch.worker import JobWorker
from service.compose import Runtime, profile
from service.document import AlignedDocument
from service.errors import ArchiveInvalid, InputError, JobConflict, NotFound
from service.localise import check_target
from service.settings import Settings
from service.store.articles import Store

UPLOAD_SUFFIXES = (".tar.gz", ".tgz", ".zip", ".jsonl")
RESULT_FILES = {"jsonl": outputs.RESULTS, "tmx": outputs.TMX, "xliff": outputs.XLIFF}
RETRY_OPTIONS = ("source_lang", "target_lang", "style")


@dataclass(frozen=True)
class JobOptions:
    """What a new job was asked for besides its articles."""

    glossary: list[str] | None = None  # stored glossary names; None: MTDESK_GLOSSARY
    source_lang: str = "de"
    target_lang: str | None = None
    style: str | None = None


@contextmanager
def new_job(worker: JobWorker) -> Iterator[tuple[str, Path]]:
    """A fresh job id and its directory; a job refused on the way leaves nothing behind."""
    job_id = secrets.token_hex(8)
    directory = worker.jobs_dir / job_id
    try:
        yield job_id, directory
    except BaseException:
        shutil.rmtree(directory, ignore_errors=True)
        raise


def upload_path(directory: Path, filename: str) -> Path:
    """Where the job keeps an uploaded archive: the user's file name, so that errors and
    article ids name it ("fake.zip", "articles.jsonl:3"), made safe: nothing lands outside
    the job's directory. ``ArchiveInvalid`` for a file that is no batch input."""
    suffix = next((s for s in UPLOAD_SUFFIXES if filename.lower().endswith(s)), None)
    if suffix is None:
        raise ArchiveInvalid(
            f"{filename!r} is not a batch input: upload a .zip, .tar.gz or .jsonl file",
            detail={"filename": filename},
        )
    return directory / "upload" / upload_name(filename, suffix)


def upload_name(filename: str, suffix: str) -> str:
    """The last part of a client's file name, in word characters, dots, dashes and spaces;
    ``upload`` with the suffix when nothing of it is left."""
    name = re.sub(r"[^\w.\- ]", "_", PureWindowsPath(filename).name).strip(" .")[-120:]
    return name if name.lower().endswith(suffix) and len(name) > len(suffix) else f"upload{suffix}"


def save_upload(target: Path, source: IO[bytes]) -> None:
    """Copy an uploaded file (a plain binary file object) to ``target``, in chunks."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("wb") as stream:
        shutil.copyfileobj(source, stream, 1024 * 1024)


def check_options(settings: Settings, target_lang: str | None, style: str | None) -> None:
    """A locale or a style its locale refuses is refused before the job is queued."""
    if target_lang is not None:
        check_target(target_lang)
    if style is not None:
        profile(settings, target_lang, style)


def job_from_upload(
    runtime: Runtime,
    worker: JobWorker,
    job_id: str,
    source: Path,
    label: str,
    options: JobOptions,
) -> Job:
    """Queue the articles of a saved archive or JSONL file (read while the job is stored)."""
    check_options(runtime.settings, options.target_lang, options.style)
    limits = Limits(articles=runtime.settings.max_job_articles)
    return queue_job(runtime, worker, job_id, label, read_input(source, limits), options)


def job_from_articles(
    runtime: Runtime,
    worker: JobWorker,
    job_id: str,
    articles: list[InputArticle],
    options: JobOptions,
) -> Job:
    """Queue articles sent in a request's body."""
    limit = runtime.settings.max_job_articles
    if len(articles) > limit:
        raise InputError(
            f"more than {limit} articles in one job "
            "(MTDESK_MAX_JOB_ARTICLES); split them into several jobs",
            detail={"limit": limit},
        )
    check_options(runtime.settings, options.target_lang, options.style)
    label = f"{len(articles)} articles (JSON)"
    return queue_job(runtime, worker, job_id, label, articles, options)


def queue_job(
    runtime: Runtime,
    worker: JobWorker,
    job_id: str,
    label: str,
    articles: Iterable[InputArticle],
    options: JobOptions,
) -> Job:
    glossary = worker.glossary_for(options.glossary)
    job = worker.jobs.create(
        job_id=job_id,
        key=job_key("api", job_id),
        input=label,
        out_dir=str(worker.jobs_dir / job_id / "out"),
        model=runtime.settings.model,
        glossary_name=glossary.name if glossary else None,
        glossary_version=glossary.version if glossary else None,
        options={
            "glossary": options.glossary,
            "source_lang": options.source_lang,
            "target_lang": options.target_lang,
            "style": options.style,
        },
        articles=articles,
        max_chars=runtime.settings.max_chars,
    )
    worker.notify()
    return job


def list_jobs(jobs: JobStore, *, limit: int, offset: int) -> list[Job]:
    """Newest first."""
    return jobs.jobs(limit=limit, offset=offset)


def read_job(jobs: JobStore, job_id: str) -> tuple[Job, list[dict[str, str]]]:
    """The job and its failed articles with their reasons."""
    return jobs.job(job_id), jobs.failures(job_id)


def job_items(
    jobs: JobStore, job_id: str, *, state: ItemState | None = None, limit: int, offset: int
) -> list[Item]:
    jobs.job(job_id)  # NotFound first
    return jobs.items(job_id, state=state, limit=limit, offset=offset)


def cancel_job(jobs: JobStore, job_id: str) -> tuple[Job, list[dict[str, str]]]:
    """The articles already taken finish; the rest stay pending. A finished job stays."""
    return jobs.cancel(job_id), jobs.failures(job_id)


def retry_job(
    runtime: Runtime,
    worker: JobWorker,
    job_id: str,
    fixed: list[InputArticle] | None,
    changes: dict[str, Any],
) -> tuple[Job, list[dict[str, str]]]:
    """Queue a finished job's failed articles again, ``fixed`` ones by id with their new
    text; ``changes`` (of ``RETRY_OPTIONS``) replace the job's own options."""
    if "target_lang" in changes or "style" in changes:  # refused before anything changes
        options = worker.jobs.job(job_id).options
        check_options(
            runtime.settings,
            changes.get("target_lang", options.get("target_lang")),
            changes.get("style", options.get("style")),
        )
    worker.jobs.retry_failed(job_id, fixed, runtime.settings.max_chars, changes)
    worker.notify()
    return read_job(worker.jobs, job_id)


def done_job(jobs: JobStore, job_id: str) -> Job:
    """The job, once done: ``JobConflict`` before."""
    job = jobs.job(job_id)
    if job.state != "done":
        raise JobConflict(
            f"job {job_id} is {job.state}; its results are there once it is done",
            detail={"state": job.state},
        )
    return job


def results_zip(jobs: JobStore, job_id: str) -> bytes:
    """A done job's output files in one zip."""
    return outputs.zipped(Path(done_job(jobs, job_id).out_dir))


def results_file(jobs: JobStore, job_id: str, fmt: str) -> Path:
    """A done job's ``results.jsonl``, TMX or XLIFF (``fmt``: jsonl, tmx, xliff)."""
    name = RESULT_FILES[fmt]
    path = Path(done_job(jobs, job_id).out_dir) / name
    if not path.is_file():
        raise NotFound(f"job {job_id} has no {name}", detail={"job_id": job_id})
    return path


def import_item(store: Store, job_id: str, seq: int) -> str:
    """Store a done article of the job for review; its new article id."""
    jobs = JobStore(store)
    job = jobs.job(job_id)
    found = jobs.items(job_id, limit=1, offset=seq)  # seq counts the job's articles from 0
    item = found[0] if found else None
    if item is None or item.seq != seq or item.state != "done":
        raise InputError(
            f"article {seq} of job {job_id!r} is not translated (yet)",
            detail={"job_id": job_id, "seq": seq},
        )
    try:
        record = json.loads(inside(Path(job.out_dir), item.out_path).read_bytes())
    except (OSError, ValueError) as error:  # the reason, not the server's path
        reason = error.strerror if isinstance(error, OSError) else "not a document"
        raise InputError(
            f"the job's output of {item.article_id!r} cannot be read: {reason}",
            detail={"job_id": job_id, "seq": seq},
        ) from None
    document = AlignedDocument.model_validate(record)
    stored = store.add_article(
        document, title=item.title or record.get("title"), source_text=item.text, fmt=item.format
    )
    return stored.id
