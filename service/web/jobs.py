"""Batch job pages: the jobs with their progress, one job's articles, live while it runs.

A batch writes its articles to files in its output directory; "Review" on a
done article stores its translation as an article and opens its review page.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi import Path as PathParam
from fastapi.responses import RedirectResponse
from starlette.concurrency import run_in_threadpool

from service.batch import jobs
from service.batch.jobstore import UNFINISHED, Job, JobStore
from service.http.deps import StoreDep
from service.web.auth import require_csrf_form, require_login
from service.web.render import PageRoute, render

JobId = Annotated[str, PathParam(max_length=64, pattern=r"^[\w-]+$")]
ITEMS_PER_PAGE = 100

router = APIRouter(
    prefix="/jobs",
    route_class=PageRoute,
    dependencies=[Depends(require_login)],
    include_in_schema=False,
)


def progress(job: Job) -> dict[str, Any]:
    return {
        "state": job.state,
        "live": job.state in UNFINISHED,
        "total": job.total,
        "finished": job.finished,
        "done": job.counts.get("done", 0),
        "failed": job.counts.get("failed", 0),
    }


@router.get("", name="jobs")
def read_jobs(
    request: Request,
    store: StoreDep,
    page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
) -> Response:
    listed = jobs.list_jobs(JobStore(store), limit=51, offset=(page - 1) * 50)
    context = {
        "jobs": [(job, progress(job)) for job in listed[:50]],
        "page": page,
        "more": len(listed) > 50,
    }
    return render(request, "jobs.html", context)


@router.get("/{job_id}", name="job")
def read_job(
    request: Request,
    store: StoreDep,
    job_id: JobId,
    page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
) -> Response:
    job_store = JobStore(store)
    job = job_store.job(job_id)
    offset = (page - 1) * ITEMS_PER_PAGE
    items = jobs.job_items(job_store, job_id, limit=ITEMS_PER_PAGE, offset=offset)
    context = {
        "job": job,
        "progress": progress(job),
        "items": items,
        "page": page,
        "pages": max(1, -(-job.total // ITEMS_PER_PAGE)),
    }
    return render(request, "job.html", context)


@router.get("/{job_id}/results")
def download_results(store: StoreDep, job_id: JobId) -> Response:
    """A done job's output files in one zip: the page links here, never to a server path."""
    return Response(
        jobs.results_zip(JobStore(store), job_id),
        media_type="application/zip",
        headers={"Content-Disposition": f'attachment; filename="{job_id}.zip"'},
    )


@router.get("/{job_id}/progress")
def read_progress(store: StoreDep, job_id: JobId) -> dict[str, Any]:
    """What the job page polls while the job runs."""
    return progress(JobStore(store).job(job_id))


@router.post("/{job_id}/items/{seq}/review", dependencies=[Depends(require_csrf_form)])
async def review_item(
    store: StoreDep, job_id: JobId, seq: Annotated[int, PathParam(ge=0, le=10_000_000)]
) -> Response:
    article_id = await run_in_threadpool(jobs.import_item, store, job_id, seq)
    return RedirectResponse(f"/articles/{article_id}", status_code=303)
