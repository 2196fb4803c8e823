"""Compiled matchers kept on disk, so that a glossary is compiled once, not on every start.

Compiling runs every entry through the lemmatiser (about a second for the
default glossary's 266 entries); loading the compiled form takes
milliseconds. A file is keyed by the glossary's content (its version), the
matcher's own version and the lemmatiser's: a change to any of them is a
miss and compiles afresh. A file that cannot be read is a miss too, and one
that cannot be written only costs the next start a compile.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .entry import Glossary

# Bump when what a compiled matcher holds, or how it matches, changes.
MATCHER_VERSION = 1


def cache_dir() -> Path:
    """$XDG_CACHE_HOME/mtdesk/glossaries, else ~/.cache/mtdesk/glossaries."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "mtdesk" / "glossaries"


def cache_file(glossary: Glossary) -> Path:
    key = "|".join(
        [
            glossary.version,
            str(MATCHER_VERSION),
            version("simplemma"),
            f"{sys.version_info.major}.{sys.version_info.minor}",
        ]
    )
    return cache_dir() / f"{hashlib.sha256(key.encode()).hexdigest()[:32]}.pickle"


def load(glossary: Glossary) -> object | None:
    """What ``save`` wrote for ``glossary``; None when there is nothing readable."""
    try:
        with cache_file(glossary).open("rb") as stream:
            return pickle.load(stream)  # our own cache directory, written by ``save``
    except Exception:  # absent, truncated, from an incompatible release: compile instead
        return None


def save(glossary: Glossary, matcher: object) -> None:
    """Write atomically (a reader never sees half a file); failing to write is no error."""
    path = cache_file(glossary)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    except OSError:
        return  # a read-only cache directory: the next start compiles again
    try:
        with os.fdopen(descriptor, "wb") as stream:
            pickle.dump(matcher, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except OSError:
        Path(temporary).unlink(missing_ok=True)
