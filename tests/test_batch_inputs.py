"""Batch inputs: every kind of input, unreadable articles, and archives that are refused."""

from __future__ import annotations

import io
import json
import os
import stat
import tarfile
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from service.batch.inputs import InputArticle, Limits, read_input
from service.errors import ArchiveInvalid

Maker = Callable[[Path, dict[str, bytes]], Path]
ARTICLE = "Der Minister kommt am Montag.\n\nEr spricht in Berlin.\n"


def articles(path: Path) -> dict[str, InputArticle]:
    return {article.id: article for article in read_input(path)}


def tree(root: Path) -> Path:
    files = {
        "a.txt": ARTICLE.encode(),
        "sport/b.md": b"# Titel\n\nEin Satz.\n",
        "sport/c.html": b"<p>Ein Satz.</p>",
        "d.json": json.dumps({"id": "given-7", "text": "Ein Satz.", "title": "T"}).encode(),
        "notes.png": b"\x89PNG",
    }
    for name, data in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    return root


def test_directory_tree_gives_every_article_with_its_format(tmp_path: Path) -> None:
    found = articles(tree(tmp_path / "in"))
    assert sorted(found) == ["a.txt", "given-7", "sport/b.md", "sport/c.html"]
    assert found["a.txt"].text == ARTICLE and found["a.txt"].format == "text"
    assert found["sport/b.md"].format == "markdown"
    assert found["sport/c.html"].format == "html"
    assert found["given-7"].title == "T" and found["given-7"].path == "d.json"


def test_jsonl_takes_given_ids_else_the_line(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    lines = [
        {"id": "x1", "text": "Ein Satz.", "format": "markdown"},
        {"text": "Zweiter Satz."},
        {"id": "x3", "text": "Satz.", "format": "docx"},
    ]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n\nnot json\n")
    found = articles(path)
    assert found["x1"].format == "markdown" and found["x1"].error is None
    assert found["in.jsonl:2"].text == "Zweiter Satz."
    assert "unknown format" in (found["x3"].error or "")
    assert "invalid JSON" in (found["in.jsonl:5"].error or "")


def zip_of(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def tar_of(path: Path, members: dict[str, bytes]) -> Path:
    with tarfile.open(path, "w:gz") as archive:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return path


@pytest.mark.parametrize("make", [zip_of, tar_of], ids=["zip", "tar.gz"])
def test_archives_of_files_and_of_jsonl(tmp_path: Path, make: Maker) -> None:
    suffix = ".zip" if make is zip_of else ".tar.gz"
    members = {
        "news/a.txt": ARTICLE.encode(),
        "more.jsonl": json.dumps({"id": "j1", "text": "Ein Satz."}).encode() + b"\n",
    }
    found = articles(make(tmp_path / f"in{suffix}", members))
    assert sorted(found) == ["j1", "news/a.txt"]
    assert found["news/a.txt"].text == ARTICLE


def test_unreadable_articles_come_back_with_their_reason(tmp_path: Path) -> None:
    path = zip_of(
        tmp_path / "in.zip",
        {
            "latin1.txt": "Grüße".encode("latin-1"),
            "empty.txt": b"  \n",
            "broken.json": b"{",
            "list.json": b"[1, 2]",
            "ok.txt": b"Ein Satz.",
        },
    )
    errors = {article.id: article.error for article in read_input(path)}
    assert errors["ok.txt"] is None
    assert "not UTF-8" in (errors["latin1.txt"] or "")
    assert errors["empty.txt"] == "empty article"
    assert "invalid JSON" in (errors["broken.json"] or "")
    assert errors["list.json"] == "not a JSON object"


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("../escape.txt", "leaves the archive"),
        ("news/../../escape.txt", "leaves the archive"),
        ("/etc/passwd.txt", "absolute"),
        ("C:/windows.txt", "absolute"),
    ],
)
@pytest.mark.parametrize("make", [zip_of, tar_of], ids=["zip", "tar.gz"])
def test_paths_that_escape_are_refused(tmp_path: Path, make: Maker, name: str, reason: str) -> None:
    suffix = ".zip" if make is zip_of else ".tar.gz"
    members = {"ok.txt": b"Ein Satz.", name: b"x"}
    path = make(tmp_path / f"in{suffix}", members)
    with pytest.raises(ArchiveInvalid, match=reason) as caught:
        list(read_input(path))
    assert caught.value.detail["member"] == name


