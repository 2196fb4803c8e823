"""``/v1/jobs``: batch jobs over HTTP — submit an archive or a list of articles, follow, cancel,
download the results. The service's batch worker runs them (``service.batch.worker``)."""

from __future__ import annotations

import re
import secrets
import shutil
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path as FilePath
from pathlib import PureWindowsPath
from typing import Annotated, Any, Literal, TypeVar, cast

from fastapi import APIRouter, Depends, Path, Query, Request, Response
from fastapi.responses import FileResponse
from pydantic import BaseModel, Field, ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from service.batch import outputs
from service.batch.inputs import InputArticle, Limits, checked, read_input
from service.batch.jobstore import Item, ItemState, Job, job_key
from service.batch.worker import JobWorker
from service.compose import Runtime, profile
from service.errors import ArchiveInvalid, InputError, JobConflict, NotFound, UnsupportedMediaType
from service.http.deps import PagingDep, RuntimeDep, require_api_key
from service.http.schemas import InputFormat, Page, StrictModel, UserText, error_responses
from service.localise import check_target

Body = TypeVar("Body", bound=BaseModel)
JobId = Annotated[str, Path(max_length=64, pattern=r"^[\w-]+$")]
ResultFormat = Literal["jsonl", "tmx", "xliff", "zip"]
RESULT_FILES = {
    "jsonl": (outputs.RESULTS, "application/x-ndjson"),
    "tmx": (outputs.TMX, "application/x-tmx+xml"),
    "xliff": (outputs.XLIFF, "application/x-xliff+xml"),
}
UPLOAD_CHUNK = 1024 * 1024

router = APIRouter(
    prefix="/v1/jobs",
    tags=["jobs"],
    dependencies=[Depends(require_api_key)],
    responses=error_responses(401, 404, 422),
)


class JobArticleIn(StrictModel):
    id: UserText | None = Field(default=None, max_length=1000, description="Default: its index")
    text: UserText
    title: UserText | None = Field(default=None, max_length=1000)
    format: InputFormat = "text"


class JobCreate(StrictModel):
    articles: list[JobArticleIn] = Field(min_length=1, max_length=100_000)
    glossary: list[str] | None = Field(
        default=None, description="Stored glossary names; default MTDESK_GLOSSARY"
    )
    source_lang: Literal["de", "auto"] = Field(
        default="de",
        description="de: an article that is not German fails; auto: its German sentences "
        "are translated and the others kept",
    )
    target_lang: str | None = Field(
        default=None, description="`en`, `en-GB` or `en-US`; default MTDESK_TARGET_LANG"
    )
    style: str | None = Field(
        default=None,
        description="House style on top of `target_lang`: `ap`, `reuters` (en-US), `guardian`, "
        "`bbc` (en-GB); default MTDESK_STYLE where it is that locale's",
    )


class JobRetry(StrictModel):
    articles: list[JobArticleIn] = Field(
        default=[],
        max_length=100_000,
        description="Fixed versions of failed articles, by id; the others are retried as stored",
    )
    source_lang: Literal["de", "auto"] | None = Field(
        default=None,
        description="From now on for this job (default: as it was created); auto: an article "
        "that is not German has its German sentences translated and the others kept",
    )
    target_lang: str | None = Field(
        default=None, description="From now on for this job: `en`, `en-GB` or `en-US`"
    )
    style: str | None = Field(default=None, description="From now on for this job: a house style")


def input_articles(articles: list[JobArticleIn]) -> list[InputArticle]:
    return [
        checked(
            InputArticle(
                article.id or str(index),
                article.id or str(index),
                article.format,
                article.text,
                article.title,
            )
        )
        for index, article in enumerate(articles)
    ]


class JobProgress(BaseModel):
    total: int
    finished: int
    fraction: float


