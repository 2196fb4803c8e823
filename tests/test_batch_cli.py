"""`mtdesk batch` as a user runs it, on the toy model: killed with SIGKILL mid-run, then resumed."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from models import toy_corpus
from service.batch.outputs import article_file
from tests.conftest import run_cli

ENV = {"OMP_NUM_THREADS": "1", "MTDESK_THREADS": "1", "MTDESK_GLOSSARY": "", "MTDESK_DB": ""}
ARTICLES = 16
KILL_WAIT_S = 180  # how long to wait for the first articles to be written (loading included)


def write_archive(directory: Path) -> list[str]:
    """Articles of sentences the toy model was built for (they translate quickly)."""
    sentences = [pair.source for pair in toy_corpus.held_out(2 * ARTICLES)]
    ids = []
    for number in range(ARTICLES):
        path = directory / f"part{number % 3}" / f"{number:03d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        body = " ".join(sentences[2 * number : 2 * number + 2])
        path.write_text(f"Meldung {number}\n\n{body}\n\nFoto: dpa.\n", encoding="utf-8")
        ids.append(path.relative_to(directory).as_posix())
    return sorted(ids)


def result_ids(out: Path) -> list[str]:
    lines = (out / "results.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["id"] for line in lines]


@pytest.mark.slow
def test_sigkill_mid_run_then_rerun_yields_every_article_once(tmp_path: Path) -> None:
    ids = write_archive(tmp_path / "in")
    out = tmp_path / "out"
    command = [sys.executable, "-m", "service", "batch", str(tmp_path / "in"), "--out", str(out)]
    command += ["--model", "toy", "--workers", "2"]
    child = subprocess.Popen(
        command,
        env={**os.environ, **ENV},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + KILL_WAIT_S
    while len(list((out / "articles").glob("*.json"))) < 3 and time.monotonic() < deadline:
        assert child.poll() is None, "the job ended before it could be killed"
        time.sleep(0.05)
    child.send_signal(signal.SIGKILL)
    child.wait()
    written = len(list((out / "articles").glob("*.json")))
    assert 3 <= written < ARTICLES, "killed mid-run"
    assert not (out / "results.jsonl").exists()

    resumed = run_cli(*command[3:], env=ENV, timeout=600)
    assert resumed.returncode == 0, resumed.stderr.decode()
    assert f"{ARTICLES} articles done, 0 failed" in resumed.stdout.decode()
    assert "batch: " in resumed.stderr.decode()  # progress lines, stderr being no terminal
    assert result_ids(out) == ids
    for article_id in ids:
        record = json.loads((out / article_file(article_id)).read_text())
        assert record["id"] == article_id and record["blocks"][1]["segments"]
    report = json.loads((out / "report.json").read_text())
    assert report["articles"]["done"] == ARTICLES
    assert report["articles"]["skipped"] >= written - 2  # at most the unmarked ones redone

    again = run_cli(*command[3:], env=ENV)
    assert again.returncode == 0
    assert f"all {ARTICLES} articles already done" in again.stderr.decode()
    assert result_ids(out) == ids

    other = run_cli(*command[3:-4], "--model", str(tmp_path / "another"), env=ENV)
    assert other.returncode == 2
    assert "started differently (it was started with the model 'toy'" in other.stderr.decode()


def test_a_file_that_is_no_archive_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "articles.rar"
    source.write_bytes(b"Rar!")
    result = run_cli("batch", str(source), "--out", str(tmp_path / "out"), "--model", "toy")
    assert result.returncode == 2
    assert "articles.rar is not a batch input" in result.stderr.decode()


def test_failed_articles_are_reported_then_retried_after_a_fix(tmp_path: Path) -> None:
    """A Latin-1 file and an English one fail, each said on stderr as it fails; once the
    file is saved as UTF-8, --retry-failed translates just it and rebuilds the outputs."""
    sentences = [pair.source for pair in toy_corpus.held_out(2)]
    source = tmp_path / "in"
    source.mkdir()
    (source / "a.txt").write_text(sentences[0], encoding="utf-8")
    latin = f"Die Straße in München ist gesperrt. {sentences[1]}"
    (source / "b.txt").write_bytes(latin.encode("latin-1"))
    english = "The minister met his counterpart in Geneva on Friday to discuss the crisis. " * 3
    (source / "c.txt").write_text(english, encoding="utf-8")
    out = tmp_path / "out"
    command = ["batch", str(source), "--out", str(out), "--model", "toy"]

    first = run_cli(*command, env=ENV)
    assert first.returncode == 0, first.stderr.decode()
    assert "1 article done, 2 failed" in first.stdout.decode()
    failures = [line for line in first.stderr.decode().splitlines() if " failed: " in line]
    assert sorted(failures) == [  # in the order they fail: articles run concurrently
        "mtdesk: article 'b.txt' failed: not UTF-8: invalid continuation byte",
        "mtdesk: article 'c.txt' failed: the article is not German: it reads as 'en'; "
        "give --source-lang auto to translate its German sentences and keep the others",
    ]
    report = json.loads((out / "report.json").read_text())
    assert [failure["id"] for failure in report["failures"]] == ["b.txt", "c.txt"]

    (source / "b.txt").write_text(latin, encoding="utf-8")  # the fix
    again = run_cli(*command, "--retry-failed", env=ENV)
    assert again.returncode == 0, again.stderr.decode()
    assert "2 failed articles to retry" in again.stderr.decode()  # c.txt, still English, too
    assert "2 articles done, 1 failed" in again.stdout.decode()
    assert result_ids(out) == ["a.txt", "b.txt"]
    report = json.loads((out / "report.json").read_text())
    assert report["articles"]["done"] == 2 and report["failures"][0]["id"] == "c.txt"
