"""Run a batch job: claim articles from the job store, translate them, write the outputs.

The store decides what is left to do; the output directory only ever
receives whole files. The order of events for one article is: translate →
write its JSON (temporary file, rename) → mark it done. A crash between the
rename and the mark translates that article again on the next run (the
memory answers) and rewrites the same file; ``results.jsonl``, the archive
TMX/XLIFF and ``report.json`` are rebuilt from the done articles' files when
every article is finished, and only then is the job marked done.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from service.batch import outputs
from service.batch.jobstore import Item, Job, JobState, JobStore
from service.document import AlignedDocument

log = logging.getLogger("mtdesk.batch")
CLAIM_ARTICLES = 32  # articles claimed at once: enough for wide batches, little to redo


class Executor(Protocol):
    """Translates claimed items; yields each with its document, or the error that failed it.

    ``items`` is a stream that claims more articles as the executor draws on
    it: an executor keeps a bounded number in flight and draws the next as
    one finishes, so the engine never waits for the last article of a claim.
    Results come back as they finish, in any order.
    """

    def translate(self, items: Iterable[Item]) -> Iterator[tuple[Item, AlignedDocument | str]]: ...


Observer = Callable[[int, int], None]  # (articles finished now, sentences translated now)
# (article id, why it failed), as it fails; without one, failures are logged
FailureObserver = Callable[[str, str], None]


@dataclass
class Claimed:
    """Articles a run has claimed and not yet recorded; whether a cancel or stop ended it."""

    unfinished: set[int] = field(default_factory=set)
    stopped: bool = False


@dataclass(frozen=True)
class RunResult:
    job: Job
    report: dict[str, Any]


def runner_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def article_stats(document: AlignedDocument) -> dict[str, Any]:
    segments = document.segments()
    flags = Counter(flag for segment in segments for flag in segment.flags)
    return {
        "segments": len(segments),
        "model_segments": sum(segment.origin == "model" for segment in segments),
        "memory_hits": sum(segment.origin in ("memory", "approved") for segment in segments),
        "glossary_violations": sum(
            term.status == "violated" for segment in segments for term in segment.terms
        ),
        "flags": dict(flags),
    } | ({"revision": document.revision_summary.model_dump()} if document.revision_summary else {})


def title_of(document: AlignedDocument) -> str | None:
    block = next((block for block in document.blocks if block.kind == "title"), None)
    return " ".join(segment.source for segment in block.segments) if block else None


class Runner:
    def __init__(
        self,
        jobs: JobStore,
        executor: Executor,
        *,
        claim: int = CLAIM_ARTICLES,
        observer: Observer | None = None,
        on_failure: FailureObserver | None = None,
        stop: Callable[[], bool] | None = None,
        resume: bool = True,
    ) -> None:
        self.jobs = jobs
        self.executor = executor
        self.claim = claim
        self.observer = observer
        self.on_failure = on_failure
        self.stop = stop or (lambda: False)  # the service shuts down: leave the job running
        self.name = runner_name()
        self.resume = resume  # take up a cancelled or failed job (a user running it again)

    def run(self, job_id: str) -> RunResult:
        """Translate what is left of the job, then write its archive outputs."""
        started = time.monotonic()
        job = self.jobs.job(job_id)
        out_dir = Path(job.out_dir)
        out_dir.mkdir(parents=True, exist_ok=True)
        if job.state == "done":
            return RunResult(job, read_report(out_dir) or self.finish(job, 0, 0.0))
        already = job.counts.get("done", 0)
        if not self.jobs.take_over(job_id, self.name, resume=self.resume):
            log.info("job %s is %s: not run", job_id, self.jobs.state(job_id))
            return RunResult(self.jobs.job(job_id), {})
        sentences = 0
        claimed = Claimed()
        try:
            for item, outcome in self.executor.translate(self.claims(job_id, claimed)):
                translated = self.record(job, out_dir, item, outcome)
                claimed.unfinished.discard(item.seq)
                sentences += translated
                if self.observer:
                    self.observer(1, translated)
        finally:
            if claimed.unfinished:  # interrupted (Ctrl-C, an engine that died): back to the queue
                self.jobs.release(job_id, claimed.unfinished)
        if claimed.stopped:
            log.info("job %s stopped (%s)", job_id, self.jobs.state(job_id))
            return RunResult(self.jobs.job(job_id), {})
        wall = time.monotonic() - started
        report = self.finish(self.jobs.job(job_id), sentences, wall, skipped=already)
        return RunResult(self.jobs.job(job_id), report)

    def claims(self, job_id: str, claimed: Claimed) -> Iterator[Item]:
        """The job's pending articles, claimed ``claim`` at a time as the executor asks.

        A cancel or a stop ends the stream at the next claim; the articles
        already claimed are finished first.
        """
        while True:
            if self.jobs.state(job_id) == "cancelled" or self.stop():
                claimed.stopped = True
                return
            items = self.jobs.claim(job_id, self.name, self.claim)
            if not items:
                return
            claimed.unfinished.update(item.seq for item in items)
            yield from items

    def record(self, job: Job, out_dir: Path, item: Item, outcome: AlignedDocument | str) -> int:
        if not isinstance(outcome, str):
            try:
                return self.write(job, out_dir, item, outcome)
            except OSError as error:  # a full disk: this article fails, saying why, no path
                outcome = f"its output file cannot be written: {error.strerror or error}"
        self.jobs.fail_item(job.id, item.seq, outcome)
        if self.on_failure:
            self.on_failure(item.article_id, outcome)
        else:
            log.warning("article %s failed: %s", item.article_id, outcome)
        return 0

    def write(self, job: Job, out_dir: Path, item: Item, outcome: AlignedDocument) -> int:
        record = outputs.article_record(
            outcome,
            article_id=item.article_id,
            title=item.title or title_of(outcome),
            fmt=item.format,
            path=item.path,
        )
        outputs.write_article(out_dir, item.out_path, record)
        stats = article_stats(outcome)
        self.jobs.finish_item(job.id, item.seq, stats)
        # an updated article's kept sentences came from its earlier output, not the model
        return int(stats.get("revision", {}).get("translated", stats["model_segments"]))

    def finish(self, job: Job, sentences: int, wall: float, skipped: int = 0) -> dict[str, Any]:
        """Archive outputs and the report from every done article; then the job is done."""
        out_dir = Path(job.out_dir)
        paths = [out_path for _seq, out_path in self.jobs.done_paths(job.id)]
        outputs.write_results(out_dir, outputs.read_records(out_dir, paths))
        documents = list(documents_of(outputs.read_records(out_dir, paths)))
        outputs.write_atomic(out_dir / outputs.TMX, outputs.archive_tmx(documents))
        outputs.write_atomic(out_dir / outputs.XLIFF, outputs.archive_xliff(documents))
        report = build_report(self.jobs, self.jobs.job(job.id), sentences, wall, skipped)
        outputs.write_atomic(
            out_dir / outputs.REPORT, json.dumps(report, indent=2, ensure_ascii=False).encode()
        )
        # Last: a crash before it rebuilds all of the above. Articles a cancel left
        # unstarted keep the job cancelled (a retry ran only its failed ones).
        final: JobState = "cancelled" if self.jobs.job(job.id).counts.get("cancelled") else "done"
        self.jobs.set_state(job.id, final)
        return report


def documents_of(records: Iterable[dict[str, Any]]) -> Iterator[AlignedDocument]:
    for record in records:
        yield AlignedDocument.model_validate(record)


def build_report(
    jobs: JobStore, job: Job, sentences: int, wall: float, skipped: int
) -> dict[str, Any]:
    all_stats = jobs.stats(job.id)
    flags: Counter[str] = Counter()
    for stats in all_stats:
        flags.update(stats.get("flags", {}))
    done = job.counts.get("done", 0)
    return {
        "job": job.id,
        "state": "cancelled" if job.counts.get("cancelled") else "done",
        "input": job.input,
        "model": job.model,
        "glossary": job.glossary_name,
        "articles": {
            "total": job.total,
            "done": done,
            "failed": job.counts.get("failed", 0),
            "cancelled": job.counts.get("cancelled", 0),  # never started: the job was cancelled
            "skipped": skipped,  # done by an earlier run of the job
        },
        "segments": sum(stats["segments"] for stats in all_stats),
        "memory_hits": sum(stats["memory_hits"] for stats in all_stats),
        "glossary_violations": sum(stats["glossary_violations"] for stats in all_stats),
        "flags": dict(sorted(flags.items())),
        "failures": jobs.failures(job.id),
        "run": {
            "wall_time_s": round(wall, 3),
            "sentences": sentences,  # translated by the model in this run
            "sentences_per_s": round(sentences / wall, 2) if wall > 0 else 0.0,
        },
    }


def read_report(out_dir: Path) -> dict[str, Any] | None:
    path = out_dir / outputs.REPORT
    if not path.is_file():
        return None
    report: dict[str, Any] = json.loads(path.read_bytes())
    return report
