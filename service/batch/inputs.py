"""The articles of a batch input: a directory tree, a JSONL file, or a zip / tar.gz of either.

Archives are read member by member in memory, never extracted, so nothing of
theirs lands on disk, and only one member is held at a time (a tar.gz
streams, so its members come in archive order; zip members and files in
path order). An input that is unsafe as a whole (a member path that escapes
it, a link, two members of one name, too many members or articles, members
larger than the limits) is refused with ``ArchiveInvalid`` (a job reads its
whole input before it stores any article, so nothing of a refused archive is
kept). Articles are counted as they are read, the lines of JSONL files inside
archives included, so a small archive cannot queue millions of them.
Members that are not articles (by suffix) are never decompressed; article
members are read one at a time as the articles are taken, counting bytes
while they stream, so a member whose header lies stops at the limit. A
single article that cannot be read (not UTF-8, invalid JSON, no text) is
returned with its ``error`` and becomes a failed item of the job.
"""

from __future__ import annotations

import io
import json
import stat
import tarfile
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO, Any

from service.errors import ArchiveInvalid

# File suffix → input format (the reader's name for it).
FORMATS = {".txt": "text", ".md": "markdown", ".html": "html", ".htm": "html"}
KNOWN_FORMATS = ("text", "markdown", "html")
ARCHIVE_SUFFIXES = (".zip", ".tar.gz", ".tgz", ".jsonl")
ARTICLE_SUFFIXES = (*FORMATS, ".json", ".jsonl")  # members that are read; others are skipped
CHUNK_BYTES = 64 * 1024


@dataclass(frozen=True)
class Limits:
    """What an archive may hold; beyond them it is refused as a whole (archive bombs)."""

    members: int = 100_000
    member_bytes: int = 10 * 1024 * 1024
    total_bytes: int = 2 * 1024 * 1024 * 1024
    articles: int = 100_000  # MTDESK_MAX_JOB_ARTICLES


@dataclass(frozen=True)
class InputArticle:
    id: str  # the given id, else the path inside the input
    path: str  # relative POSIX path inside the input ("" when the input is one file)
    format: str  # text | markdown | html
    text: str = ""
    title: str | None = None
    error: str | None = None  # why it cannot be translated; the job records it as failed


@dataclass(frozen=True)
class Member:
    path: str
    data: bytes


def read_input(path: Path, limits: Limits = Limits()) -> Iterator[InputArticle]:
    """Every article of ``path``, in a stable order; ``ArchiveInvalid`` past
    ``limits.articles`` of them."""
    for count, article in enumerate(input_articles(path, limits), start=1):
        if count > limits.articles:
            raise ArchiveInvalid(
                f"refusing the input: more than {limits.articles} articles "
                "(MTDESK_MAX_JOB_ARTICLES); split it into several jobs",
                detail={"limit": limits.articles},
            )
        yield article


def input_articles(path: Path, limits: Limits) -> Iterator[InputArticle]:
    if path.is_dir():
        yield from articles_of(directory_members(path, limits))
        return
    if not path.is_file():
        raise ArchiveInvalid(f"no such file or directory: {path}", detail={"input": str(path)})
    name = path.name.lower()
    if name.endswith(".jsonl"):
        with path.open("rb") as stream:  # line by line: an upload may be large
            yield from jsonl_articles(stream, path.name)
    elif name.endswith(".zip"):
        yield from articles_of(zip_members(path, limits))
    elif name.endswith((".tar.gz", ".tgz")):
        yield from articles_of(tar_members(path, limits))
    else:
        raise ArchiveInvalid(
            f"{path.name} is not a batch input: give a directory, a .jsonl file, "
            "or a .zip / .tar.gz archive of articles",
            detail={"input": path.name, "accepted": list(ARCHIVE_SUFFIXES)},
        )


def is_article(path: str) -> bool:
    return PurePosixPath(path).suffix.lower() in ARTICLE_SUFFIXES


