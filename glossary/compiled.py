"""Compiled glossaries kept on disk as plain data, so that a glossary is compiled once, not on
every start.

Compiling runs every entry through the lemmatiser (about a second for the
default glossary's 270 entries); what that yields, the word forms of each
entry, is kept as JSON, and building the matcher from it takes milliseconds.
Nothing in a cache file can run: it is JSON, checked entry by entry against
the glossary, and read only when the current user owns it and no one else
may write it (0600 in a 0700 directory); anything else is a miss and
compiles afresh. A file is keyed by the glossary's content (its version), the
matcher's own version and the lemmatiser's.

Only glossaries that are stored or read from files are kept
(``Glossary.cached``); a request's own entries are never written. The
directory is bounded: beyond ``MAX_FILES`` files or ``MAX_BYTES``, the least
recently used go.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import tempfile
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .entry import Glossary

# Bump when what a compiled glossary holds, or how it matches, changes.
MATCHER_VERSION = 2
FORMAT = "mtdesk compiled glossary"
MAX_FILES = 64
MAX_BYTES = 64 * 1024 * 1024
PRIVATE = 0o077  # group and other bits: none may be set on a file we read

# Per entry: None (nothing word-like to match), else the forms of each of its words.
Forms = list[list[list[str]] | None]


def cache_dir() -> Path:
    """$XDG_CACHE_HOME/mtdesk/glossaries, else ~/.cache/mtdesk/glossaries."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "mtdesk" / "glossaries"


def cache_key(glossary: Glossary) -> str:
    return "|".join([glossary.version, str(MATCHER_VERSION), version("simplemma"), FORMAT])


def cache_file(glossary: Glossary) -> Path:
    digest = hashlib.sha256(cache_key(glossary).encode()).hexdigest()[:32]
    return cache_dir() / f"{digest}.json"


def load(glossary: Glossary) -> Forms | None:
    """The word forms ``save`` wrote for ``glossary``; None when there is nothing to trust."""
    path = cache_file(glossary)
    data = read_private_json(path)
    if not isinstance(data, dict) or data.get("key") != cache_key(glossary):
        return None
    forms = data.get("forms")
    if not well_formed(forms, len(glossary.entries)):
        return None
    try:
        os.utime(path)  # recently used: the last to be evicted
    except OSError:
        pass
    return forms


def read_private_json(path: Path) -> object:
    """The JSON in ``path`` where this user alone may write it; None where there is no
    such file, someone else planted it or may write it, or it does not parse."""
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    with os.fdopen(descriptor, "rb") as stream:
        if not private(os.fstat(stream.fileno())):
            return None  # planted by someone else, or writable by them
        try:
            return json.loads(stream.read())
        except (ValueError, UnicodeDecodeError):  # truncated, or not ours
            return None


def write_private_json(path: Path, data: object) -> bool:
    """Write ``data`` atomically (a reader never sees half a file), readable by this
    user only, in a directory only this user may enter; False where that failed."""
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")  # mode 0600
    except OSError:
        return False  # a read-only cache directory
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
            json.dump(data, stream, ensure_ascii=False)
        os.replace(temporary, path)
    except OSError:
        Path(temporary).unlink(missing_ok=True)
        return False
    return True


def private(info: os.stat_result) -> bool:
    owner = getattr(os, "getuid", lambda: info.st_uid)()
    return stat.S_ISREG(info.st_mode) and info.st_uid == owner and not info.st_mode & PRIVATE


def well_formed(forms: object, entries: int) -> bool:
    if not isinstance(forms, list) or len(forms) != entries:
        return False
    return all(
        words is None
        or (
            isinstance(words, list)
            and all(
                isinstance(word, list) and all(isinstance(form, str) for form in word)
                for word in words
            )
        )
        for words in forms
    )


def save(glossary: Glossary, forms: Forms) -> None:
    """Write atomically (a reader never sees half a file), readable by this user only;
    failing to write is no error. A request's own glossary is never written."""
    if not glossary.cached:
        return
    path = cache_file(glossary)
    if write_private_json(path, {"key": cache_key(glossary), "forms": forms}):
        evict(path.parent)  # else: the next start compiles again


def evict(directory: Path) -> None:
    """The least recently used files go until at most MAX_FILES and MAX_BYTES are left;
    files of older releases (``.pickle``) go at once: they are never read."""
    kept: list[tuple[float, int, Path]] = []
    for path in directory.iterdir():
        try:
            info = path.lstat()
            if path.suffix == ".pickle" and private(info):
                path.unlink()
            elif path.suffix == ".json":
                kept.append((info.st_mtime, info.st_size, path))
        except OSError:
            continue
    kept.sort(reverse=True)  # newest first
    total = 0
    for count, (_mtime, size, path) in enumerate(kept, start=1):
        total += size
        if count > MAX_FILES or total > MAX_BYTES:
            path.unlink(missing_ok=True)
