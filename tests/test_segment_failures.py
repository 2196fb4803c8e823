"""One segment whose stage fails fails only that segment: logged once with the stage and
the segment, flagged ``stage_failed`` with a finding, never a 500 (service.pipeline.guard).

Each test makes one stage raise for the sentence with ``MARKER`` and sees the others
translated as usual, on every path: ``/v1/translate``, the stream, a batch job, an edit.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from models.errors import ModelError
from models.marian import MarianEngine
from service.app import create_app
from service.document import Finding
from service.errors import EmptyInput
from service.pipeline import guard, review, terms, translator
from service.pipeline.batcher import EngineClosed
from service.settings import Settings
from tests.test_api_translate import segments

MARKER = "Gespräche"  # its sentence: one the toy model translates with no flag
TEXT = (
    "Die Regierung kündigte am Montag neue Sanktionen an.\n\n"
    f"Die {MARKER} dauerten zwei Stunden. Der Präsident traf den Außenminister in Washington."
)
BAD = "b1s0"  # the segment with the marker
NDJSON = {"accept": "application/x-ndjson"}


def failing(original: Callable[..., Any], error: Exception, at: int = 0) -> Callable[..., Any]:
    """``original``, raising ``error`` where its argument ``at`` holds the marker."""

    def stage(*args: Any, **kwargs: Any) -> Any:
        if MARKER in str(args[at]):
            raise error
        return original(*args, **kwargs)

    return stage


@pytest.fixture
def forgetful(toy_engine: MarianEngine, api_settings: Settings) -> Iterator[TestClient]:
    """Without the memory: each translation is the model's."""
    settings = api_settings.model_copy(update={"memory": False})
    with TestClient(create_app(settings, engine=toy_engine), base_url="http://localhost") as c:
        yield c


def failed_stage(segment: dict[str, Any], words: str) -> None:
    """The segment is flagged, and its finding says what failed."""
    assert "stage_failed" in segment["flags"]
    (finding,) = [f for f in segment["findings"] if f["flag"] == "stage_failed"]
    assert words in finding["message"]


def logged_once(caplog: pytest.LogCaptureFixture, stage: str, segment: str) -> logging.LogRecord:
    records = [r for r in caplog.records if r.name == "mtdesk.pipeline" and r.exc_info]
    (record,) = records
    message = record.getMessage()
    assert message.startswith(f"{stage} failed on segment {segment}"), message
    assert record.levelno == logging.ERROR
    return record