def test_links_are_refused_in_zip_tar_and_directory(tmp_path: Path) -> None:
    zipped = tmp_path / "link.zip"
    with zipfile.ZipFile(zipped, "w") as archive:
        info = zipfile.ZipInfo("link.txt")
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(info, "/etc/passwd")
    with pytest.raises(ArchiveInvalid, match="symbolic link"):
        list(read_input(zipped))

    tarred = tmp_path / "link.tar.gz"
    with tarfile.open(tarred, "w:gz") as archive:
        link = tarfile.TarInfo("link.txt")
        link.type = tarfile.SYMTYPE
        link.linkname = "/etc/passwd"
        archive.addfile(link)
    with pytest.raises(ArchiveInvalid, match="a link"):
        list(read_input(tarred))

    directory = tmp_path / "dir"
    directory.mkdir()
    os.symlink("/etc/passwd", directory / "passwd.txt")
    with pytest.raises(ArchiveInvalid, match="symbolic link"):
        list(read_input(directory))


def test_archive_bombs_are_refused(tmp_path: Path) -> None:
    many = zip_of(tmp_path / "many.zip", {f"{n}.txt": b"Satz." for n in range(11)})
    with pytest.raises(ArchiveInvalid, match="more than 10 members"):
        list(read_input(many, Limits(members=10)))

    big = tmp_path / "big.zip"
    with zipfile.ZipFile(big, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("zeros.txt", b"0" * 100_000)  # compresses to a few hundred bytes
    assert big.stat().st_size < 1_000
    with pytest.raises(ArchiveInvalid, match="larger than 50000 bytes"):
        list(read_input(big, Limits(member_bytes=50_000)))

    total = tar_of(tmp_path / "total.tar.gz", {f"{n}.txt": b"0" * 40_000 for n in range(3)})
    with pytest.raises(ArchiveInvalid, match="more than 100000 bytes uncompressed"):
        list(read_input(total, Limits(total_bytes=100_000)))


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("in.zip", b"this is no zip", "not a readable zip"),
        ("in.tar.gz", b"this is no tar", "not a readable tar.gz"),
        ("in.rar", b"Rar!", "not a batch input"),
        ("absent.zip", None, "no such file"),
    ],
)
def test_non_archives_are_refused(
    tmp_path: Path, name: str, data: bytes | None, message: str
) -> None:
    path = tmp_path / name
    if data is not None:
        path.write_bytes(data)
    with pytest.raises(ArchiveInvalid, match=message):
        list(read_input(path))


