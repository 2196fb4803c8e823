"""The `mtdesk` command as a new user meets it: true messages in words, counted nouns,
output that ends where the input did."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from models import toy_corpus
from service.cli.words import counted
from tests.conftest import run_cli

ENV = {"OMP_NUM_THREADS": "1", "MTDESK_THREADS": "1", "MTDESK_DB": ""}
ENGLISH = "The minister met his counterpart in Geneva on Friday to discuss the crisis. " * 3
GERMAN = [pair.source for pair in toy_corpus.held_out(40)]


def test_counted_nouns_follow_their_number() -> None:
    assert counted(1, "failed article") == "1 failed article"
    assert counted(2, "failed article") == "2 failed articles"
    assert counted(0, "article") == "0 articles"
    assert counted(1, "entry") == "1 entry" and counted(266, "entry") == "266 entries"


@pytest.fixture(scope="module")
def finished_job(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], Path, str]:
    """A .jsonl job with the shipped glossary: one article done, an English one and a
    repeated id failed; the command and the first run's stdout and stderr."""
    directory = tmp_path_factory.mktemp("job")
    lines = [
        {"id": "x1", "text": GERMAN[0]},
        {"id": "x2", "text": ENGLISH},
        {"id": "x1", "text": GERMAN[1]},
    ]
    source = directory / "in.jsonl"
    source.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    out = directory / "out"
    command = ["batch", str(source), "--out", str(out), "--model", "toy", "-g", "news-de-en"]
    first = run_cli(*command, env=ENV)
    assert first.returncode == 0, first.stderr.decode()
    return command, out, first.stdout.decode() + first.stderr.decode()


def test_a_duplicate_id_names_the_line_that_repeats_it(
    finished_job: tuple[list[str], Path, str],
) -> None:
    _command, out, said = finished_job
    expected = "duplicate article id 'x1' on line 3 of in.jsonl (first on line 1)"
    assert f"mtdesk: article 'x1' failed: {expected}" in said
    report = json.loads((out / "report.json").read_text())
    assert {"id": "x1", "error": expected} in report["failures"]
    assert "1 article done, 2 failed" in said  # the noun by its number


def test_rerunning_a_finished_job_with_failures_says_so_and_points_to_retry(
    finished_job: tuple[list[str], Path, str],
) -> None:
    command, _out, _said = finished_job
    again = run_cli(*command, env=ENV)
    assert again.returncode == 0, again.stderr.decode()
    stderr = again.stderr.decode()
    assert "finished earlier: 1 article done, 2 failed; give --retry-failed" in stderr
    assert "all 3 articles already done" not in stderr


def test_a_changed_glossary_is_said_in_words(finished_job: tuple[list[str], Path, str]) -> None:
    command, _out, _said = finished_job
    result = run_cli(*command[:-2], "--no-glossary", env=ENV)
    assert result.returncode == 2
    stderr = result.stderr.decode()
    assert (
        "it was started with the glossary 'news-de-en', this run has none (--no-glossary)" in stderr
    )
    assert "None" not in stderr and not re.search(r"[0-9a-f]{12}", stderr)  # no hashes


@pytest.mark.slow
def test_ctrl_c_on_batch_says_how_far_it_got(tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    for number in range(40):  # one sentence each, so the run outlasts the signal
        (source / f"{number:02d}.txt").write_text(GERMAN[number], encoding="utf-8")
    out = tmp_path / "out"
    command = [sys.executable, "-m", "service", "batch", str(source), "--out", str(out)]
    child = subprocess.Popen(
        [*command, "--model", "toy", "--workers", "1"],
        env={**os.environ, **ENV, "MTDESK_GLOSSARY": ""},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        # Ctrl-C reaches the command even where this test runs with SIGINT ignored
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    deadline = time.monotonic() + 180
    # one worker: the second article's output is written after the first is recorded done
    while len(list(out.rglob("*.json"))) < 2 and time.monotonic() < deadline:
        assert child.poll() is None, "the job ended before it could be interrupted"
        time.sleep(0.05)
    child.send_signal(signal.SIGINT)
    _stdout, stderr = child.communicate(timeout=60)
    assert child.returncode == 130
    said = re.search(
        r"mtdesk: interrupted after (\d+) of 40 articles; "
        r"run the same command again to continue",
        stderr.decode(),
    )
    assert said, stderr.decode()
    assert 1 <= int(said.group(1)) < 40


def test_translate_from_stdin_adds_no_blank_line() -> None:
    result = run_cli("translate", "-", "--model", "toy", stdin=f"{GERMAN[0]}\n".encode(), env=ENV)
    assert result.returncode == 0, result.stderr.decode()
    english = result.stdout.decode()
    assert english.endswith("\n") and not english.endswith("\n\n") and english.strip()


def test_glossary_check_prints_a_tsv_header() -> None:
    result = run_cli("glossary", "check", "-", stdin=b"Die Nato tagt in Berlin.")
    assert result.returncode == 0, result.stderr.decode()
    header, *rows = result.stdout.decode().splitlines()
    assert header.split("\t") == ["offsets", "found", "source", "target", "kind"]
    assert rows and all(len(row.split("\t")) == 5 for row in rows)
    assert "4-8\tNato\tNato\tNATO\tname" in rows


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["localise", "-", "--target", "en-AU"], "'en-AU' is not one of 'en-GB', 'en-US'."),
        (["translate", "-", "--backend", "onnx"], "'onnx' is not one of 'transformers',"),
        (["translate", "-", "--target", "en-AU"], "'en-AU' is not one of 'en', 'en-GB', 'en-US'."),
    ],
)
def test_a_bad_option_value_is_said_as_click_says_it(args: list[str], said: str) -> None:
    result = run_cli(*args, stdin=b"Hallo.")
    assert result.returncode == 2
    stderr = result.stderr.decode()
    assert said in stderr and "Value error" not in stderr
    assert re.search(r"Invalid value for '--\w+'", stderr)


REFUSAL_PROBE = """
import json, sys
from service.checks import language
from service.cli.main import app

code = app(["translate", "-", "--model", "toy"], standalone_mode=False)
built = language._built.cache_info().currsize
hits = language._built.cache_info().hits
language.quick_detector()
quick = language._built.cache_info().hits == hits + 1
heavy = ["service.compose", "service.pipeline.translator", "glossary.match", "simplemma",
         "ctranslate2", "torch", "transformers", "markdown_it", "lxml.html"]
print(json.dumps({"code": code, "built": built, "quick": quick,
                  "imported": [name for name in heavy if name in sys.modules]}))
"""


@pytest.mark.parametrize(
    "english",
    [
        ENGLISH,
        "The minister met his counterpart in Geneva on Friday to discuss the crisis. "
        "Police said two people were injured in the crash.",  # short: 105 letters
    ],
)
def test_an_english_paragraph_is_refused_by_the_quick_look_alone(english: str) -> None:
    """Refused before the engine, the glossary, the quality checks or the high-accuracy
    language models load: `bench/startup.py` times it against a bare CTranslate2 run."""
    probe = subprocess.run(
        [sys.executable, "-c", REFUSAL_PROBE],
        input=english.encode(),
        capture_output=True,
        env={**os.environ, **ENV},
        timeout=120,
        check=False,
    )
    assert "the article is not German: it reads as 'en'" in probe.stderr.decode()
    seen = json.loads(probe.stdout.decode().splitlines()[-1])
    assert seen == {"code": 2, "built": 1, "quick": True, "imported": []}