def test_localisation_failing_on_one_segment_keeps_the_model_output(
    forgetful: TestClient, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    body = {"text": TEXT, "target_lang": "en-GB"}
    clean = segments(forgetful.post("/v1/translate", json=body).json())
    model = segments(forgetful.post("/v1/translate", json={"text": TEXT}).json())
    original = translator.localise_translation
    monkeypatch.setattr(
        translator, "localise_translation", failing(original, ArithmeticError("overflow"), at=1)
    )

    response = forgetful.post("/v1/translate", json=body)

    assert response.status_code == 200, response.text
    got = segments(response.json())
    bad = got[1]
    assert bad["id"] == BAD
    assert bad["target"] == model[1]["target"]  # the model's English, not localised
    assert bad["localisation"] == []
    failed_stage(bad, "localisation failed on this segment")
    assert [got[0], got[2]] == [clean[0], clean[2]]  # the others as without the failure
    record = logged_once(caplog, "localisation", BAD)
    assert record.exc_info and record.exc_info[0] is ArithmeticError


def test_checks_failing_on_one_segment_leave_it_unchecked_and_out_of_the_memory(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(
        translator, "segment_checks", failing(translator.segment_checks, ValueError("bad"))
    )

    response = client.post("/v1/translate", json={"text": TEXT})

    assert response.status_code == 200, response.text
    got = segments(response.json())
    failed_stage(got[1], "checks failed on this segment")
    assert [s["flags"] for s in (got[0], got[2])] == [[], []]
    logged_once(caplog, "checks", BAD)
    monkeypatch.undo()
    # the unchecked English was not remembered, the others were; checked, it is
    again = segments(client.post("/v1/translate", json={"text": TEXT}).json())
    assert [(s["origin"], s["flags"]) for s in again] == [
        ("memory", []),
        ("model", []),
        ("memory", []),
    ]
    third = segments(client.post("/v1/translate", json={"text": TEXT}).json())
    assert third[1]["origin"] == "memory"


def test_a_stream_yields_the_failed_segment_and_goes_on(
    forgetful: TestClient, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """The bad segment comes after the first lines (the first run streams 4)."""
    text = "\n\n".join(
        [
            "Die Regierung kündigte am Montag neue Sanktionen an.",
            "Der Präsident traf den Außenminister in Washington.",
            "Die Außenminister trafen sich in Genf.",
            "Die Polizei nahm einen Mann fest.",
            f"Die {MARKER} dauerten zwei Stunden. Die Stadt plant eine neue Brücke.",
        ]
    )
    whole = segments(forgetful.post("/v1/translate", json={"text": text}).json())
    monkeypatch.setattr(
        translator, "segment_checks", failing(translator.segment_checks, KeyError("x"))
    )

    response = forgetful.post("/v1/translate", json={"text": text}, headers=NDJSON)

    assert response.status_code == 200
    *rows, last = [json.loads(line) for line in response.text.splitlines()]
    assert "error" not in last and "document" in last, last
    streamed = [row["segment"] for row in rows]
    assert [s["id"] for s in streamed] == [s["id"] for s in whole]
    failed_stage(streamed[4], "checks failed")
    assert streamed[:4] + streamed[5:] == whole[:4] + whole[5:]
    assert segments(last["document"]) == streamed
    logged_once(caplog, "checks", "b4s0")


def test_a_batch_job_flags_the_segment_and_finishes_every_article(
    toy_engine: MarianEngine,
    api_settings: Settings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    settings = api_settings.model_copy(update={"jobs_dir": str(tmp_path / "jobs")})
    monkeypatch.setattr(
        translator, "segment_checks", failing(translator.segment_checks, ArithmeticError())
    )
    articles = [{"id": "fine", "text": "Die Außenminister trafen sich in Genf."}]
    articles.append({"id": "broken", "text": TEXT})
    with TestClient(create_app(settings, engine=toy_engine), base_url="http://localhost") as c:
        job_id = c.post("/v1/jobs", json={"articles": articles}).json()["id"]
        deadline = time.monotonic() + 180
        while (job := c.get(f"/v1/jobs/{job_id}").json())["state"] in ("queued", "running"):
            assert time.monotonic() < deadline, job
            time.sleep(0.05)
        results = c.get(f"/v1/jobs/{job_id}/results?format=jsonl").text.splitlines()

    assert job["state"] == "done" and job["counts"] == {"done": 2}, job
    documents = {record["id"]: record for record in map(json.loads, results)}
    broken = segments(documents["broken"])
    failed_stage(broken[1], "checks failed")
    assert "stage_failed" not in broken[0]["flags"] + broken[2]["flags"]
    assert "stage_failed" not in segments(documents["fine"])[0]["flags"]
    record = logged_once(caplog, "checks", BAD)
    assert "of article broken" in record.getMessage()


def test_an_edit_whose_audit_fails_is_stored_and_flagged(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    article = client.post("/v1/articles", json={"text": TEXT}).json()
    monkeypatch.setattr(review, "segment_checks", failing(review.segment_checks, KeyError("k")))
    url = f"/v1/articles/{article['id']}/segments"

    edited = client.patch(f"{url}/{BAD}", json={"target": "The talks took two hours."})
    other = client.patch(f"{url}/b0s0", json={"target": "The government announced sanctions."})

    assert (edited.status_code, other.status_code) == (200, 200), edited.text
    assert edited.json()["target"] == "The talks took two hours."
    failed_stage(edited.json(), "checks failed")
    assert "stage_failed" not in other.json()["flags"]
    stored = segments(client.get(f"/v1/articles/{article['id']}").json())
    assert stored[1]["target"] == "The talks took two hours."
    assert "stage_failed" in stored[1]["flags"]
    listed = client.get("/v1/articles", params={"flag": "stage_failed"}).json()
    assert [item["id"] for item in listed["items"]] == [article["id"]]
    record = logged_once(caplog, "checks", BAD)
    assert f"of article {article['id']}" in record.getMessage()


def test_a_split_whose_localisation_fails_stores_both_halves(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    article = client.post("/v1/articles", json={"text": TEXT, "target_lang": "en-GB"}).json()
    original = translator.localise_translation
    monkeypatch.setattr(
        translator, "localise_translation", failing(original, OverflowError("big"), at=1)
    )
    url = f"/v1/articles/{article['id']}/segments/b1s0/split"
    offset = len(f"Die {MARKER} dauerten ")

    response = client.post(url, json={"offset": offset})

    assert response.status_code == 200, response.text
    left, right = response.json()["segments"]
    failed_stage(left, "localisation failed")
    assert "stage_failed" not in right["flags"]
    record = logged_once(caplog, "localisation", left["id"])
    assert f"of article {article['id']}" in record.getMessage()


def test_the_glossary_step_failing_on_one_sentence_keeps_its_model_output(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """A sentence's protected span (a link) goes through the glossary chain."""
    text = f"Die {MARKER} stehen auf https://example.org/a. Die Außenminister trafen sich in Genf."
    original = terms.carry.finish
    monkeypatch.setattr(terms.carry, "finish", failing(original, ValueError("span")))

    response = client.post("/v1/translate", json={"text": text})

    assert response.status_code == 200, response.text
    bad, good = segments(response.json())
    failed_stage(bad, "glossary step failed")
    assert bad["target"] and bad["terms"] == []
    assert "stage_failed" not in good["flags"]
    logged_once(caplog, "glossary", "b0s0")


def test_an_engine_failure_is_still_the_translation_error(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def down(*_args: Any, **_kwargs: Any) -> Any:
        raise RuntimeError("engine down")

    monkeypatch.setattr(terms, "decode", down)

    response = client.post("/v1/translate", json={"text": TEXT})
    streamed = client.post("/v1/translate", json={"text": TEXT}, headers=NDJSON)

    assert response.status_code == 500 and streamed.status_code == 500
    assert response.json()["error"]["code"] == "internal_error"
    assert not [r for r in caplog.records if "stage_failed" in r.getMessage()]
    assert "engine down" in caplog.text  # its traceback is logged


def test_an_article_step_failing_fails_the_request_with_the_step_logged(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Segmentation cannot fail one segment alone: a 500, the step in its log line."""

    def broken(*_args: Any, **_kwargs: Any) -> Any:
        raise IndexError("splitter")

    monkeypatch.setattr(translator, "split_sentences", broken)

    response = client.post("/v1/translate", json={"text": TEXT})

    assert response.status_code == 500
    (record,) = [r for r in caplog.records if r.exc_info]
    assert "in the step segmentation" in caplog.text
    assert record.exc_info and record.exc_info[0] is IndexError


def test_localise_text_failing_is_a_500_with_the_step_logged(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """``/v1/localise`` works on one text, not segments: its failure names the step."""
    from service.api import localise

    monkeypatch.setattr(localise, "localise", failing(localise.localise, ArithmeticError("rule")))

    response = client.post(
        "/v1/localise", json={"text": "Gespräche cost $5.", "target_lang": "en-GB"}
    )

    assert response.status_code == 500
    assert "in the step localisation" in caplog.text


@pytest.mark.parametrize(
    "error",
    [ModelError("no model"), EngineClosed("closed"), EmptyInput(), MemoryError()],
    ids=["model", "engine-closed", "input", "memory"],
)
def test_the_guard_passes_what_is_not_a_segment_failure_through(error: Exception) -> None:
    def run() -> str:
        raise error

    with pytest.raises(type(error)):
        guard.guarded("checks", "b0s0", run, lambda: "fallback")


def test_the_guard_names_the_article_it_is_told_about(caplog: pytest.LogCaptureFixture) -> None:
    def run() -> str:
        raise ZeroDivisionError

    with guard.about_article("a1"):
        value, finding = guard.guarded("alignment", "b2s3", run, lambda: "fallback")

    assert value == "fallback"
    assert finding == Finding(flag="stage_failed", message=guard.MESSAGES["alignment"])
    record = logged_once(caplog, "alignment", "b2s3")
    assert "of article a1" in record.getMessage()
