"""The test session's own cache: nothing compiled by another run is read back."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from glossary import compiled
from models.ctranslate_convert import default_cache_dir


def test_the_cache_is_the_sessions_own() -> None:
    cache = Path(os.environ["XDG_CACHE_HOME"])
    assert cache.name.startswith("mtdesk-test-cache-")
    assert cache.parent == Path(tempfile.gettempdir())
    assert Path.home() / ".cache" not in [cache, *cache.parents]
    assert compiled.cache_dir().is_relative_to(cache)
    assert default_cache_dir().is_relative_to(cache)
