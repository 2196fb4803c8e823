"""The load test's short mode (bench/load.py): 4 clients for 10 s against a real server."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from service.store.articles import Store
from service.testing import ROOT
from tests.test_migrate import fill


@pytest.mark.slow
def test_a_short_load_run_serves_everything_and_loses_nothing() -> None:
    command = [sys.executable, "bench/load.py", "--clients", "4", "--seconds", "10", "--json"]
    run = subprocess.run(
        [*command, "--threads", "1"], cwd=ROOT, capture_output=True, text=True, timeout=900
    )
    assert run.returncode == 0, run.stderr[-3000:]
    report = json.loads(run.stdout.splitlines()[-1])
    assert report["server_errors_5xx"] == 0
    assert report["errors"] == 0, report["errors_by_call"]
    assert (report["lost"], report["duplicated"]) == (0, 0)
    # Every kind of call was made and acknowledged, so the row checks had something to check.
    assert set(report["served_by_call"]) == {"translate", "store", "edit", "read", "job"}
    assert min(report["acknowledged"].values()) > 0


def load_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_load", ROOT / "bench" / "load.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look themselves up there
    spec.loader.exec_module(module)
    return module


def test_the_row_check_finds_lost_and_duplicated_writes(tmp_path: Path) -> None:
    load = load_module()
    db = tmp_path / "mtdesk.db"
    store = Store(f"sqlite:///{db}")
    fill(store.engine)  # article a1 with segment b0s0, "A sentence.", never edited
    store.close()

    def check(articles: list[str], edits: dict[tuple[str, str], list[str]]) -> dict[str, int]:
        tally = load.Tally(articles=articles, edits=edits)
        rows: dict[str, int] = load.check_rows(db, "http://unused", tally, before=set())
        return rows

    assert check(["a1"], {}) == {"lost": 0, "duplicated": 0}
    assert check(["a1", "never-stored"], {}) == {"lost": 1, "duplicated": 0}
    assert check([], {}) == {"lost": 0, "duplicated": 1}  # stored, never acknowledged
    assert check(["a1"], {("a1", "b0s0"): ["Edited."]}) == {"lost": 2, "duplicated": 0}
