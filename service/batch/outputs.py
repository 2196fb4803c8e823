"""A job's files in its output directory, each written to a temporary file and renamed.

A rename is atomic, so a reader (or a re-run after SIGKILL) sees a file
either whole or not at all. ``results.jsonl`` is rebuilt from the
per-article files of the done items at the end of a run, so it holds every
article exactly once however often the run was interrupted.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from service.document import AlignedDocument
from service.markup.exports import tmx_of, xliff_of

ARTICLES = "articles"
RESULTS = "results.jsonl"
TMX = "archive.tmx"
XLIFF = "archive.xliff"
REPORT = "report.json"
UNSAFE_CHARS = re.compile(r"[^\w.\-]+")
SLUG_BYTES = 80  # the readable part of a name; with the hash and ".json" far below 255
ID_HASH_CHARS = 16  # 64 bits of the id's SHA-256: two of a million ids meet once in 10^7 jobs


def article_file(article_id: str) -> str:
    """The article's JSON, relative to the output directory: ``articles/SLUG-HASH.json``.

    Unique by construction: the hash is of the id exactly as given, so ids that read
    alike once unsafe characters are replaced (``a b``, ``a?b``, ``a_b``) still get
    files of their own; the slug only makes the name readable (``news/2022/a.txt`` →
    ``news_2022_a.txt-…``). One flat directory: no id can make a folder where another
    id's file is, or a path longer than a file system allows.
    """
    slug = UNSAFE_CHARS.sub("_", article_id).lstrip(".") or "_"
    digest = hashlib.sha256(article_id.encode("utf-8", "surrogatepass")).hexdigest()
    return f"{ARTICLES}/{cut(slug, SLUG_BYTES)}-{digest[:ID_HASH_CHARS]}.json"


def cut(text: str, limit: int) -> str:
    """At most ``limit`` UTF-8 bytes of ``text``, never half a character."""
    return text.encode()[:limit].decode(errors="ignore")


def inside(root: Path, relative: str) -> Path:
    path = (root / relative).resolve()
    if not path.is_relative_to(root.resolve()):
        raise ValueError(f"{relative!r} is outside {root}")  # article_file never makes one
    return path


def write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    with temporary.open("wb") as stream:
        stream.write(data)
        stream.flush()
        os.fsync(stream.fileno())
    temporary.replace(path)


def article_record(
    document: AlignedDocument, *, article_id: str, title: str | None, fmt: str, path: str
) -> dict[str, Any]:
    """The aligned document under the article's id, with where it came from."""
    record = document.model_dump(mode="json")
    record.update(id=article_id, title=title, format=fmt, source_path=path)
    return record


def write_article(out_dir: Path, out_path: str, record: dict[str, Any]) -> None:
    data = json.dumps(record, ensure_ascii=False, indent=1).encode()
    write_atomic(inside(out_dir, out_path), data)


def read_records(out_dir: Path, out_paths: Iterable[str]) -> Iterator[dict[str, Any]]:
    for out_path in out_paths:
        yield json.loads(inside(out_dir, out_path).read_bytes())


def write_results(out_dir: Path, records: Iterable[dict[str, Any]]) -> int:
    """``results.jsonl`` from scratch; the number of lines."""
    target = out_dir / RESULTS
    temporary = target.with_name(f".{RESULTS}.tmp")
    lines = 0
    with temporary.open("wb") as stream:
        for record in records:
            stream.write(json.dumps(record, ensure_ascii=False).encode() + b"\n")
            lines += 1
        stream.flush()
        os.fsync(stream.fileno())
    temporary.replace(target)
    return lines


def archive_tmx(documents: Iterable[AlignedDocument]) -> bytes:
    return tmx_of(documents, "de", "en")


def archive_xliff(documents: Iterable[AlignedDocument]) -> bytes:
    """One XLIFF ``<file>`` per article, named by its id."""
    return xliff_of(((document, document.id) for document in documents), "de", "en")


def zipped(out_dir: Path) -> bytes:
    """Every output file of a job in one zip, by its path in the output directory."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(out_dir.rglob("*")):
            if path.is_file() and not path.name.startswith("."):
                archive.write(path, path.relative_to(out_dir).as_posix())
    return buffer.getvalue()
