"""The load test's short mode (bench/load.py): 4 clients for 10 s against a real server."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.live_server import ROOT

pytestmark = pytest.mark.slow


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
