import json
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import ARTICLE, run_cli

needs_article = pytest.mark.skipif(not ARTICLE.is_file(), reason="../shared/data is absent")


def error_line(result: subprocess.CompletedProcess[bytes]) -> str:
    lines = result.stderr.decode().strip().splitlines()
    assert len(lines) == 1, lines  # one clear line, no traceback
    return lines[0]


@needs_article
def test_translate_prints_the_aligned_document() -> None:
    result = run_cli("translate", str(ARTICLE), "--model", "toy", "--format", "json")
    assert result.returncode == 0, result.stderr.decode()
    document = json.loads(result.stdout)
    text = ARTICLE.read_text(encoding="utf-8")
    segments = [segment for block in document["blocks"] for segment in block["segments"]]
    for segment in segments:
        start, end = segment["source_span"]
        assert text[start:end] == segment["source"]
        assert segment["target"] and segment["origin"] == "model"
    starts = [segment["source_span"][0] for segment in segments]
    assert starts == sorted(starts)
    assert document["blocks"][2]["kind"] == "title"
    assert document["model"] == "toy"


def test_translate_alignment_gives_word_pairs() -> None:
    text = "Die Gespräche dauerten zwei Stunden."
    plain = json.loads(
        run_cli("translate", "-", "-m", "toy", "-f", "json", stdin=text.encode()).stdout
    )
    assert plain["blocks"][0]["segments"][0]["alignment"] is None
    result = run_cli(
        "translate", "-", "-m", "toy", "-f", "json", "--alignment", stdin=text.encode()
    )
    assert result.returncode == 0, result.stderr.decode()
    (segment,) = json.loads(result.stdout)["blocks"][0]["segments"]
    source, target = segment["source"], segment["target"]
    found = [(source[a:b], target[c:d]) for (a, b), (c, d) in segment["alignment"]]
    assert found == [
        ("Die", "The"),
        ("Gespräche", "talks"),
        ("dauerten", "lasted"),
        ("zwei", "two"),
        ("Stunden", "hours"),
    ]


@needs_article
def test_text_output_and_stdin_agree() -> None:
    from_file = run_cli("translate", str(ARTICLE), "--model", "toy", "--no-glossary")
    from_stdin = run_cli(
        "translate", "-", "--model", "toy", "--no-glossary", stdin=ARTICLE.read_bytes()
    )
    assert from_file.returncode == from_stdin.returncode == 0
    assert from_file.stdout == from_stdin.stdout
    assert from_file.stdout.decode().count("\n\n") == ARTICLE.read_text().strip().count("\n\n")


@pytest.mark.parametrize("content", [b"", b"  \n\t\n  "])
def test_empty_input_is_a_clear_error(content: bytes) -> None:
    result = run_cli("translate", "-", "--model", "toy", stdin=content)
    assert result.returncode == 2
    assert "input is empty" in error_line(result)


def test_bytes_that_are_not_utf8_are_named() -> None:
    result = run_cli("translate", "-", "--model", "toy", stdin="Grüße".encode("latin-1"))
    assert result.returncode == 2
    assert "not valid UTF-8 (byte 0xfc at offset 2)" in error_line(result)


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    result = run_cli("translate", str(tmp_path / "nope.txt"), "--model", "toy")
    assert result.returncode == 2
    assert "no such file" in error_line(result)


def test_missing_model_fails_fast_and_names_the_pull_command(tmp_path: Path) -> None:
    started = time.monotonic()
    result = run_cli(
        "translate",
        "-",
        "--model",
        "Helsinki-NLP/opus-mt-de-en",
        stdin=b"Guten Morgen.",
        env={"HF_HUB_CACHE": str(tmp_path)},
    )
    assert result.returncode == 2
    assert "mtdesk models pull Helsinki-NLP/opus-mt-de-en" in error_line(result)
    assert time.monotonic() - started < 30


def test_models_list_shows_the_toy_model_present() -> None:
    result = run_cli("models", "list")
    assert result.returncode == 0
    toy_line = next(line for line in result.stdout.decode().splitlines() if " toy " in line)
    assert "present" in toy_line and "models/toy" in toy_line


@pytest.mark.parametrize("command", [[], ["translate"], ["models"], ["models", "pull"], ["serve"]])
def test_help_everywhere(command: list[str]) -> None:
    result = run_cli(*command, "--help")
    assert result.returncode == 0
    assert "Usage" in result.stdout.decode()
