"""Batch runs over a stand-in engine: outputs, failures, the memory, crashes and resume, cancel.

The engine here writes ``EN:`` and the sentence backwards (nothing a
quality check takes for German left untranslated), so that what reaches it
can be counted exactly; the toy model runs in tests/test_batch_cli.py.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from translate.storage import tmx, xliff

from service.batch import outputs
from service.batch.inputs import InputArticle
from service.batch.jobstore import Item, JobStore, job_key
from service.batch.local import LocalExecutor
from service.batch.runner import Runner
from service.compose import batching_engine
from service.errors import JobConflict
from service.pipeline.batcher import EngineClosed
from service.pipeline.translator import Translator
from service.settings import Settings
from service.store.articles import Store
from service.store.memory import TranslationMemory
from tests.fakes import FakeEngine

CREDIT = "Foto: dpa."


def english(sentence: str) -> str:
    return f"EN:{sentence[::-1]}"


class Crash(Exception):
    """Stands for the process dying at this point."""


def news(number: int) -> InputArticle:
    text = f"Meldung {number}\n\nDer Minister spricht am Tag {number}. Er reist ab.\n\n{CREDIT}\n"
    return InputArticle(f"news/{number}.txt", f"news/{number}.txt", "text", text)


ARTICLES = [
    news(0),
    news(1),
    InputArticle("broken.txt", "broken.txt", "text", error="not UTF-8: invalid start byte"),
    news(2),
    news(3),
    news(4),
]
DONE_IDS = [article.id for article in ARTICLES if article.error is None]


@pytest.fixture
def db(database_url: str) -> Iterator[Store]:
    """The job store on SQLite, and on PostgreSQL where the tests have one."""
    store = Store(database_url)
    yield store
    store.close()


def new_job(
    store: Store, out: Path, articles: list[InputArticle] = ARTICLES, max_chars: int = 100_000
) -> str:
    job = JobStore(store).create(
        key=job_key(str(out)),
        input="test",
        out_dir=str(out),
        model="echo",
        glossary_name=None,
        glossary_version=None,
        options={},
        articles=articles,
        max_chars=max_chars,
    )
    return job.id


def run(
    store: Store,
    job_id: str,
    engine: FakeEngine | None = None,
    observer: Callable[[int, int], None] | None = None,
    jobs: JobStore | None = None,
    workers: int = 2,
) -> dict[str, Any]:
    merging = batching_engine(engine or FakeEngine(english, score=-0.5), Settings(), "batch")
    try:
        translator = Translator(merging, memory=TranslationMemory(store))
        runner = Runner(
            jobs or JobStore(store), LocalExecutor(translator, workers), claim=2, observer=observer
        )
        return runner.run(job_id).report
    finally:
        merging.close()


def results(out: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (out / outputs.RESULTS).read_text().splitlines()]


def assert_exactly_once(store: Store, job_id: str, out: Path) -> None:
    """Every done article once in results.jsonl, in input order, each file whole and its own."""
    assert [record["id"] for record in results(out)] == DONE_IDS
    for item in JobStore(store).items(job_id, state="done"):
        record = json.loads((out / item.out_path).read_text())
        assert record["id"] == item.article_id
        first = record["blocks"][1]["segments"][0]
        assert first["target"] == english(first["source"])
        assert first["source"].startswith("Der Minister spricht")


def test_a_job_writes_every_output(db: Store, tmp_path: Path) -> None:
    out = tmp_path / "out"
    report = run(db, new_job(db, out))

    assert_exactly_once(db, JobStore(db).job(report["job"]).id, out)
    assert [path.name[:-22] for path in sorted((out / "articles").iterdir())] == [
        "news_0.txt",  # the id made safe, then a hash of it
        "news_1.txt",
        "news_2.txt",
        "news_3.txt",
        "news_4.txt",
    ]
    assert report["articles"] == {"total": 6, "done": 5, "failed": 1, "cancelled": 0, "skipped": 0}
    assert report["failures"] == [{"id": "broken.txt", "error": "not UTF-8: invalid start byte"}]
    assert report["segments"] == 5 * 4
    assert report["state"] == "done"
    assert json.loads((out / outputs.REPORT).read_text()) == report
    units = tmx.tmxfile.parsefile(str(out / outputs.TMX)).units
    assert len(units) == 20
    assert units[0].source == "Meldung 0" and units[0].target == english("Meldung 0")
    xliff_store = xliff.xlifffile.parsefile(str(out / outputs.XLIFF))
    assert xliff_store.getfilenames() == DONE_IDS
    assert len(xliff_store.units) == 20


def test_an_article_over_max_chars_fails_saying_so_and_the_rest_are_done(
    db: Store, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    at_limit = InputArticle("limit.txt", "limit.txt", "text", ("Er reist ab. " * 80)[:999] + ".")
    over = InputArticle("long.txt", "long.txt", "text", "Der Minister schweigt. " * 44)
    assert (len(at_limit.text), len(over.text)) == (1_000, 1_012)
    engine = FakeEngine(english, score=-0.5)

    report = run(db, new_job(db, out, [news(0), over, at_limit, news(1)], max_chars=1_000), engine)

    assert report["articles"] == {"total": 4, "done": 3, "failed": 1, "cancelled": 0, "skipped": 0}
    assert report["failures"] == [
        {
            "id": "long.txt",
            "error": "the input has 1012 characters, more than the limit of 1000 "
            "(MTDESK_MAX_CHARS); split the article or raise the limit",
        }
    ]
    assert json.loads((out / outputs.REPORT).read_text())["failures"] == report["failures"]
    assert [record["id"] for record in results(out)] == ["news/0.txt", "limit.txt", "news/1.txt"]
    assert "Der Minister schweigt." not in engine.seen  # never sent to the engine


def test_the_memory_makes_repeated_sentences_free(db: Store, tmp_path: Path) -> None:
    engine = FakeEngine(english, score=-0.5)
    report = run(db, new_job(db, tmp_path / "out"), engine, workers=1)
    assert engine.seen.count(CREDIT) == 1
    assert engine.seen.count("Er reist ab.") == 1
    assert len(engine.seen) == 12  # 5 headlines, 5 first sentences, 2 repeated ones
    assert report["memory_hits"] == 20 - 12
    credits = [record["blocks"][2]["segments"][0] for record in results(tmp_path / "out")]
    assert [segment["origin"] for segment in credits] == ["model"] + ["memory"] * 4


def test_articles_decoded_together_share_their_repeated_sentences() -> None:
    engine = FakeEngine(english, score=-0.5)
    merging = batching_engine(engine, Settings(), "batch")
    try:
        hypotheses = merging.translate([CREDIT, "Ein Satz.", CREDIT])
    finally:
        merging.close()
    assert sorted(engine.seen) == sorted([CREDIT, "Ein Satz."])
    assert [h.text for h in hypotheses] == [english(CREDIT), english("Ein Satz."), english(CREDIT)]


def test_a_finished_job_run_again_translates_nothing(db: Store, tmp_path: Path) -> None:
    out = tmp_path / "out"
    job_id = new_job(db, out)
    run(db, job_id)
    engine = FakeEngine(english, score=-0.5)
    report = run(db, job_id, engine)
    assert engine.seen == []
    assert report["articles"]["done"] == 5
    assert_exactly_once(db, job_id, out)


def crash_after_file_written(jobs: JobStore, monkeypatch: pytest.MonkeyPatch) -> None:
    """The article's file is in place, its item not yet marked done."""
    finish = jobs.finish_item
    count = 0

    def failing(job_id: str, seq: int, stats: dict[str, Any]) -> None:
        nonlocal count
        count += 1
        if count == 3:
            raise Crash()
        finish(job_id, seq, stats)

    monkeypatch.setattr(jobs, "finish_item", failing)