def articles_of(members: Iterable[Member]) -> Iterator[InputArticle]:
    """The articles of members given in path order, each read only when its turn comes."""
    for member in members:
        suffix = PurePosixPath(member.path).suffix.lower()
        if suffix in FORMATS:
            yield text_article(member, FORMATS[suffix])
        elif suffix == ".json":
            yield json_article(member)
        elif suffix == ".jsonl":
            yield from jsonl_articles(io.BytesIO(member.data), member.path)
        # anything else (images, READMEs of other kinds) is not an article


def text_article(member: Member, fmt: str) -> InputArticle:
    try:
        text = member.data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return InputArticle(member.path, member.path, fmt, error=f"not UTF-8: {error.reason}")
    return checked(InputArticle(member.path, member.path, fmt, text))


def json_article(member: Member) -> InputArticle:
    try:
        data = json.loads(member.data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        return InputArticle(member.path, member.path, "text", error=f"invalid JSON: {error}")
    return from_object(data, member.path, member.path)


def jsonl_articles(stream: IO[bytes], path: str) -> Iterator[InputArticle]:
    for number, raw in enumerate(stream, start=1):
        try:
            line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as error:
            raise ArchiveInvalid(f"{path} is not UTF-8: {error.reason}") from None
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            item = json.loads(line)
        except json.JSONDecodeError as error:
            yield InputArticle(where, where, "text", error=f"invalid JSON: {error}")
            continue
        yield from_object(item, where, where)


def from_object(data: Any, fallback_id: str, path: str) -> InputArticle:
    """An article from ``{"id"?, "text", "title"?, "format"?}``."""
    if not isinstance(data, dict):
        return InputArticle(fallback_id, path, "text", error="not a JSON object")
    given_id = data.get("id")
    article_id = str(given_id) if isinstance(given_id, str | int) and str(given_id) else fallback_id
    fmt = data.get("format", "text")
    title = data.get("title")
    text = data.get("text")
    if fmt not in KNOWN_FORMATS:
        return InputArticle(article_id, path, "text", error=f"unknown format {fmt!r}")
    if not isinstance(text, str):
        return InputArticle(article_id, path, fmt, error="no `text` string")
    return checked(
        InputArticle(article_id, path, fmt, text, title if isinstance(title, str) else None)
    )


def checked(article: InputArticle) -> InputArticle:
    if not article.text.strip():
        return InputArticle(article.id, article.path, article.format, error="empty article")
    return article


def safe_member_path(name: str) -> str:
    """The member's path, or ``ArchiveInvalid`` if it could land outside the archive."""
    if name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":"):
        raise unsafe(name, "an absolute path")
    parts = name.replace("\\", "/").split("/")
    if ".." in parts:
        raise unsafe(name, "a path that leaves the archive (`..`)")
    return "/".join(part for part in parts if part not in ("", "."))


def once(seen: set[str], name: str, given: str) -> None:
    """Two members of one name would be one article twice, or one hiding the other."""
    if name in seen:
        raise unsafe(given, "in the archive twice (two members of one name)")
    seen.add(name)


def unsafe(name: str, why: str) -> ArchiveInvalid:
    return ArchiveInvalid(
        f"refusing the archive: member {name!r} is {why}", detail={"member": name, "reason": why}
    )


