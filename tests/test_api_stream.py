"""Streamed translation: NDJSON lines per segment in document order, then the document."""

from __future__ import annotations

import json
from typing import Any

import pytest
from fastapi.testclient import TestClient

from models.marian import MarianEngine
from service.app import create_app
from service.settings import Settings
from tests.test_api_translate import assert_error, segments

NDJSON = {"accept": "application/x-ndjson"}
# More segments than the first run streams (4), so the lines come from several runs.
TEXT = "\n\n".join(
    [
        "Blinken trifft Lawrow in Genf",
        "Die Gespräche dauerten zwei Stunden. Der Minister sprach mit Blinken.",
        "Die Regierung kündigte am Montag neue Sanktionen an. Eine Einigung gab es nicht.",
        "Der Präsident traf den Außenminister in Washington.",
        "Die Gespräche dauerten drei Stunden. Die Außenminister trafen sich in Genf.",
    ]
)


def lines(response: Any) -> list[dict[str, Any]]:
    assert response.status_code in (200, 201), response.text
    assert response.headers["content-type"].startswith("application/x-ndjson")
    return [json.loads(line) for line in response.text.splitlines()]


@pytest.fixture
def forgetful(toy_engine: MarianEngine, api_settings: Settings) -> Any:
    """Without the memory: the second translation of a text is the model's again."""
    settings = api_settings.model_copy(update={"memory": False})
    with TestClient(create_app(settings, engine=toy_engine), base_url="http://localhost") as c:
        yield c


def test_translate_streams_each_segment_in_order_then_the_same_document(
    forgetful: TestClient,
) -> None:
    client = forgetful
    whole = client.post("/v1/translate", json={"text": TEXT}).json()
    streamed = lines(client.post("/v1/translate", json={"text": TEXT}, headers=NDJSON))
    *rows, last = streamed
    assert [row["segment"] for row in rows] == segments(whole)
    assert [(row["done"], row["total"]) for row in rows] == [(n, 8) for n in range(1, 9)]
    assert last == {"document": whole}


def test_articles_stream_and_end_with_the_stored_article(client: TestClient) -> None:
    streamed = lines(
        client.post(
            "/v1/articles", json={"text": TEXT, "options": {"alignment": True}}, headers=NDJSON
        )
    )
    *rows, last = streamed
    stored = client.get(f"/v1/articles/{last['document']['id']}").json()
    assert last["document"] == stored
    assert [row["segment"]["target"] for row in rows] == [s["target"] for s in segments(stored)]
    assert all(row["segment"]["alignment"] for row in rows)


def test_errors_before_the_first_line_are_status_codes(client: TestClient) -> None:
    empty = client.post("/v1/translate", json={"text": "  "}, headers=NDJSON)
    assert_error(empty, 422, "empty_input")
    english = client.post(
        "/v1/translate",
        json={"text": "The minister met his counterpart in Geneva on Friday for talks."},
        headers=NDJSON,
    )
    assert_error(english, 422, "not_german")


def test_an_error_after_the_first_line_is_the_last_line(
    client: TestClient, monkeypatch: Any
) -> None:
    from service.errors import ModelUnavailable
    from service.pipeline import translator as module

    finish = module.Translator.translate_planned
    calls = []

    def failing_second_run(self: Any, *args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        if len(calls) == 2:
            raise ModelUnavailable("the engine went away", detail={"model": "toy"})
        return finish(self, *args, **kwargs)

    monkeypatch.setattr(module.Translator, "translate_planned", failing_second_run)
    streamed = lines(client.post("/v1/translate", json={"text": TEXT}, headers=NDJSON))
    assert [row["done"] for row in streamed[:-1]] == [1, 2, 3, 4]
    assert streamed[-1] == {
        "error": {
            "code": "model_unavailable",
            "message": "the engine went away",
            "detail": {"model": "toy"},
        }
    }
