"""A catalogue of bad inputs through the `mtdesk` command line.

Each gets a translation (exit 0) or a clear error: exit 2, a message on
stderr that says what to fix, no traceback; and nothing is written outside
the output directory. The cases run in-process through ``service.cli.main.main``
with the session's toy engine, because a child process spends about ten
seconds importing torch and loading the model; the few that fail before the
model loads also run as child processes, to show that the two agree.
"""

from __future__ import annotations

import io
import json
import os
import stat
import sys
import tarfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from models import toy_corpus
from models.marian import MarianEngine
from service.cli.main import main
from service.pipeline import engines
from service.settings import Settings
from tests.conftest import run_cli

GERMAN = " ".join(pair.source for pair in toy_corpus.held_out(2))
LAWROW = "Lawrow kommt am Montag nach London."
ENGLISH = "The minister met his counterpart in Geneva on Friday to discuss the talks."
FRENCH = "Le ministre a rencontré son homologue à Genève vendredi pour discuter."
DEEP_HTML = ("<div>" * 100_000 + "Der Minister kommt." + "</div>" * 100_000).encode()
TEN_MB = b"Ein Satz. " * 1_048_576
BINARY = bytes(range(256)) * 4
ESCAPED = "escaped.txt"  # what a path-traversal member would be called outside
BOMB_BYTES = 11 * 1024 * 1024  # over the 10 MiB a member may hold, a few KB compressed


@dataclass(frozen=True)
class Result:
    code: int
    stdout: str
    stderr: str


Cli = Callable[..., Result]