class JobPublic(BaseModel):
    id: str
    state: str = Field(description="queued | running | done | cancelled | failed")
    created: datetime
    updated: datetime
    input: str
    model: str
    glossary: str | None
    counts: dict[str, int] = Field(description="Articles by state: pending|running|done|failed")
    progress: JobProgress
    error: str | None = Field(description="Why the job failed, if it did")
    errors: list[dict[str, str]] = Field(description="Failed articles with their reason")


class JobsPublic(Page[JobPublic]):
    """Jobs, newest first."""


class JobArticlePublic(BaseModel):
    seq: int
    id: str
    path: str
    format: str
    state: str
    error: str | None
    stats: dict[str, Any] | None


class JobArticlesPublic(Page[JobArticlePublic]):
    """A job's articles in input order."""


def job_public(job: Job, errors: list[dict[str, str]]) -> JobPublic:
    total = job.total
    return JobPublic(
        id=job.id,
        state=job.state,
        created=job.created,
        updated=job.updated,
        input=job.input,
        model=job.model,
        glossary=job.glossary_name,
        counts=job.counts,
        progress=JobProgress(
            total=total,
            finished=job.finished,
            fraction=round(job.finished / total, 4) if total else 1.0,
        ),
        error=job.error,
        errors=errors,
    )


def article_public(item: Item) -> JobArticlePublic:
    return JobArticlePublic(
        seq=item.seq,
        id=item.article_id,
        path=item.path,
        format=item.format,
        state=item.state,
        error=item.error,
        stats=item.stats,
    )


async def get_worker(request: Request) -> JobWorker:
    return cast(JobWorker, request.app.state.job_worker)


WorkerDep = Annotated[JobWorker, Depends(get_worker)]


@router.post(
    "",
    status_code=202,
    summary="Queue a batch job",
    response_model=JobPublic,
    responses=error_responses(413, 415),
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"schema": JobCreate.model_json_schema()},
            },
        }
    },
)
async def create_job(request: Request, runtime: RuntimeDep, worker: WorkerDep) -> Response:
    """JSON ``{"articles": [...]}``, or an archive upload: ``multipart/form-data`` with the
    .zip / .tar.gz / .jsonl file as the field ``file`` (and optionally ``glossary``, names
    separated by commas, ``source_lang`` and ``target_lang``), e.g.
    ``curl -F file=@archive.zip …/v1/jobs``.

    Answers at once with the queued job; ``GET /v1/jobs/{id}`` follows it.
    """
    job_id = secrets.token_hex(8)
    directory = worker.jobs_dir / job_id
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    try:
        if media_type == "multipart/form-data":
            upload = await save_upload(request, directory)
            source, label, specs, source_lang, target_lang, style = upload
            limits = Limits(articles=runtime.settings.max_job_articles)
            articles: Iterable[InputArticle] = read_input(source, limits)  # read in the thread
        elif media_type == "application/json":
            request_body = parse_json(JobCreate, await request.body())
            articles = input_articles(request_body.articles)
            if len(articles) > runtime.settings.max_job_articles:
                raise InputError(
                    f"more than {runtime.settings.max_job_articles} articles in one job "
                    "(MTDESK_MAX_JOB_ARTICLES); split them into several jobs",
                    detail={"limit": runtime.settings.max_job_articles},
                )
            label, specs = f"{len(articles)} articles (JSON)", request_body.glossary
            source_lang, target_lang = request_body.source_lang, request_body.target_lang
            style = request_body.style
        else:
            raise UnsupportedMediaType(media_type)
        if target_lang is not None:
            check_target(target_lang)
        if style is not None:  # a style its locale refuses is refused before the job is
            profile(runtime.settings, target_lang, style)
        job = await run_in_threadpool(
            queue_job,
            runtime,
            worker,
            job_id,
            directory,
            label,
            specs,
            source_lang,
            articles,
            target_lang,
            style,
        )
    except BaseException:
        shutil.rmtree(directory, ignore_errors=True)  # a refused job leaves nothing behind
        raise
    worker.notify()
    body = job_public(job, []).model_dump_json()
    return Response(
        body,
        status_code=202,
        media_type="application/json",
        headers={"Location": f"/v1/jobs/{job.id}"},
    )