def crash_while_writing_results(jobs: JobStore, monkeypatch: pytest.MonkeyPatch) -> None:
    """Half of results.jsonl written to its temporary file."""
    original = outputs.read_records

    def failing(out_dir: Path, out_paths: Any) -> Iterator[dict[str, Any]]:
        for number, record in enumerate(original(out_dir, out_paths)):
            if number == 2:
                raise Crash()
            yield record

    monkeypatch.setattr(outputs, "read_records", failing)


def crash_before_marked_done(jobs: JobStore, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every output written, the job not yet marked done."""
    set_state = jobs.set_state

    def failing(job_id: str, state: Any, error: str | None = None) -> None:
        if state == "done":
            raise Crash()
        set_state(job_id, state, error)

    monkeypatch.setattr(jobs, "set_state", failing)


def crash_mid_claim(jobs: JobStore, monkeypatch: pytest.MonkeyPatch) -> None:
    """Dies between two articles, leaving claimed items running."""
    claim = jobs.claim
    calls = 0

    def failing(job_id: str, runner: str, count: int) -> Any:
        nonlocal calls
        calls += 1
        if calls == 3:
            claim(job_id, runner, count)  # taken, never translated
            raise Crash()
        return claim(job_id, runner, count)

    monkeypatch.setattr(jobs, "claim", failing)


@pytest.mark.parametrize(
    "crash",
    [
        crash_after_file_written,
        crash_while_writing_results,
        crash_before_marked_done,
        crash_mid_claim,
    ],
)
def test_resume_after_a_crash_yields_each_article_once(
    db: Store,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    crash: Callable[[JobStore, pytest.MonkeyPatch], None],
) -> None:
    out = tmp_path / "out"
    job_id = new_job(db, out)
    dying = JobStore(db)
    monkeypatch.setattr(dying, "release", lambda job_id, seqs: None)  # SIGKILL cleans nothing up
    crash(dying, monkeypatch)
    with pytest.raises(Crash):
        run(db, job_id, jobs=dying)
    monkeypatch.undo()

    assert JobStore(db).job(job_id).state == "running"
    report = run(db, job_id)
    assert report["articles"]["done"] == 5 and report["articles"]["failed"] == 1
    assert_exactly_once(db, job_id, out)


def test_a_slow_article_does_not_hold_back_the_next_claims(
    db: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Articles keep starting while one is slow: the end of a claim is no barrier."""
    import service.batch.local as local

    out = tmp_path / "out"
    job_id = new_job(db, out)
    others_done = threading.Event()
    waited: list[bool] = []
    finished: list[int] = []
    translate_item = local.translate_item

    def slow_first(translator: Translator, item: Any, options: Any) -> Any:
        if item.article_id == DONE_IDS[0]:
            waited.append(others_done.wait(timeout=30))
        return translate_item(translator, item, options)

    def observe(articles: int, sentences: int) -> None:
        finished.append(articles)
        if len(finished) == len(DONE_IDS) - 1:
            others_done.set()

    monkeypatch.setattr(local, "translate_item", slow_first)
    run(db, job_id, observer=observe)  # claims of 2, 2 articles in flight
    assert waited == [True]  # the other four, in two later claims, finished first
    assert_exactly_once(db, job_id, out)


def test_an_interrupted_run_ends_its_articles_in_flight_instead_of_finishing_them() -> None:
    release = threading.Event()

    class WaitingTranslator:
        """Each article but the quick one waits in the engine's pool until abandoned."""

        def translate(self, text: str, fmt: str, source_lang: str) -> str:
            if text != "quick":
                release.wait(timeout=30)
                raise EngineClosed("the run was interrupted")
            return "done"

    def item(seq: int, text: str) -> Item:
        return Item(seq, f"a{seq}", f"a{seq}", f"a{seq}", "text", None, text, "pending", None, None)

    translator: Any = WaitingTranslator()
    executor = LocalExecutor(translator, workers=3, interrupt=release.set)
    stream = executor.translate([item(0, "quick"), item(1, "slow"), item(2, "slow")])
    first, outcome = next(stream)
    assert (first.seq, outcome) == (0, "done")
    stream.close()  # the run stops here (Ctrl-C): the two in flight end, unfinished
    assert release.is_set()


def test_cancel_stops_the_run_and_a_rerun_finishes_it(db: Store, tmp_path: Path) -> None:
    out = tmp_path / "out"
    job_id = new_job(db, out)
    jobs = JobStore(db)

    def cancel(articles: int, sentences: int) -> None:
        jobs.cancel(job_id)

    run(db, job_id, observer=cancel)

    job = jobs.job(job_id)
    assert job.state == "cancelled"
    assert job.counts["cancelled"] >= 1 and not {"pending", "running"} & set(job.counts)
    assert not (out / outputs.RESULTS).exists()

    run(db, job_id)
    assert_exactly_once(db, job_id, out)


def test_two_runners_never_claim_the_same_item(database_url: str, tmp_path: Path) -> None:
    first, second = Store(database_url), Store(database_url)
    articles = [news(n) for n in range(200)]
    job_id = new_job(first, tmp_path / "out", articles)
    claimed: list[int] = []

    def claim_all(store: Store, name: str) -> None:
        jobs = JobStore(store)
        while items := jobs.claim(job_id, name, 3):
            claimed.extend(item.seq for item in items)

    threads = [
        threading.Thread(target=claim_all, args=(store, f"runner{n}"))
        for n, store in enumerate([first, second, first, second])
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    first.close()
    second.close()
    assert sorted(claimed) == list(range(200))


def test_unsafe_article_ids_stay_inside_the_output_directory(db: Store, tmp_path: Path) -> None:
    out = tmp_path / "out"
    text = "Ein Satz.\n"
    articles = [
        InputArticle("../../etc/passwd", "x.jsonl:1", "text", text),
        InputArticle("/abs/id", "x.jsonl:2", "text", text),
        InputArticle("a b?c", "x.jsonl:3", "text", text),
        InputArticle("a_b_c", "x.jsonl:4", "text", text),
    ]
    run(db, new_job(db, out, articles))
    written = sorted(path.name[:-22] for path in (out / "articles").iterdir())
    assert written == ["_.._etc_passwd", "_abs_id", "a_b_c", "a_b_c"]
    assert all(path.resolve().is_relative_to(out) for path in out.rglob("*"))
    assert [record["id"] for record in results(out)] == [a.id for a in articles]


def test_ids_that_read_alike_each_keep_their_own_file(db: Store, tmp_path: Path) -> None:
    """Unsafe characters become ``_``, so the hash of the id as given tells them apart; one
    id is even the name the old fallback gave another."""
    out = tmp_path / "out"
    ids = ["a b", "a?b", "a_b", "a_b~1", "a_b~2", "a/b", "a\\b", "A B"]
    ids += ["a" * 5000, "a" * 4999 + "b", "x/" * 2000, "ü/" * 900 + "/" * 300]
    articles = [
        InputArticle(article_id, f"x.jsonl:{n}", "text", f"Satz Nummer {n}.\n")
        for n, article_id in enumerate(ids)
    ]
    job_id = new_job(db, out, articles)
    run(db, job_id)
    job = JobStore(db).job(job_id)
    assert (job.state, job.counts) == ("done", {"done": len(ids)})
    records = results(out)
    assert [record["id"] for record in records] == ids  # each once, as given, in input order
    assert [record["source_path"] for record in records] == [a.path for a in articles]
    files = list((out / "articles").iterdir())
    assert len(files) == len(ids) and all(len(path.name.encode()) <= 120 for path in files)
    for item in JobStore(db).items(job_id):  # each file holds its own article
        assert json.loads((out / item.out_path).read_text())["id"] == item.article_id


def test_a_repeated_id_fails_once_and_retry_leaves_it_failed(db: Store, tmp_path: Path) -> None:
    out = tmp_path / "out"
    articles = [
        InputArticle("a", "1", "text", "Eins.\n"),
        InputArticle("a", "2", "text", "Zwei.\n"),
    ]
    job_id = new_job(db, out, articles)
    run(db, job_id)
    jobs = JobStore(db)
    assert jobs.failures(job_id) == [
        {"id": "a", "error": "duplicate article id 'a' in 2 (first in 1)"}
    ]
    assert jobs.retry_failed(job_id, articles, 100_000) == 0
    run(db, job_id)
    assert [record["source_path"] for record in results(out)] == ["1"]


def test_markdown_and_html_articles_keep_their_markup(db: Store, tmp_path: Path) -> None:
    out = tmp_path / "out"
    articles = [
        InputArticle("a.md", "a.md", "markdown", "# Titel\n\nDer Minister *kommt* heute.\n"),
        InputArticle("b.html", "b.html", "html", "<h1>Titel</h1><p>Der Minister kommt.</p>"),
    ]
    run(db, new_job(db, out, articles))
    records = {record["id"]: record for record in results(out)}
    assert records["a.md"]["format"] == "markdown"
    assert records["a.md"]["target_document"].startswith("# ")
    assert records["b.html"]["format"] == "html"
    assert records["b.html"]["target_document"].startswith("<h1>")
    assert "<p>" not in records["b.html"]["blocks"][1]["segments"][0]["source"]


def test_a_job_with_a_live_runner_is_not_taken_over(db: Store, tmp_path: Path) -> None:
    jobs = JobStore(db)
    job_id = new_job(db, tmp_path / "out")
    host = socket.gethostname()
    gone = subprocess.Popen(["true"])
    gone.wait()
    jobs.take_over(job_id, f"{host}:{gone.pid}")
    jobs.take_over(job_id, "elsewhere:1")  # the process on this machine is gone: taken over
    with pytest.raises(JobConflict, match="is being run by elsewhere:1"):
        jobs.take_over(job_id, f"{host}:{os.getpid()}")  # elsewhere claimed items just now
    assert JobStore(db).job(job_id).state == "running"


def test_very_long_article_ids_get_file_names_the_disk_takes(db: Store, tmp_path: Path) -> None:
    out = tmp_path / "out"
    long_ids = ["ü" * 300, "ü" * 299 + "x"]
    articles = [
        InputArticle(article_id, "x.jsonl", "text", "Ein Satz.\n") for article_id in long_ids
    ]
    run(db, new_job(db, out, articles))
    assert [record["id"] for record in results(out)] == long_ids
    names = [path.name for path in (out / "articles").iterdir()]
    assert len(set(names)) == 2 and all(len(name.encode()) <= 255 for name in names)
