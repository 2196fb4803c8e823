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

__all__ = ["ARTICLE", "ROOT", "SHARED_DATA", "run_cli"]  # run_cli: tests import it from here

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
