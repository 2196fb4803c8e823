"""Shared fixtures: the shipped toy model, loaded once through the real loading code."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from models.marian import MarianEngine
from service.app import create_app
from service.settings import Settings
from service.testing import run_cli

__all__ = [  # tests import these from here
    "ARTICLE", "DING", "ROOT", "SHARED_DATA", "load_runtime", "omission_flags", "run_cli",
]  # fmt: skip

pytest_plugins = ["tests.databases"]

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = ROOT.parent / "shared" / "data"
ARTICLE = SHARED_DATA / "article_blinken_lawrow.de.txt"


def pytest_configure(config: pytest.Config) -> None:
    """A cache directory of the session's own (XDG_CACHE_HOME), set before any test and
    inherited by the servers tests start: compiled glossaries or converted models left
    in ~/.cache by an earlier run or another version are never reused."""
    cache = tempfile.mkdtemp(prefix="mtdesk-test-cache-")
    config.stash[CACHE_KEY] = (cache, os.environ.get("XDG_CACHE_HOME"))
    os.environ["XDG_CACHE_HOME"] = cache


def pytest_unconfigure(config: pytest.Config) -> None:
    cache, before = config.stash.get(CACHE_KEY, (None, None))
    if cache is None:
        return
    shutil.rmtree(cache, ignore_errors=True)
    if before is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = before


CACHE_KEY = pytest.StashKey[tuple[str, str | None]]()

DING = Path("/usr/share/trans/de-en")  # Debian's trans-de-en, as .ci/run installs it


@pytest.fixture
def real_ding(monkeypatch: pytest.MonkeyPatch) -> None:
    """The checks read Ding's dictionary from the system (skipped where it is missing)."""
    from service.checks.facts import lexicon

    if not DING.is_file():
        pytest.skip("Ding's dictionary (Debian trans-de-en) is not installed")
    monkeypatch.setattr(lexicon, "_configured", lambda: DING)


def omission_flags(source: str, target: str) -> set[str]:
    """The flags of the omission and addition check alone."""
    from service.checks.facts.omission import omission_findings

    return {finding.flag for finding in omission_findings(source, target)}


def load_runtime(settings: Settings) -> None:
    """A server's start-up (``Runtime.load``) on a store of its own, closed after; the
    caller replaces what it must not really load."""
    from service import compose
    from service.metrics import Metrics
    from service.store.articles import Store

    store = Store(settings.db)
    try:
        compose.Runtime(settings, store, Metrics()).load()
    finally:
        store.close()


@pytest.fixture(scope="session")
def toy_engine() -> MarianEngine:
    return MarianEngine("toy", threads=2)


@pytest.fixture
def api_settings(tmp_path: Path) -> Settings:
    """The API's settings over a fresh SQLite file, whatever the environment says.

    No default glossary, so outputs can be compared with the engine's own.
    """
    return Settings(
        model="toy", db=f"sqlite:///{tmp_path / 'mtdesk.db'}", api_key=None, glossary=""
    )


@pytest.fixture
def client(toy_engine: MarianEngine, api_settings: Settings) -> Iterator[TestClient]:
    """The API with the toy engine, its lifespan running (store open, worker started)."""
    with TestClient(
        create_app(api_settings, engine=toy_engine), base_url="http://localhost"
    ) as client:
        yield client
