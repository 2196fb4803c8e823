"""`mtdesk batch --executor ray` on a local Ray: the same results as the local executor."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest

from models import toy_corpus
from tests.conftest import run_cli

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        importlib.util.find_spec("ray") is None,
        reason="ray is not installed (pip install 'mtdesk[ray]')",
    ),
]
ENV = {"OMP_NUM_THREADS": "1", "MTDESK_THREADS": "1", "MTDESK_GLOSSARY": "", "MTDESK_DB": ""}


def translations(out: Path) -> list[tuple[str, list[tuple[str, str]]]]:
    records: list[dict[str, Any]] = [
        json.loads(line) for line in (out / "results.jsonl").read_text().splitlines()
    ]
    return [
        (
            record["id"],
            [
                (segment["source"], segment["target"])
                for block in record["blocks"]
                for segment in block["segments"]
            ],
        )
        for record in records
    ]


def test_a_ray_job_equals_the_local_job(tmp_path: Path) -> None:
    sentences = [pair.source for pair in toy_corpus.held_out(8)]
    source = tmp_path / "in"
    source.mkdir()
    for number in range(4):
        body = " ".join(sentences[2 * number : 2 * number + 2])
        (source / f"{number}.txt").write_text(f"{body}\n\n{sentences[0]}\n", encoding="utf-8")
    (source / "broken.txt").write_bytes(b"\xff\xfe")

    common = ["batch", str(source), "--model", "toy", "--workers", "2"]
    local = run_cli(*common, "--out", str(tmp_path / "local"), env=ENV)
    assert local.returncode == 0, local.stderr.decode()
    ray = run_cli(
        *common, "--out", str(tmp_path / "ray"), "--executor", "ray", env=ENV, timeout=600
    )
    assert ray.returncode == 0, ray.stderr.decode()

    assert "4 articles done, 1 failed" in ray.stdout.decode()
    assert translations(tmp_path / "ray") == translations(tmp_path / "local")
    assert [record[0] for record in translations(tmp_path / "ray")] == [
        f"{n}.txt" for n in range(4)
    ]
    report = json.loads((tmp_path / "ray" / "report.json").read_text())
    assert report["articles"] == {"total": 5, "done": 4, "failed": 1, "cancelled": 0, "skipped": 0}
