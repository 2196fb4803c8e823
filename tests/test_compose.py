"""Every entry point builds through ``service.compose``: a setting reaches them all.

Each runs with ``MTDESK_QUALITY_MIN_SCORE=0`` (every model segment scores
below it, so each is flagged ``low_confidence``) and
``MTDESK_BATCH_MAX_SENTENCES=2`` (no engine call holds more than two
sentences), against a fake engine that records its calls.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from service import compose
from service.app import create_app
from service.cli.main import app as cli_app
from service.settings import Settings
from tests.fakes import FakeEngine

ARTICLE = "Der Minister kommt.\n\nDie Gespräche dauern an. Sie enden morgen. Er reist ab."
ENV = {
    "MTDESK_QUALITY_MIN_SCORE": "0",
    "MTDESK_BATCH_MAX_SENTENCES": "2",
    "MTDESK_GLOSSARY": "",
    "MTDESK_MODEL": "toy",
}


@pytest.fixture
def engine(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> FakeEngine:
    for name, value in ENV.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("MTDESK_DB", f"sqlite:///{tmp_path / 'mtdesk.db'}")
    fake = FakeEngine()
    monkeypatch.setattr(compose.engines, "load_engine", lambda settings: fake)
    return fake


def assert_settings_took_effect(engine: FakeEngine, segments: list[dict[str, Any]]) -> None:
    assert engine.calls and max(engine.calls) <= 2, engine.calls
    assert len(segments) == 4
    assert all("low_confidence" in segment["flags"] for segment in segments)


def segments_of(document: dict[str, Any]) -> list[dict[str, Any]]:
    return [segment for block in document["blocks"] for segment in block["segments"]]


def test_mtdesk_translate(engine: FakeEngine) -> None:
    result = CliRunner().invoke(cli_app, ["translate", "-", "--format", "json"], input=ARTICLE)
    assert result.exit_code == 0, result.output
    assert_settings_took_effect(engine, segments_of(json.loads(result.stdout)))


def test_mtdesk_batch_with_the_local_executor(engine: FakeEngine, tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    (source / "a.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli_app, ["batch", str(source), "--out", str(out)])
    assert result.exit_code == 0, result.output
    (record,) = [json.loads(line) for line in (out / "results.jsonl").read_text().splitlines()]
    assert_settings_took_effect(engine, segments_of(record))


def test_the_ray_actor_builds_its_translator_from_the_settings(engine: FakeEngine) -> None:
    from service.batch.ray_executor import TranslatorActor

    settings = Settings().model_dump(mode="json", exclude={"api_key", "db"})
    actor = TranslatorActor(settings, None, None)
    try:
        outcome = actor.translate(ARTICLE, "text", "a")
    finally:
        actor.engine.close()
    assert isinstance(outcome, dict), outcome
    assert_settings_took_effect(engine, segments_of(outcome))


@pytest.fixture
def client(engine: FakeEngine, tmp_path: Path) -> Iterator[TestClient]:
    """`mtdesk serve` runs this app: settings from the environment, the engine loaded."""
    settings = Settings(jobs_dir=str(tmp_path / "jobs"))
    with TestClient(create_app(settings), base_url="http://localhost") as client:
        deadline = time.monotonic() + 60
        while client.get("/ready").status_code != 200 and time.monotonic() < deadline:
            time.sleep(0.05)
        yield client


def test_the_http_api(engine: FakeEngine, client: TestClient) -> None:
    response = client.post("/v1/translate", json={"text": ARTICLE})
    assert response.status_code == 200, response.text
    assert_settings_took_effect(engine, segments_of(response.json()))


def test_the_http_apis_batch_jobs(engine: FakeEngine, client: TestClient) -> None:
    response = client.post("/v1/jobs", json={"articles": [{"id": "a", "text": ARTICLE}]})
    assert response.status_code == 202, response.text
    job_id = response.json()["id"]
    deadline = time.monotonic() + 60
    while client.get(f"/v1/jobs/{job_id}").json()["state"] != "done":
        assert time.monotonic() < deadline, client.get(f"/v1/jobs/{job_id}").json()
        time.sleep(0.05)
    lines = client.get(f"/v1/jobs/{job_id}/results?format=jsonl").text.splitlines()
    (record,) = [json.loads(line) for line in lines]
    assert_settings_took_effect(engine, segments_of(record))
