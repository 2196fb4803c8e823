"""The service's batch worker: one background thread runs the queued jobs in turns.

Each job waiting gets a turn of ``TURN_S`` seconds, oldest first; a job
whose turn is over stops at its next claim (the articles claimed so far are
finished first) and goes on in the next round, so a job of 100,000 articles
does not keep a job of three waiting for hours.

It shares the app's engine (through its batching worker, so interactive
requests keep being served between a job's batches) and the app's memory.
A job that fails is marked ``failed`` with its error and the worker goes on;
jobs left ``running`` by a stopped service are taken up again when it starts.
"""

from __future__ import annotations

import itertools
import logging
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

from service.batch.jobstore import JobStore
from service.batch.local import ArticleOptions, LocalExecutor
from service.batch.runner import Runner
from service.errors import JobConflict

if TYPE_CHECKING:
    from glossary import Glossary
    from service.compose import Runtime

log = logging.getLogger("mtdesk.batch")
IDLE_POLL_S = 5.0  # also picks up jobs queued by another process on a shared database
ENGINE_POLL_S = 0.5
ARTICLES_IN_FLIGHT = 4
CLAIM_ARTICLES = 8  # a cancel takes effect once the articles claimed so far are done
TURN_S = 30.0  # how long one job runs while others wait


class JobWorker:
    def __init__(self, runtime: Runtime) -> None:
        self.runtime = runtime
        self.jobs = JobStore(runtime.store)
        self.jobs_dir = Path(runtime.settings.jobs_dir).resolve()
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._run, name="mtdesk-jobs", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def notify(self) -> None:
        """A job was queued."""
        self._wake.set()

    def stop(self, timeout: float = 30.0) -> None:
        """Stop after the articles in flight; the job stays running, to be resumed."""
        self._stopping.set()
        self._wake.set()
        self._thread.join(timeout)

    def glossary_for(self, specs: list[str] | None) -> Glossary | None:
        """The job's glossaries: those it named, else the service's default."""
        return self.runtime.job_glossary(specs)

    def _run(self) -> None:
        while not self._stopping.is_set():
            if self.runtime.engine is None:  # loading, or failed to load: jobs wait
                self._stopping.wait(ENGINE_POLL_S)
                continue
            try:
                ran = False
                for job_id in self.jobs.unfinished():  # a round: each job gets a turn
                    if self._stopping.is_set():
                        break
                    ran = self.run_job(job_id) or ran
            except Exception:  # the database away: try again later, never end the thread
                log.exception("the batch worker cannot reach the job store")
                ran = False
            if not ran:  # nothing queued, or only jobs another process is running
                self._wake.wait(IDLE_POLL_S)
                self._wake.clear()

    def run_job(self, job_id: str) -> bool:
        """Run the job for a turn (to its end if no other job waits); False if another
        process is running it."""
        try:
            job = self.jobs.job(job_id)
            translator = self.runtime.translator(
                glossary=self.glossary_for(job.options.get("glossary")),
                target_lang=job.options.get("target_lang"),
                style=job.options.get("style"),
            )
            options = ArticleOptions(source_lang=job.options.get("source_lang", "de"))
            executor = LocalExecutor(translator, ARTICLES_IN_FLIGHT, options=options)
            turn_ends, claims = time.monotonic() + TURN_S, itertools.count()

            def stop() -> bool:
                """Stopping the service, or the turn is over and another job is waiting
                (asked before each claim; a turn has one claim at least)."""
                return self._stopping.is_set() or (
                    next(claims) > 0
                    and time.monotonic() > turn_ends
                    and self.jobs.unfinished() != [job_id]
                )

            runner = Runner(self.jobs, executor, claim=CLAIM_ARTICLES, stop=stop, resume=False)
            runner.run(job_id)
        except JobConflict as conflict:
            log.info("skipping batch job %s: %s", job_id, conflict.message)
            return False
        except Exception as error:  # one job's failure must not stop the worker
            log.exception("batch job %s failed", job_id)
            reason = error.strerror if isinstance(error, OSError) else error  # no server path
            self.jobs.set_state(job_id, "failed", f"{type(error).__name__}: {reason}")
        return True