def parse_json(schema: type[Body], body: bytes) -> Body:
    try:
        return schema.model_validate_json(body)
    except ValidationError as error:
        raise InputError(
            "invalid job request", detail=error.errors(include_url=False, include_context=False)
        ) from None


async def save_upload(
    request: Request, directory: FilePath
) -> tuple[FilePath, str, list[str] | None, str, str | None, str | None]:
    """The uploaded archive, stored under the job's directory by a name of ours."""
    async with request.form(max_files=1, max_fields=10) as form:
        upload = form.get("file")
        if not isinstance(upload, UploadFile):
            raise InputError("send the archive as the multipart field `file`")
        filename = upload.filename or "upload"
        suffix = next(
            (s for s in (".tar.gz", ".tgz", ".zip", ".jsonl") if filename.lower().endswith(s)),
            None,
        )
        if suffix is None:
            raise ArchiveInvalid(
                f"{filename!r} is not a batch input: upload a .zip, .tar.gz or .jsonl file",
                detail={"filename": filename},
            )
        glossary = form.get("glossary")
        source_lang = form.get("source_lang") or "de"
        if source_lang not in ("de", "auto"):
            raise InputError("the field `source_lang` is `de` or `auto`")
        target_lang = form.get("target_lang")
        style = form.get("style")
        # the user's file name, so that errors and article ids name it ("fake.zip",
        # "articles.jsonl:3"), made safe: nothing lands outside the job's directory
        target = directory / "upload" / upload_name(filename, suffix)
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("wb") as stream:
            while chunk := await upload.read(UPLOAD_CHUNK):
                await run_in_threadpool(stream.write, chunk)
    specs = None
    if isinstance(glossary, str):
        specs = [spec.strip() for spec in glossary.split(",") if spec.strip()]
    target_lang = target_lang if isinstance(target_lang, str) else None
    style = style if isinstance(style, str) and style else None
    return target, filename, specs, str(source_lang), target_lang, style


def upload_name(filename: str, suffix: str) -> str:
    """The last part of a client's file name, in word characters, dots, dashes and spaces;
    ``upload`` with the suffix when nothing of it is left."""
    name = re.sub(r"[^\w.\- ]", "_", PureWindowsPath(filename).name).strip(" .")[-120:]
    return name if name.lower().endswith(suffix) and len(name) > len(suffix) else f"upload{suffix}"


def queue_job(
    runtime: Runtime,
    worker: JobWorker,
    job_id: str,
    directory: FilePath,
    label: str,
    specs: list[str] | None,
    source_lang: str,
    articles: Iterable[InputArticle],
    target_lang: str | None = None,
    style: str | None = None,
) -> Job:
    glossary = worker.glossary_for(specs)
    return worker.jobs.create(
        job_id=job_id,
        key=job_key("api", job_id),
        input=label,
        out_dir=str(directory / "out"),
        model=runtime.settings.model,
        glossary_name=glossary.name if glossary else None,
        glossary_version=glossary.version if glossary else None,
        options={
            "glossary": specs,
            "source_lang": source_lang,
            "target_lang": target_lang,
            "style": style,
        },
        articles=articles,
        max_chars=runtime.settings.max_chars,
    )


@router.get("", summary="List jobs, newest first", response_model=JobsPublic)
def list_jobs(worker: WorkerDep, paging: PagingDep) -> JobsPublic:
    found = worker.jobs.jobs(limit=paging.limit, offset=paging.offset)
    return JobsPublic.of([job_public(job, []) for job in found], worker.jobs.job_count(), paging)


@router.get(
    "/{job_id}", summary="A job's state, counts, progress and errors", response_model=JobPublic
)
def read_job(worker: WorkerDep, job_id: JobId) -> JobPublic:
    return job_public(worker.jobs.job(job_id), worker.jobs.failures(job_id))