@pytest.fixture
def cli(
    toy_engine: MarianEngine,
    monkeypatch: pytest.MonkeyPatch,
    capfd: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> Cli:
    """``mtdesk ARGS`` run in-process, from ``tmp_path/work``, with the toy engine."""
    real_load = engines.load_engine

    def load(settings: Settings) -> object:  # other models load for real (and fail)
        return toy_engine if settings.model == "toy" else real_load(settings)

    monkeypatch.setattr(engines, "load_engine", load)
    monkeypatch.setenv("MTDESK_GLOSSARY", "")  # the shipped one takes seconds to compile
    monkeypatch.delenv("MTDESK_DB", raising=False)
    (tmp_path / "work").mkdir()
    monkeypatch.chdir(tmp_path / "work")

    def run(*args: str, stdin: bytes = b"") -> Result:
        monkeypatch.setattr(sys, "argv", ["mtdesk", *args])
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
        capfd.readouterr()
        code: int | str | None = 0
        try:
            main()
        except SystemExit as exit:  # an exception other than this one fails the test
            code = exit.code
        out, err = capfd.readouterr()
        return Result(code if isinstance(code, int) else int(code is not None), out, err)

    return run


def files_under(root: Path, skip: Path | None = None) -> set[Path]:
    return {path for path in root.rglob("*") if skip is None or not path.is_relative_to(skip)}


def assert_clear_error(result: Result, fragment: str) -> None:
    assert result.code == 2, result
    assert "Traceback" not in result.stderr
    assert fragment in result.stderr, result.stderr
    assert len(result.stderr) < 2_000
    if not result.stderr.startswith("Usage:"):  # click's usage errors: usage, hint, problem
        assert result.stderr.startswith("mtdesk: error:")
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def assert_translated(result: Result, json_output: bool = False) -> None:
    assert result.code == 0, result.stderr[-2_000:]
    assert "Traceback" not in result.stderr
    assert result.stdout.strip()
    if json_output:
        document = json.loads(result.stdout)
        segments = [segment for block in document["blocks"] for segment in block["segments"]]
        assert segments and all(segment["target"] is not None for segment in segments)


# --- mtdesk translate ---------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """``args`` may name the input file (IN) and the glossary file (GLOSSARY)."""

    name: str
    args: tuple[str, ...]
    content: bytes = b""  # of the input file, or of stdin when the input is `-`
    error: str | None = None  # part of the message; None: a translation is expected
    file: str = "article.txt"
    glossary: bytes | None = None
    env: dict[str, str] = field(default_factory=dict)
    output: str | None = None  # part of a translation that must be there


def translate(
    name: str, content: bytes, *options: str, error: str | None = None, **fields: Any
) -> Case:
    return Case(name, ("translate", "IN", "--model", "toy", *options), content, error, **fields)


def piped(name: str, content: bytes, *options: str, error: str | None = None) -> Case:
    return Case(name, ("translate", "-", "--model", "toy", *options), content, error)


def tsv(*rows: tuple[str, str]) -> bytes:
    return ("source\ttarget\n" + "".join(f"{s}\t{t}\n" for s, t in rows)).encode()


NOT_UTF8 = "not valid UTF-8"
EMPTY = "input is empty"
USAGE = "Invalid value"

TRANSLATE_CASES = [
    translate("empty file", b"", error=EMPTY),
    piped("empty stdin", b"", error=EMPTY),
    piped("whitespace only", " \n\t \u00a0 \u2003\n".encode(), error=EMPTY),
    translate("byte order mark only", b"\xef\xbb\xbf\n", error=EMPTY),
    translate("10 MB file", TEN_MB, error="MTDESK_MAX_CHARS"),
    piped("10 MB on stdin", TEN_MB, error="MTDESK_MAX_CHARS"),
    translate("binary file", BINARY, error=f"{NOT_UTF8} (byte 0x80 at offset 128)"),
    piped("binary on stdin", BINARY, "--format", "json", error=NOT_UTF8),
    translate(
        "NUL bytes", b"Der Minister\x00 kommt.\x00 " + GERMAN.encode(), error="U+0000 at offset 12"
    ),
    translate("lone surrogate bytes", b"Hallo \xed\xa0\x80 Welt.", error="byte 0xed at offset 6"),
    piped("invalid UTF-8 (latin-1)", "Straße und Grüße.".encode("latin-1"), error=NOT_UTF8),
    translate("truncated UTF-8 at the end", GERMAN.encode() + b"\xc3", error=NOT_UTF8),
    translate("100 000-deep HTML", DEEP_HTML, "--input-format", "html", error="MTDESK_MAX_CHARS"),
    translate(
        "5 000-deep HTML by suffix, json",
        ("<div>" * 5_000 + GERMAN + "</div>" * 5_000).encode(),
        "-f",
        "json",
        error="nests more than",
        file="a.html",
    ),
    translate(
        "5 000-deep Markdown quotes",
        ("> " * 5_000 + GERMAN).encode(),
        "--input-format",
        "markdown",
        error="nests more than",
    ),
    translate("HTML that is only tags", b"<p><b></b></p>" * 100, "-i", "html", error=EMPTY),
    translate("a 5000-character word", ("Donaudampfschiff" * 312 + "fahrt.").encode()),
    translate("only punctuation", "?!.,;:–…„“»«()[]{}".encode() * 20),
    translate("only numbers", b"100.000 25,7 02.01.2022 14.30 3,5 1.234.567,89", "-f", "json"),
    translate("emoji", f"{GERMAN} 🙂 🇩🇪 👍👍👍".encode(), "-f", "json"),
    translate("right-to-left override", f"Der \u202eMinister\u202c kommt. {GERMAN}".encode()),
    translate("zero-width characters", f"Der\u200b Mini\u200dster\ufeff. {GERMAN}".encode()),
    translate(
        "control characters",
        f"Der\x07 Minister\x1b[31m kommt.\x7f {GERMAN}".encode(),
        error="U+0007 at offset 3",
    ),
    translate("mixed scripts", f"Сергей Лавров traf 王毅 in Genf. {GERMAN}".encode()),
    translate("English text", ENGLISH.encode(), error="give --source-lang auto"),
    translate("French text", FRENCH.encode(), error="give --source-lang auto"),
    translate("English text with --source-lang auto", ENGLISH.encode(), "--source-lang", "auto"),
    translate("Markdown as HTML", f"# Titel\n\n{GERMAN}\n".encode(), "-i", "html"),
    translate(
        "HTML as Markdown (raw HTML blocks are not read)",
        f"<p>{GERMAN}</p>\n".encode(),
        "-i",
        "markdown",
        error="only in raw HTML blocks, which Markdown input keeps as they are; "
        "send the article as HTML (--input-format html",
    ),
    translate(
        "HTML as Markdown, sent as HTML", f"<p>{GERMAN}</p>\n".encode(), "-i", "html", output="<p>"
    ),
    translate("missing file", b"", error="no such file", file="../no/such/file.txt"),
    translate("a directory for the file", b"", error="is a directory", file="."),
    translate("unknown option", GERMAN.encode(), "--colour", "blue", error="No such option"),
    translate("unknown --format", GERMAN.encode(), "--format", "xml", error=USAGE),
    translate("unknown --input-format", GERMAN.encode(), "-i", "pdf", error=USAGE),
    translate("unknown --source-lang", GERMAN.encode(), "--source-lang", "fr", error=USAGE),
    translate("--beam-size not a number", GERMAN.encode(), "--beam-size", "four", error=USAGE),
    translate("--beam-size 0", GERMAN.encode(), "--beam-size", "0", error="beam_size"),
    translate("--threads -1", GERMAN.encode(), "--threads", "-1", error="threads"),
    translate(
        "bad MTDESK_BEAM_SIZE",
        GERMAN.encode(),
        error="MTDESK_BEAM_SIZE",
        env={"MTDESK_BEAM_SIZE": "x"},
    ),
    Case(
        "a model directory that is no model",
        ("translate", "IN", "--model", "."),
        GERMAN.encode(),
        error="no config.json",
    ),
    translate(
        "huge glossary",
        LAWROW.encode(),
        "-g",
        "GLOSSARY",
        glossary=tsv(("Lawrow", "Lavrov"), *((f"Wort{i}", f"word{i}") for i in range(50_000))),
        output="Lavrov",
    ),
    translate(
        "glossary with 10 000 entries matching one sentence",
        LAWROW.encode(),
        "-g",
        "GLOSSARY",
        glossary=tsv(*(("Lawrow", f"Lavrov{i}") for i in range(10_000))),
        error="conflicting targets",
    ),
    translate(
        "duplicate glossary entries",
        LAWROW.encode(),
        "-g",
        "GLOSSARY",
        glossary=tsv(*[("Lawrow", "Lavrov")] * 3),
        output="Lavrov",
    ),
    translate(
        "glossary file binary",
        LAWROW.encode(),
        "-g",
        "GLOSSARY",
        glossary=BINARY,
        error="not UTF-8 text",
    ),
    translate(
        "glossary file empty",
        LAWROW.encode(),
        "-g",
        "GLOSSARY",
        glossary=b"",
        error="no header row",
    ),
    translate(
        "glossary with a bad header",
        LAWROW.encode(),
        "-g",
        "GLOSSARY",
        glossary=b"foo\tbar\nLawrow\tLavrov\n",
        error="unknown column 'foo'",
    ),
    translate(
        "unknown glossary name", LAWROW.encode(), "-g", "no-such-glossary", error="no glossary"
    ),
    translate(
        "glossary path traversal", LAWROW.encode(), "-g", "../../etc/passwd", error="not a file"
    ),
    Case(
        "glossary check on invalid UTF-8",
        ("glossary", "check", "-", "-g", "GLOSSARY"),
        b"Lawrow \xff kommt.",
        glossary=tsv(("Lawrow", "Lavrov")),
        error=NOT_UTF8,
    ),
    Case(
        "glossary check finds a term",
        ("glossary", "check", "-", "-g", "GLOSSARY"),
        LAWROW.encode(),
        glossary=tsv(("Lawrow", "Lavrov")),
        output="Lavrov",
    ),
    Case(
        "glossary import of a binary file",
        ("glossary", "import", "GLOSSARY", "--name", "bad"),
        glossary=BINARY,
        error="not UTF-8 text",
    ),
]


def prepared(case: Case, root: Path) -> list[str]:
    """The case's arguments, its input and glossary files written under ``root``."""
    source = root / case.file
    if case.file != "." and source.parent.is_dir():
        source.write_bytes(case.content)
    glossary = root / "glossary.tsv"
    if case.glossary is not None:
        glossary.write_bytes(case.glossary)
    names = {"IN": str(source), "GLOSSARY": str(glossary)}
    return [names.get(arg, arg) for arg in case.args]


def test_the_catalogue_is_long_enough() -> None:
    names = [case.name for case in TRANSLATE_CASES]
    names += [article.name for article in BATCH_ARTICLES]
    names += [case.name for case in ARCHIVE_CASES]
    assert len(names) >= 40
    assert len(set(names)) == len(names)


@pytest.mark.parametrize("case", TRANSLATE_CASES, ids=[case.name for case in TRANSLATE_CASES])
def test_translate_answers_bad_input_clearly(
    cli: Cli, case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in case.env.items():
        monkeypatch.setenv(name, value)
    args = prepared(case, tmp_path / "work")
    before = files_under(tmp_path)
    result = cli(*args, stdin=case.content if "-" in args else b"")
    if case.error is None:
        assert_translated(result, json_output="json" in args)
        assert case.output is None or case.output in result.stdout
    else:
        assert_clear_error(result, case.error)
        assert not result.stdout
    assert files_under(tmp_path) == before  # nothing written


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a file whatever its mode")
def test_an_unreadable_file_is_named(cli: Cli, tmp_path: Path) -> None:
    source = tmp_path / "secret.txt"
    source.write_text(GERMAN)
    source.chmod(0)
    assert_clear_error(cli("translate", str(source), "--model", "toy"), "cannot read")


# --- mtdesk batch -------------------------------------------------------------------------


@dataclass(frozen=True)
class Article:
    """A file of a batch input folder and what becomes of it: done, or failed saying why."""

    name: str
    path: str
    content: bytes
    error: str | None = None


BATCH_ARTICLES = [
    Article("batch: empty", "empty.txt", b"", "empty article"),
    Article("batch: whitespace", "blank.txt", b" \n\t\n", "empty article"),
    Article("batch: binary", "binary.txt", BINARY, "not UTF-8"),
    Article("batch: lone surrogate", "surrogate.txt", b"Hallo \xed\xa0\x80.", "not UTF-8"),
    Article(
        "batch: NUL bytes", "nul.txt", b"Der Minister\x00 kommt.\x00 " + GERMAN.encode(), "U+0000"
    ),
    Article("batch: 100 000-deep HTML", "deep.html", DEEP_HTML, "(MTDESK_MAX_CHARS)"),
    Article(
        "batch: 5 000-deep HTML",
        "deep5k.html",
        ("<div>" * 5_000 + GERMAN + "</div>" * 5_000).encode(),
        "nests more than",
    ),
    Article("batch: HTML as Markdown", "raw.md", f"<p>{GERMAN}</p>\n".encode(), "raw HTML"),
    Article("batch: 5000-character word", "word.txt", ("Donau" * 1000 + ".").encode()),
    Article("batch: only punctuation", "punctuation.txt", "?!.,;:–…„“»«".encode() * 20),
    Article("batch: only numbers", "numbers.txt", b"100.000 25,7 02.01.2022 3,5"),
    Article("batch: emoji and RTL", "emoji.md", f"# 🙂\n\n\u202e{GERMAN}\u202c 👍".encode()),
    Article("batch: zero-width", "zw.txt", f"Der\u200b Mini\u200dster. {GERMAN}".encode()),
    Article("batch: French", "french.txt", FRENCH.encode(), "not German"),
    Article("batch: invalid JSON", "broken.json", b'{"text": "Der', "invalid JSON"),
    Article("batch: JSON list", "list.json", b'["Der Minister kommt."]', "not a JSON object"),
    Article("batch: JSON without text", "notext.json", b'{"title": "T"}', "no `text` string"),
    Article(
        "batch: unknown format",
        "pdf.json",
        json.dumps({"text": GERMAN, "format": "pdf"}).encode(),
        "unknown format",
    ),
    Article(
        "batch: id with path traversal",
        "traversal.json",
        json.dumps({"id": f"../../../{ESCAPED}", "text": GERMAN}).encode(),
    ),
    Article("batch: a 244-character file name", "n/" + "x" * 240 + ".txt", GERMAN.encode()),
]


def test_batch_of_hostile_articles_fails_each_bad_one_and_translates_the_rest(
    cli: Cli, tmp_path: Path
) -> None:
    folder, out = tmp_path / "work" / "in", tmp_path / "work" / "out"
    for article in BATCH_ARTICLES:
        (folder / article.path).parent.mkdir(parents=True, exist_ok=True)
        (folder / article.path).write_bytes(article.content)
    (folder / "picture.png").write_bytes(BINARY)  # not an article: left alone
    before = files_under(tmp_path, skip=out)

    result = cli("batch", str(folder), "--out", str(out), "--model", "toy", "--workers", "2")

    assert result.code == 0, result.stderr[-2_000:]
    assert "Traceback" not in result.stderr
    report = json.loads((out / "report.json").read_text())
    failures = {failure["id"]: failure["error"] for failure in report["failures"]}
    done = {json.loads(line)["id"] for line in (out / "results.jsonl").read_text().splitlines()}
    for article in BATCH_ARTICLES:
        article_id = f"../../../{ESCAPED}" if "traversal" in article.name else article.path
        if article.error is None:
            assert article_id in done, (article.name, failures.get(article_id))
        else:
            assert article.error in failures[article_id], article.name
    assert report["articles"]["total"] == len(BATCH_ARTICLES)
    assert files_under(tmp_path, skip=out) == before
    assert not list(tmp_path.parent.glob(ESCAPED))


@dataclass(frozen=True)
class ArchiveCase:
    name: str
    make: Callable[[Path], Path]  # writes the input under the folder given; returns its path
    error: str
    options: tuple[str, ...] = ()


def zip_with(*members: tuple[zipfile.ZipInfo | str, bytes]) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / "input.zip"
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in members:
                archive.writestr(name, data)
        return path

    return make


def tar_with(*members: tarfile.TarInfo) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / "input.tar.gz"
        with tarfile.open(path, "w:gz") as archive:
            for member in members:
                data = b"x" * member.size if member.isfile() else None
                archive.addfile(member, io.BytesIO(data) if data is not None else None)
        return path

    return make


def tar_member(name: str, size: int = 0, kind: bytes = tarfile.REGTYPE) -> tarfile.TarInfo:
    member = tarfile.TarInfo(name)
    member.size, member.type = size, kind
    if kind in (tarfile.SYMTYPE, tarfile.LNKTYPE):
        member.linkname = "/etc/passwd"
    return member


def zip_symlink(name: str) -> zipfile.ZipInfo:
    member = zipfile.ZipInfo(name)
    member.external_attr = (stat.S_IFLNK | 0o777) << 16
    return member


def written(name: str, data: bytes) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        (folder / name).write_bytes(data)
        return folder / name

    return make


def folder_with_link(folder: Path) -> Path:
    (folder / "in").mkdir()
    (folder / "in" / "a.txt").write_text(GERMAN)
    (folder / "in" / "link.txt").symlink_to("/etc/passwd")
    return folder / "in"


def truncated_tar(folder: Path) -> Path:
    path = tar_with(tar_member("a.txt", 50_000))(folder)
    path.write_bytes(path.read_bytes()[:100])
    return path


OK_ARTICLE = ("ok.txt", GERMAN.encode())
ARCHIVE_CASES = [
    ArchiveCase("zip member ../../x", zip_with(OK_ARTICLE, (f"../../../{ESCAPED}", b"x")), "`..`"),
    ArchiveCase("zip member absolute", zip_with(OK_ARTICLE, (f"/tmp/{ESCAPED}", b"x")), "absolute"),
    ArchiveCase("zip member ..\\..\\x", zip_with((f"..\\..\\{ESCAPED}", b"x")), "`..`"),
    ArchiveCase("zip symlink member", zip_with((zip_symlink("link.txt"), b"/etc")), "link"),
    ArchiveCase("zip bomb", zip_with(OK_ARTICLE, ("bomb.txt", b"\0" * BOMB_BYTES)), "larger than"),
    ArchiveCase("tar member ../../x", tar_with(tar_member(f"../../../{ESCAPED}", 1)), "`..`"),
    ArchiveCase("tar member absolute", tar_with(tar_member(f"/tmp/{ESCAPED}", 1)), "absolute"),
    ArchiveCase("tar symlink", tar_with(tar_member("a.txt", kind=tarfile.SYMTYPE)), "link"),
    ArchiveCase("tar hard link", tar_with(tar_member("a.txt", kind=tarfile.LNKTYPE)), "link"),
    ArchiveCase("tar device", tar_with(tar_member("a.txt", kind=tarfile.CHRTYPE)), "device"),
    ArchiveCase("tar.gz bomb", tar_with(tar_member("bomb.txt", BOMB_BYTES)), "larger than"),
    ArchiveCase("truncated tar.gz", truncated_tar, "not a readable tar.gz"),
    ArchiveCase("zip that is no zip", written("input.zip", BINARY), "not a readable zip"),
    ArchiveCase("jsonl not UTF-8", written("input.jsonl", b'{"text": "\xff"}\n'), "not UTF-8"),
    ArchiveCase("unknown suffix", written("input.pdf", BINARY), "not a batch input"),
    ArchiveCase("missing input", lambda folder: folder / "nope.zip", "no such file"),
    ArchiveCase("folder with a symlink", folder_with_link, "symbolic link"),
    ArchiveCase(
        "--out is a file",
        written("input.jsonl", b""),
        "output directory: File exists",
        ("--out", "IN"),
    ),
    ArchiveCase("--workers 0", written("input.jsonl", b""), USAGE, ("--workers", "0")),
    ArchiveCase("unknown --executor", written("input.jsonl", b""), USAGE, ("--executor", "k8s")),
]


@pytest.mark.parametrize("case", ARCHIVE_CASES, ids=[case.name for case in ARCHIVE_CASES])
def test_batch_refuses_bad_archives_and_writes_nothing_outside(
    cli: Cli, case: ArchiveCase, tmp_path: Path
) -> None:
    source, out = case.make(tmp_path / "work"), tmp_path / "work" / "out"
    before = files_under(tmp_path, skip=out)
    options = [str(source) if option == "IN" else option for option in case.options]
    if "--out" not in options:
        options += ["--out", str(out)]
    result = cli("batch", str(source), *options, "--model", "toy")
    assert_clear_error(result, case.error)
    assert files_under(tmp_path, skip=out) == before
    assert not list(out.rglob("articles"))  # no article was taken from a refused input


def test_a_refused_archive_leaves_no_job_and_a_rerun_must_match(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "work" / "out"
    refused = zip_with((f"../{ESCAPED}", b"x"))(tmp_path)
    first = written("first.jsonl", json.dumps({"id": "a", "text": GERMAN}).encode())(tmp_path)
    second = written("second.jsonl", json.dumps({"id": "b", "text": GERMAN}).encode())(tmp_path)
    assert_clear_error(cli("batch", str(refused), "--out", str(out), "--model", "toy"), "`..`")
    done = cli("batch", str(first), "--out", str(out), "--model", "toy")
    assert done.code == 0, done.stderr  # the refused archive left no job in the way
    assert_clear_error(
        cli("batch", str(second), "--out", str(out), "--model", "toy"), "it was started on"
    )


# --- the same answers from a child process ------------------------------------------------


CHILD_CASES = [
    (("translate", "-", "--model", "toy"), b"Hallo \xed\xa0\x80.", NOT_UTF8),
    (("translate", "-", "--model", "toy", "--beam-size", "0"), b"Hallo.", "beam_size"),
    (("batch", "{tmp}/nope.zip", "--out", "{tmp}/out"), b"", "no such file"),
]


@pytest.mark.parametrize(("args", "stdin", "fragment"), CHILD_CASES)
def test_a_child_process_gives_the_same_clear_error(
    args: tuple[str, ...], stdin: bytes, fragment: str, tmp_path: Path
) -> None:
    args = tuple(arg.format(tmp=tmp_path) for arg in args)
    result = run_cli(*args, stdin=stdin, env={"MTDESK_GLOSSARY": ""})
    stderr = result.stderr.decode()
    assert result.returncode == 2 and "Traceback" not in stderr
    assert stderr.startswith("mtdesk: error:") and fragment in stderr
    assert len(stderr.strip().splitlines()) == 1, stderr
