"""CI fails on a skip whose reason is not on the allow-list (.ci/skips.py)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]


def skips() -> ModuleType:
    spec = importlib.util.spec_from_file_location("ci_skips", ROOT / ".ci" / "skips.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


LOG = """\
=========================== short test summary info ============================
PASSED tests/test_store.py::test_an_article_reads_back_as_stored[sqlite]
SKIPPED [1] tests/test_gpu.py:52: this CTranslate2 build sees no CUDA device
SKIPPED [2] tests/test_gpu.py:30: no CUDA device
SKIPPED [1] tests/test_store.py:74: a SQLite setting
SKIPPED [1] tests/test_hostile_cli.py:343: root reads a file whatever its mode
"""


def test_allowed_reasons_pass() -> None:
    assert skips().unexpected(LOG) == []


def test_a_skip_for_a_missing_server_or_browser_fails(tmp_path: Path) -> None:
    postgres = "SKIPPED [12] tests/test_store.py:40: no PostgreSQL server: set MTDESK_TEST_POSTGRES"
    chromium = "SKIPPED [1] tests/test_web_browser.py:150: no Chromium at /usr/bin/chromium"
    module = "SKIPPED [1] tests/test_ctranslate.py:12: ctranslate2 is not installed"
    log = LOG + "\n".join([postgres, chromium, module]) + "\n"
    assert skips().unexpected(log) == [postgres, chromium, module]
    path = tmp_path / "pytest.log"
    path.write_text(log)
    result = subprocess.run(
        [sys.executable, str(ROOT / ".ci" / "skips.py"), str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "no PostgreSQL server" in result.stderr
    path.write_text(LOG)
    ok = subprocess.run([sys.executable, str(ROOT / ".ci" / "skips.py"), str(path)], check=False)
    assert ok.returncode == 0


def test_a_gpu_skip_elsewhere_than_the_gpu_tests_is_not_waved_through() -> None:
    line = "SKIPPED [1] tests/test_api_ops.py:9: the model is not loaded"
    assert skips().unexpected(line) == [line]
