"""``/v1/jobs``: batch jobs over HTTP — submit an archive or a list of articles, follow, cancel,
download the results. The service's batch worker runs them (``service.batch.worker``)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path as FilePath
from typing import Annotated, Any, Literal, TypeVar, cast

from fastapi import APIRouter, Depends, Path, Query, Request, Response
from fastapi.responses import FileResponse
from pydantic import BaseModel, Field, ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from service.batch import jobs
from service.batch.inputs import InputArticle, checked
from service.batch.jobstore import Item, ItemState, Job
from service.batch.worker import JobWorker
from service.errors import InputError, UnsupportedMediaType
from service.http.deps import PagingDep, RuntimeDep, require_api_key
from service.http.schemas import InputFormat, Page, StrictModel, UserText, error_responses

Body = TypeVar("Body", bound=BaseModel)
JobId = Annotated[str, Path(max_length=64, pattern=r"^[\w-]+$")]
ResultFormat = Literal["jsonl", "tmx", "xliff", "zip"]
RESULT_TYPES = {
    "jsonl": "application/x-ndjson",
    "tmx": "application/x-tmx+xml",
    "xliff": "application/x-xliff+xml",
}

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
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    with jobs.new_job(worker) as (job_id, directory):  # a refused job leaves nothing behind
        if media_type == "multipart/form-data":
            source, label, options = await save_upload(request, directory)
            job = await run_in_threadpool(
                jobs.job_from_upload, runtime, worker, job_id, source, label, options
            )
        elif media_type == "application/json":
            request_body = parse_json(JobCreate, await request.body())
            options = jobs.JobOptions(
                glossary=request_body.glossary,
                source_lang=request_body.source_lang,
                target_lang=request_body.target_lang,
                style=request_body.style,
            )
            articles = input_articles(request_body.articles)
            job = await run_in_threadpool(
                jobs.job_from_articles, runtime, worker, job_id, articles, options
            )
        else:
            raise UnsupportedMediaType(media_type)
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
) -> tuple[FilePath, str, jobs.JobOptions]:
    """The multipart form: the archive, saved under the job's directory
    (``jobs.upload_path``), its file name and the job's options."""
    async with request.form(max_files=1, max_fields=10) as form:
        upload = form.get("file")
        if not isinstance(upload, UploadFile):
            raise InputError("send the archive as the multipart field `file`")
        filename = upload.filename or "upload"
        target = jobs.upload_path(directory, filename)
        glossary = form.get("glossary")
        source_lang = form.get("source_lang") or "de"
        if source_lang not in ("de", "auto"):
            raise InputError("the field `source_lang` is `de` or `auto`")
        target_lang = form.get("target_lang")
        style = form.get("style")
        await run_in_threadpool(jobs.save_upload, target, upload.file)
    specs = None
    if isinstance(glossary, str):
        specs = [spec.strip() for spec in glossary.split(",") if spec.strip()]
    options = jobs.JobOptions(
        glossary=specs,
        source_lang=str(source_lang),
        target_lang=target_lang if isinstance(target_lang, str) else None,
        style=style if isinstance(style, str) and style else None,
    )
    return target, filename, options


@router.get("", summary="List jobs, newest first", response_model=JobsPublic)
def list_jobs(worker: WorkerDep, paging: PagingDep) -> JobsPublic:
    found = worker.jobs.jobs(limit=paging.limit, offset=paging.offset)
    return JobsPublic.of([job_public(job, []) for job in found], worker.jobs.job_count(), paging)


@router.get(
    "/{job_id}", summary="A job's state, counts, progress and errors", response_model=JobPublic
)
def read_job(worker: WorkerDep, job_id: JobId) -> JobPublic:
    return job_public(*jobs.read_job(worker.jobs, job_id))


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
        for name in jobs.RETRY_OPTIONS
        if getattr(retry, name) is not None
    }
    job, failures = await run_in_threadpool(jobs.retry_job, runtime, worker, job_id, fixed, changes)
    return Response(
        job_public(job, failures).model_dump_json(),
        status_code=202,
        media_type="application/json",
        headers={"Location": f"/v1/jobs/{job_id}"},
    )


@router.post("/{job_id}/cancel", summary="Stop a job", response_model=JobPublic)
def cancel_job(worker: WorkerDep, job_id: JobId) -> JobPublic:
    """The articles already taken (at most 8) finish; the rest stay pending. A finished job
    stays as it is."""
    return job_public(*jobs.cancel_job(worker.jobs, job_id))


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
    if fmt == "zip":
        return Response(
            jobs.results_zip(worker.jobs, job_id),
            media_type="application/zip",
            headers={"Content-Disposition": f'attachment; filename="{job_id}.zip"'},
        )
    path = jobs.results_file(worker.jobs, job_id, fmt)
    return FileResponse(path, media_type=RESULT_TYPES[fmt], filename=f"{job_id}-{path.name}")
