"""The parsed lexicon kept on disk as JSON, so that a process reads Ding once.

Parsing Ding's 206,000 entries takes about 3.3 s of CPU; reading back what the
parse made (about 17 MB of JSON) about 0.9 s. Every ``mtdesk batch`` and every
server worker pays the load once, beside its model. The file is keyed by the
dictionary's path, size and modification time and by ``FORMAT``, so a new
``trans-de-en`` or a new parser misses and parses afresh. As with compiled
glossaries (``glossary.compiled``): nothing in it can run, it is checked before
use, and it is read only when the current user owns it and no one else may
write it; anything else is a miss. Only the newest ``KEEP`` files stay.
"""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path
from typing import Any, TypeGuard

from glossary.compiled import read_private_json, write_private_json

# What a lexicon is made of (``lexicon.Lexicon``'s fields): German word → English
# stems, English stem → a word, an irregular verb's stem → all its stems, German
# word → English names.
Tables = tuple[
    dict[str, tuple[str, ...]],
    dict[str, str],
    dict[str, tuple[str, ...]],
    dict[str, tuple[str, ...]],
]

log = logging.getLogger(__name__)

# Bump when ``lexicon.parse`` reads Ding differently.
FORMAT = "mtdesk lexicon 2"
KEEP = 2


def cache_dir() -> Path:
    """$XDG_CACHE_HOME/mtdesk/lexicon, else ~/.cache/mtdesk/lexicon."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "mtdesk" / "lexicon"


def cache_key(source: Path) -> str | None:
    try:
        info = source.stat()
    except OSError:
        return None
    return "|".join([str(source.resolve()), str(info.st_size), str(info.st_mtime_ns), FORMAT])


def cache_file(key: str) -> Path:
    return cache_dir() / f"{hashlib.sha256(key.encode()).hexdigest()[:32]}.json"


def load(source: Path) -> Tables | None:
    """The tables ``save`` wrote for ``source``; None when there is nothing to trust."""
    key = cache_key(source)
    if key is None:
        return None
    data = read_private_json(cache_file(key))
    if not isinstance(data, dict) or data.get("key") != key:
        return None
    translations, english, forms = data.get("translations"), data.get("english"), data.get("forms")
    names = data.get("names")
    if not (
        _lists_of_str(translations)
        and _lists_of_str(forms)
        and _lists_of_str(names)
        and _str_to_str(english)
    ):
        return None
    distinct: dict[tuple[str, ...], tuple[str, ...]] = {}  # each one held once, as parse does
    table = {
        word: distinct.setdefault(tuple(found), tuple(found))
        for word, found in translations.items()
    }
    families = {stem: tuple(family) for stem, family in forms.items()}
    return table, english, families, {word: tuple(found) for word, found in names.items()}


def save(source: Path, tables: Tables) -> None:
    """Write atomically, readable by this user only; failing to write is no error."""
    key = cache_key(source)
    if key is None:
        return
    path = cache_file(key)
    translations, english, forms, names = tables
    data = {
        "key": key,
        "translations": translations,
        "english": english,
        "forms": forms,
        "names": names,
    }
    if not write_private_json(path, data):
        log.debug("the parsed lexicon was not kept in %s", path.parent)
        return
    _evict(path.parent)


def _evict(directory: Path) -> None:
    """All but the newest KEEP files go (one per dictionary version in use)."""
    files = []
    for path in directory.glob("*.json"):
        try:
            files.append((path.stat().st_mtime, path))
        except OSError:
            continue
    for _, path in sorted(files, reverse=True)[KEEP:]:
        path.unlink(missing_ok=True)


def _lists_of_str(value: Any) -> TypeGuard[dict[str, list[str]]]:
    return isinstance(value, dict) and all(
        isinstance(items, list) and all(isinstance(item, str) for item in items)
        for items in value.values()
    )


def _str_to_str(value: Any) -> TypeGuard[dict[str, str]]:
    return isinstance(value, dict) and all(isinstance(item, str) for item in value.values())