@router.get("/{job_id}/articles", summary="A job's articles", response_model=JobArticlesPublic)
def list_job_articles(
    worker: WorkerDep,
    job_id: JobId,
    paging: PagingDep,
    state: Annotated[ItemState | None, Query()] = None,
) -> JobArticlesPublic:
    job = worker.jobs.job(job_id)  # NotFound first; its counts are the totals
    items = worker.jobs.items(job_id, state=state, limit=paging.limit, offset=paging.offset)
    total = job.counts.get(state, 0) if state else job.total
    return JobArticlesPublic.of([article_public(item) for item in items], total, paging)


@router.post(
    "/{job_id}/retry",
    status_code=202,
    summary="Retry a finished job's failed articles",
    response_model=JobPublic,
    responses=error_responses(409),
    openapi_extra={
        "requestBody": {
            "required": False,
            "content": {"application/json": {"schema": JobRetry.model_json_schema()}},
        }
    },
)
async def retry_job(
    request: Request, runtime: RuntimeDep, worker: WorkerDep, job_id: JobId
) -> Response:
    """Optionally JSON ``{"articles": [...]}``: fixed versions of failed articles, matched by
    id (as in ``POST /v1/jobs``). Every other failed article whose text the job holds is
    tried again as it is. ``source_lang``, ``target_lang`` and ``style`` change the job's
    own for this and later runs (``{"source_lang": "auto"}`` retries an article that is
    not German). The job is queued again and its outputs are rebuilt; 409 while it is
    still queued or running."""
    body = await request.body()
    retry = parse_json(JobRetry, body) if body.strip() else JobRetry()
    fixed = input_articles(retry.articles) if body.strip() else None
    changes = {
        name: getattr(retry, name)
        for name in ("source_lang", "target_lang", "style")
        if getattr(retry, name) is not None
    }
    if "target_lang" in changes or "style" in changes:  # refused before anything changes
        options = worker.jobs.job(job_id).options
        target_lang = changes.get("target_lang", options.get("target_lang"))
        style = changes.get("style", options.get("style"))
        if target_lang is not None:
            check_target(target_lang)
        if style is not None:
            profile(runtime.settings, target_lang, style)
    max_chars = runtime.settings.max_chars
    await run_in_threadpool(worker.jobs.retry_failed, job_id, fixed, max_chars, changes)
    worker.notify()
    job = worker.jobs.job(job_id)
    return Response(
        job_public(job, worker.jobs.failures(job_id)).model_dump_json(),
        status_code=202,
        media_type="application/json",
        headers={"Location": f"/v1/jobs/{job_id}"},
    )


@router.post("/{job_id}/cancel", summary="Stop a job", response_model=JobPublic)
def cancel_job(worker: WorkerDep, job_id: JobId) -> JobPublic:
    """The articles already taken (at most 8) finish; the rest stay pending. A finished job
    stays as it is."""
    return job_public(worker.jobs.cancel(job_id), worker.jobs.failures(job_id))


@router.get(
    "/{job_id}/results",
    summary="Download a done job's results",
    response_class=Response,
    responses=error_responses(409),
)
def job_results(
    worker: WorkerDep,
    job_id: JobId,
    fmt: Annotated[ResultFormat, Query(alias="format")] = "jsonl",
) -> Response:
    """``results.jsonl``, the archive TMX or XLIFF, or a zip of every output file."""
    job = worker.jobs.job(job_id)
    if job.state != "done":
        raise JobConflict(
            f"job {job_id} is {job.state}; its results are there once it is done",
            detail={"state": job.state},
        )
    out_dir = FilePath(job.out_dir)
    if fmt == "zip":
        return Response(
            outputs.zipped(out_dir),
            media_type="application/zip",
            headers={"Content-Disposition": f'attachment; filename="{job_id}.zip"'},
        )
    name, media_type = RESULT_FILES[fmt]
    if not (out_dir / name).is_file():
        raise NotFound(f"job {job_id} has no {name}", detail={"job_id": job_id})
    return FileResponse(out_dir / name, media_type=media_type, filename=f"{job_id}-{name}")
