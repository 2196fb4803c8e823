"""`mtdesk batch INPUT --out DIR`: translate an archive as a resumable job.

The job lives in the store (``DIR/job.db`` unless MTDESK_DB names another);
running the same command again continues it, and a finished job only
reports. One output directory holds one job.
"""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from service.cli.options import (
    BackendOption,
    BeamSizeOption,
    GlossaryOption,
    ModelOption,
    NoGlossaryOption,
    SourceLang,
    SourceLangOption,
    StyleOption,
    TargetOption,
    ThreadsOption,
    check_style,
    chosen_glossary,
    cli_message,
    fail,
    settings_with,
)
from service.cli.words import counted
from service.errors import JobConflict

if TYPE_CHECKING:
    from glossary import Glossary
    from service.batch.jobstore import Job, JobStore
    from service.batch.local import ArticleOptions
    from service.batch.runner import Executor
    from service.settings import Settings
    from service.store.articles import Store

OUT_DB = "job.db"
# local: articles translated at once, so that their sentences fill the
# engine's batches and each batch finds neighbours in length. On the speed
# bench's 276 articles of three sentences, one run each: 3.89 sent/s with 256
# against 3.21 with 64, and 5.15 against 4.65 without glossary terms. Each is
# a thread that mostly waits for the engine; an interrupted run abandons them.
ARTICLES_IN_FLIGHT = 256
RAY_ACTORS = 4  # each holds an engine (a model's memory, or a GPU)


class ExecutorKind(StrEnum):
    local = "local"
    ray = "ray"


def batch(
    source: Annotated[
        Path, typer.Argument(help="Directory of articles, .jsonl file, or .zip / .tar.gz.")
    ],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output directory of the job.")],
    model: ModelOption = None,
    glossary: GlossaryOption = None,
    no_glossary: NoGlossaryOption = False,
    backend: BackendOption = None,
    beam_size: BeamSizeOption = None,
    threads: ThreadsOption = None,
    source_lang: SourceLangOption = SourceLang.de,
    target: TargetOption = None,
    style: StyleOption = None,
    retry_failed: Annotated[
        bool,
        typer.Option(
            "--retry-failed",
            help="Read the input again and retry the articles that failed (after fixing "
            "them); the outputs are rebuilt.",
        ),
    ] = False,
    executor: Annotated[
        ExecutorKind, typer.Option(help="Where articles are translated.")
    ] = ExecutorKind.local,
    workers: Annotated[
        int | None,
        typer.Option(
            min=1,
            help="local: articles translated at once, their sentences batched together "
            f"(default {ARTICLES_IN_FLIGHT}); ray: actors, each holding an engine "
            f"(default {RAY_ACTORS}).",
            show_default=False,
        ),
    ] = None,
    ray_address: Annotated[
        str | None,
        typer.Option(
            help="Ray cluster to join: auto on a node of it, or HEAD:6379; "
            "without it, a local Ray is started for the job."
        ),
    ] = None,
) -> None:
    """Translate a whole archive; re-run the same command to continue after a stop."""
    from service.batch.inputs import Limits, read_input
    from service.batch.jobstore import JobStore, job_key
    from service.batch.local import ArticleOptions
    from service.batch.updates import previous_output
    from service.store.articles import Store

    settings = settings_with(
        model=model,
        backend=backend and backend.value,
        beam_size=beam_size,
        threads=threads,
        target_lang=target and target.value,
        style=style,
    )
    check_style(style, settings)
    source, out = source.resolve(), out.resolve()
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:  # --out names a file, or a place we cannot write: say so
        fail(f"cannot use {out} as the output directory: {error.strerror}")
    store = Store(os.environ.get("MTDESK_DB") or f"sqlite:///{out / OUT_DB}")
    try:
        jobs = JobStore(store)
        chosen = chosen_glossary(settings, glossary, no_glossary)
        version = chosen.version if chosen else None
        job = jobs.find(job_key("cli", str(out)))
        if job is None:
            job = jobs.create(
                key=job_key("cli", str(out)),
                input=str(source),
                out_dir=str(out),
                model=settings.model,
                glossary_name=chosen.name if chosen else None,
                glossary_version=version,
                options={"executor": executor.value, "source_lang": source_lang.value},
                articles=read_input(source, Limits(articles=settings.max_job_articles)),
                max_chars=settings.max_chars,
            )
            unreadable(jobs.failures(job.id))
        else:
            check_same(job, str(source), settings.model, chosen)
        updating = [] if retry_failed else changed_articles(jobs, job, source, settings)
        if updating:
            job = jobs.job(job.id)
        if retry_failed:
            requeued = jobs.retry_failed(
                job.id,
                read_input(source, Limits(articles=settings.max_job_articles)),
                settings.max_chars,
            )
            typer.echo(f"job {job.id}: {counted(requeued, 'failed article')} to retry", err=True)
            unreadable(jobs.failures(job.id))
            job = jobs.job(job.id)
        if job.state == "done":
            typer.echo(f"job {job.id}: {already_done(job.counts)}", err=True)
            summary(job.counts, out)
            return
        options = ArticleOptions(
            source_lang.value, describe=cli_message, previous=previous_output(out)
        )
        try:
            if executor is ExecutorKind.ray:
                workers = workers or RAY_ACTORS
                run_ray(store, jobs, job.id, settings, chosen, workers, ray_address, options)
            else:
                workers = workers or ARTICLES_IN_FLIGHT
                run_local(store, jobs, job.id, settings, chosen, workers, options)
        except KeyboardInterrupt:  # Ctrl-C: the claimed articles are back in the queue
            stopped = jobs.job(job.id)
            typer.echo(
                f"mtdesk: interrupted after {stopped.finished} of "
                f"{counted(stopped.total, 'article')}; run the same command again to continue",
                err=True,
            )
            raise typer.Exit(130) from None
        updated_lines(jobs, job.id, updating)
        summary(jobs.job(job.id).counts, out)
    finally:
        store.close()