def opened_members(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the archive members that get decompressed, in order."""
    opened: list[str] = []
    zip_open, tar_extract = zipfile.ZipFile.open, tarfile.TarFile.extractfile

    def spy_zip(self: zipfile.ZipFile, name: Any, *args: Any, **kwargs: Any) -> Any:
        opened.append(getattr(name, "filename", name))
        return zip_open(self, name, *args, **kwargs)

    def spy_tar(self: tarfile.TarFile, member: Any) -> Any:
        opened.append(getattr(member, "name", member))
        return tar_extract(self, member)

    monkeypatch.setattr(zipfile.ZipFile, "open", spy_zip)
    monkeypatch.setattr(tarfile.TarFile, "extractfile", spy_tar)
    return opened


@pytest.mark.parametrize("make", [zip_of, tar_of], ids=["zip", "tar.gz"])
def test_members_that_are_not_articles_are_never_decompressed(
    tmp_path: Path, make: Maker, monkeypatch: pytest.MonkeyPatch
) -> None:
    suffix = ".zip" if make is zip_of else ".tar.gz"
    members = {f"media/{n}.bin": b"\0" * 100_000 for n in range(20)}
    members |= {"b.txt": ARTICLE.encode(), "a.md": b"# Titel\n", "c.pdf": b"%PDF"}
    archive = make(tmp_path / f"in{suffix}", members)
    opened = opened_members(monkeypatch)
    assert sorted(articles(archive)) == ["a.md", "b.txt"]
    assert sorted(opened) == ["a.md", "b.txt"]


def test_zip_articles_are_read_one_at_a_time_in_path_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    archive = zip_of(tmp_path / "in.zip", {"c.txt": b"Drei.", "a.txt": b"Eins.", "b.txt": b"Zwei."})
    opened = opened_members(monkeypatch)
    taken = read_input(archive)
    assert next(taken).id == "a.txt"
    assert opened == ["a.txt"]  # the others are still compressed
    assert [article.id for article in taken] == ["b.txt", "c.txt"]
    assert opened == ["a.txt", "b.txt", "c.txt"]


def test_tar_articles_are_read_one_at_a_time_in_archive_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Held one at a time, as from a zip: a tar.gz of large members costs one member's memory."""
    archive = tar_of(
        tmp_path / "in.tar.gz", {"c.txt": b"Drei.", "a.txt": b"Eins.", "b.txt": b"Zwei."}
    )
    opened = opened_members(monkeypatch)
    taken = read_input(archive)
    assert next(taken).id == "c.txt"
    assert opened == ["c.txt"]  # the others are not read yet
    assert [article.id for article in taken] == ["a.txt", "b.txt"]


def pairs_zip(path: Path, members: list[tuple[str, bytes]]) -> Path:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns of the duplicate we mean to write
        with zipfile.ZipFile(path, "w") as archive:
            for name, data in members:
                archive.writestr(name, data)
    return path


def pairs_tar(path: Path, members: list[tuple[str, bytes]]) -> Path:
    with tarfile.open(path, "w:gz") as archive:
        for name, data in members:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return path


@pytest.mark.parametrize("second", ["a.txt", "./a.txt", "x//a.txt"])
@pytest.mark.parametrize("make", [pairs_zip, pairs_tar], ids=["zip", "tar.gz"])
def test_two_members_of_one_name_are_refused_naming_it(
    tmp_path: Path, make: Callable[[Path, list[tuple[str, bytes]]], Path], second: str
) -> None:
    first = "x/a.txt" if second.startswith("x") else "a.txt"
    suffix = ".zip" if make is pairs_zip else ".tar.gz"
    members = [("b.txt", b"Zwei."), (first, b"Eins."), (second, b"Noch eins.")]
    path = make(tmp_path / f"in{suffix}", members)
    with pytest.raises(ArchiveInvalid, match="twice") as caught:
        list(read_input(path))
    assert caught.value.detail["member"] == second


def test_lines_inside_archive_members_count_as_articles(tmp_path: Path) -> None:
    lines = b'{"text": "Ein Satz."}\n' * 150_000  # 3 MB that compress to a few KB
    bomb = tmp_path / "lines.zip"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("a.jsonl", lines)
    assert bomb.stat().st_size < 20_000
    with pytest.raises(ArchiveInvalid, match="more than 100000 articles"):
        list(read_input(bomb))  # the default limit
    small = zip_of(tmp_path / "small.zip", {"a.jsonl": lines[:44], "b.txt": b"Drei."})
    assert len(list(read_input(small, Limits(articles=3)))) == 3
    with pytest.raises(ArchiveInvalid, match="more than 2 articles"):
        list(read_input(small, Limits(articles=2)))
    plain = tmp_path / "plain.jsonl"
    plain.write_bytes(lines[:66])
    with pytest.raises(ArchiveInvalid, match="more than 2 articles"):
        list(read_input(plain, Limits(articles=2)))