class Budget:
    """Counts members and bytes as they are read, against the limits."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.members = 0
        self.bytes = 0  # as the headers declare them
        self.read_bytes = 0  # as read

    def member(self, name: str, declared_size: int) -> None:
        self.members += 1
        if self.members > self.limits.members:
            raise ArchiveInvalid(
                f"refusing the archive: more than {self.limits.members} members",
                detail={"limit": self.limits.members},
            )
        self.size(name, declared_size)

    def size(self, name: str, size: int) -> None:
        if size > self.limits.member_bytes:
            raise unsafe(name, f"larger than {self.limits.member_bytes} bytes uncompressed")
        self.bytes += size
        if self.bytes > self.limits.total_bytes:
            raise ArchiveInvalid(
                f"refusing the archive: more than {self.limits.total_bytes} bytes uncompressed",
                detail={"limit": self.limits.total_bytes},
            )

    def read(self, name: str, stream: IO[bytes]) -> bytes:
        """The member, counted chunk by chunk as it streams: sizes in headers can lie, so
        reading stops at the member limit, and the bytes read count against the total."""
        chunks: list[bytes] = []
        size = 0
        while chunk := stream.read(CHUNK_BYTES):
            size += len(chunk)
            if size > self.limits.member_bytes:
                raise unsafe(name, f"larger than {self.limits.member_bytes} bytes uncompressed")
            self.read_bytes += len(chunk)
            if self.read_bytes > self.limits.total_bytes:
                raise ArchiveInvalid(
                    f"refusing the archive: more than {self.limits.total_bytes} bytes uncompressed",
                    detail={"limit": self.limits.total_bytes},
                )
            chunks.append(chunk)
        return b"".join(chunks)


def zip_members(path: Path, limits: Limits) -> Iterator[Member]:
    """Article members in path order, read one at a time once every header has passed."""
    budget = Budget(limits)
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as error:
        raise ArchiveInvalid(f"{path.name} is not a readable zip archive ({error})") from None
    with archive:
        infos = archive.infolist()
        for info in infos:
            safe_member_path(info.filename)  # refuses a path that escapes
            if stat.S_ISLNK(info.external_attr >> 16):
                raise unsafe(info.filename, "a symbolic link")
            budget.member(info.filename, info.file_size)
        seen: set[str] = set()
        wanted = []
        for info in infos:
            if not info.is_dir() and is_article(info.filename):
                name = safe_member_path(info.filename)
                once(seen, name, info.filename)
                wanted.append((name, info))
        for name, info in sorted(wanted, key=lambda pair: pair[0]):
            try:
                with archive.open(info) as stream:
                    data = budget.read(info.filename, stream)
            except (zipfile.BadZipFile, OSError, EOFError) as error:
                raise ArchiveInvalid(f"{path.name}: member {info.filename!r}: {error}") from None
            yield Member(name, data)


def tar_members(path: Path, limits: Limits) -> Iterator[Member]:
    """Article members in archive order, one at a time: a tar.gz streams, so each is read
    as the pass reaches it, and handed on before the next is read (a sort would hold them
    all). Members that are not articles are passed over without being read."""
    budget = Budget(limits)
    seen: set[str] = set()
    try:
        with tarfile.open(path, "r:*") as archive:
            for info in archive:  # streams: each header is checked before its member is read
                name = safe_member_path(info.name)
                if info.issym() or info.islnk():
                    raise unsafe(info.name, "a link")
                if info.isdir():
                    continue
                if not info.isfile():
                    raise unsafe(info.name, "a device, FIFO or other special file")
                budget.member(info.name, info.size)
                if not is_article(name):
                    continue
                once(seen, name, info.name)
                stream = archive.extractfile(info)
                if stream is not None:
                    yield Member(name, budget.read(info.name, stream))
    except (tarfile.TarError, OSError, EOFError) as error:
        raise ArchiveInvalid(f"{path.name} is not a readable tar.gz archive ({error})") from None


def directory_members(root: Path, limits: Limits) -> Iterator[Member]:
    """Article files under ``root`` in path order, read one at a time once all are listed;
    links are not followed (they could point anywhere)."""
    budget = Budget(limits)
    files = []
    for file in root.rglob("*"):
        if file.is_symlink():
            raise unsafe(str(file.relative_to(root)), "a symbolic link")
        relative = file.relative_to(root).as_posix()
        if not file.is_file() or not is_article(relative):
            continue
        budget.member(relative, file.stat().st_size)
        files.append((relative, file))
    for relative, file in sorted(files):
        with file.open("rb") as stream:
            yield Member(relative, budget.read(relative, stream))