def changed_articles(jobs: JobStore, job: Job, source: Path, settings: Settings) -> list[str]:
    """A finished job run again: the articles whose text changed since (and new ones) go
    back to its queue, to be updated from their earlier output; their ids."""
    from service.batch.inputs import read_input
    from service.batch.updates import requeue_changed

    if job.state != "done":
        return []
    changed = requeue_changed(jobs, job.id, read_input(source), settings.max_chars)
    if changed:
        typer.echo(f"job {job.id}: {counted(len(changed), 'changed article')} to update", err=True)
    return changed


def updated_lines(jobs: JobStore, job_id: str, updating: list[str]) -> None:
    """Per updated article, what it kept and what was translated."""
    from service.batch.updates import revision_line

    wanted = set(updating)
    for item in jobs.items(job_id, state="done"):
        if item.article_id in wanted and (line := revision_line(item.article_id, item.stats)):
            typer.echo(line, err=True)


def unreadable(failures: list[dict[str, str]]) -> None:
    """Articles that failed as the input was read, said as the run starts."""
    for failure in failures:
        typer.echo(f"mtdesk: article {failure['id']!r} failed: {failure['error']}", err=True)


def already_done(counts: dict[str, int]) -> str:
    """What a finished job holds, said when it is run again."""
    done, failed = counts.get("done", 0), counts.get("failed", 0)
    if not failed:
        return f"all {counted(done, 'article')} already done"
    return (
        f"finished earlier: {counted(done, 'article')} done, {failed} failed; "
        "give --retry-failed to try the failed ones again"
    )


def check_same(job: Job, source: str, model: str, glossary: Glossary | None) -> None:
    """A re-run continues the job only with what started it; each difference is said
    in words (names, not versions)."""
    differences: dict[str, str] = {}
    if job.input != source:
        differences["input"] = f"it was started on {job.input}, this run reads {source}"
    if job.model != model:
        differences["model"] = (
            f"it was started with the model {job.model!r}, this run has {model!r}"
        )
    version = glossary.version if glossary else None
    if job.glossary_version != version:
        differences["glossary"] = glossary_change(job.glossary_name, glossary)
    if differences:
        raise JobConflict(
            f"the output directory holds a job started differently "
            f"({'; '.join(differences.values())}); "
            "continue it as it was started, or give another --out",
            detail={"differences": differences},
        )


def glossary_change(was: str | None, now: Glossary | None) -> str:
    if was is None:
        return f"it was started without a glossary, this run has {now and now.name!r}"
    if now is None:
        return f"it was started with the glossary {was!r}, this run has none (--no-glossary)"
    if was == now.name:
        return f"the glossary {was!r} has changed since the job started"
    return f"it was started with the glossary {was!r}, this run has {now.name!r}"


def run_local(
    store: Store,
    jobs: JobStore,
    job_id: str,
    settings: Settings,
    glossary: Glossary | None,
    workers: int,
    options: ArticleOptions,
) -> None:
    from service import compose
    from service.batch.local import LocalExecutor

    compose.warm_checks()
    engine = compose.batching_engine(compose.load_engine(settings), settings, "batch")
    try:
        memory = compose.translation_memory(settings, store)
        translator = compose.translator(settings, engine, glossary=glossary, memory=memory)
        executor = LocalExecutor(translator, workers, interrupt=engine.abandon, options=options)
        run_with_progress(jobs, job_id, executor)
    finally:
        engine.close()


def run_ray(
    store: Store,
    jobs: JobStore,
    job_id: str,
    settings: Settings,
    glossary: Glossary | None,
    workers: int,
    address: str | None,
    options: ArticleOptions,
) -> None:
    from pydantic import SecretStr

    from service.batch.ray_executor import RayExecutor

    executor = RayExecutor(
        settings,
        glossary,
        workers=workers,
        address=address,
        db=SecretStr(store.engine.url.render_as_string(hide_password=False)),
        options=options,
    )
    try:
        run_with_progress(jobs, job_id, executor)
    finally:
        executor.close()


def run_with_progress(jobs: JobStore, job_id: str, executor: Executor) -> None:
    """The job's run, its progress and each failure on stderr."""
    from service.batch.runner import Runner
    from service.cli.progress import BatchProgress

    job = jobs.job(job_id)
    progress = BatchProgress(job.total, job.finished)
    try:
        Runner(jobs, executor, observer=progress, on_failure=progress.failed).run(job_id)
    finally:  # an interrupted run leaves the bar where it stopped
        progress.close()


def summary(counts: dict[str, int], out: Path) -> None:
    done, failed = counts.get("done", 0), counts.get("failed", 0)
    typer.echo(f"{counted(done, 'article')} done, {failed} failed; report: {out / 'report.json'}")
