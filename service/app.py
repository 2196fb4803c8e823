"""The HTTP service: ``create_app(settings, engine)`` assembles the API's routers.

The store opens and the model loads in the lifespan, never at import. Given
an engine (tests pass the toy model's) the app serves at once; without one it
loads ``settings.model`` in a background thread, and /ready and the
translating endpoints answer 503 with ``Retry-After`` until it is loaded.
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import partial

from fastapi import FastAPI
from starlette.concurrency import run_in_threadpool

from models.engine import Engine
from service import web
from service.api import (
    articles,
    check,
    export,
    glossaries,
    health,
    jobs,
    localise,
    resegment,
    revisions,
    segments,
    translate,
)
from service.batch.worker import JobWorker
from service.compose import Runtime
from service.http.errors import install_error_handlers
from service.http.headers import SecurityHeaders
from service.http.middleware import (
    BodyLimit,
    CrossSiteGuard,
    HostCheck,
    RequestMetrics,
    UnhandledErrors,
)
from service.metrics import Metrics
from service.settings import Settings
from service.store.articles import Store

# JSON may escape every character as \uXXXX (6 bytes); the slack covers the other fields.
BODY_BYTES_PER_CHAR = 6
BODY_SLACK_BYTES = 64 * 1024


@asynccontextmanager
async def lifespan(
    app: FastAPI, *, settings: Settings, engine: Engine | None
) -> AsyncIterator[None]:
    # creates the schema: disk I/O
    store = await run_in_threadpool(Store, settings.db, settings.db_busy_timeout_s)
    runtime = Runtime(settings, store, app.state.metrics)
    if engine is None:
        threading.Thread(target=runtime.load, name="mtdesk-model-loader", daemon=True).start()
    else:
        runtime.attach(engine)
    app.state.runtime = runtime
    app.state.job_worker = JobWorker(runtime)  # batch jobs; resumes those a stop interrupted
    app.state.job_worker.start()
    try:
        yield
    finally:
        await run_in_threadpool(app.state.job_worker.stop)
        await run_in_threadpool(runtime.close)


def create_app(settings: Settings | None = None, engine: Engine | None = None) -> FastAPI:
    settings = settings or Settings()
    app = FastAPI(
        title="mtdesk",
        version="0.1.0",
        summary="German→English news translation with sentence-aligned output and review.",
        lifespan=partial(lifespan, settings=settings, engine=engine),
    )
    app.state.metrics = Metrics()
    routers = (
        health,
        translate,
        localise,
        articles,
        revisions,
        segments,
        resegment,
        export,
        glossaries,
    )
    for module in (*routers, check, jobs):
        app.include_router(module.router)
    web.install(app)  # the review pages
    install_error_handlers(app)
    app.add_middleware(
        BodyLimit,
        max_bytes=settings.max_chars * BODY_BYTES_PER_CHAR + BODY_SLACK_BYTES,
        uploads=("/v1/jobs", settings.max_upload_bytes),
    )
    app.add_middleware(CrossSiteGuard)
    app.add_middleware(HostCheck, allowed=settings.host_names())  # before anything reads
    app.add_middleware(UnhandledErrors)  # inside SecurityHeaders: its 500 carries them too
    app.add_middleware(SecurityHeaders)  # on refusals from the guard and the limit too
    app.add_middleware(RequestMetrics, metrics=app.state.metrics)  # outermost: sees every 413
    return app
