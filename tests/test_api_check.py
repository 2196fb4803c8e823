"""POST /v1/check: flags and findings for any sentence pairs, in order, with no model."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from fastapi.testclient import TestClient

from models.marian import MarianEngine
from service.app import create_app
from service.pipeline import engines
from service.settings import Settings
from tests.test_api_translate import assert_error

CLEAN = {"source": "Die Firma zahlte 812.397 Euro.", "target": "The company paid 812,397 euros."}
NUMBER = {"source": "Die Firma zahlte 812.397 Euro.", "target": "The company paid 81,237 euros."}
LINK = {
    "source": "Mehr unter https://example.de/bericht heute.",
    "target": "More today.",
}
HIDDEN = {"source": "Es waren 100 Gäste.", "target": "There were \u202e100 guests."}


def flags_of(body: dict[str, Any]) -> list[list[str]]:
    return [result["flags"] for result in body["results"]]


def test_one_result_per_pair_in_order_with_findings(client: TestClient) -> None:
    response = client.post("/v1/check", json={"pairs": [NUMBER, CLEAN, LINK, HIDDEN]})
    assert response.status_code == 200, response.text
    results = response.json()["results"]
    assert len(results) == 4
    assert "number_mismatch" in results[0]["flags"]
    assert results[1] == {"flags": [], "findings": []}
    assert "protected_lost" in results[2]["flags"]
    assert "hidden_characters" in results[3]["flags"]
    for result in results:
        # every fact flag has its reason
        for finding in result["findings"]:
            assert finding["flag"] in result["flags"] and finding["message"]
            assert set(finding) == {"flag", "source_span", "target_span", "message"}
    hidden = next(f for f in results[3]["findings"] if f["flag"] == "hidden_characters")
    start, end = hidden["target_span"]
    assert HIDDEN["target"][start:end] == "\u202e"


def test_a_glossary_given_as_entries_is_audited(client: TestClient) -> None:
    pair = {"source": "Lawrow sprach.", "target": "Lawrow spoke."}
    body = {"pairs": [pair], "glossary": [{"source": "Lawrow", "target": "Lavrov", "kind": "name"}]}
    assert "glossary_violation" in flags_of(client.post("/v1/check", json=body).json())[0]
    body["glossary"] = []
    assert "glossary_violation" not in flags_of(client.post("/v1/check", json=body).json())[0]


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"pairs": []}, "validation_error"),
        ({}, "validation_error"),
        ({"pairs": [{"source": "Hallo."}]}, "validation_error"),
        ({"pairs": [{"source": 3, "target": "x"}]}, "validation_error"),
        ({"pairs": [CLEAN], "extra": 1}, "validation_error"),
        ({"pairs": [{"source": "  ", "target": "Hello."}]}, "invalid_input"),
        ({"pairs": [{"source": "Hallo\x00.", "target": "Hello."}]}, "unstorable_text"),
        ({"pairs": [CLEAN], "target_lang": "fr"}, "unknown_locale"),
        ({"pairs": [CLEAN], "source_lang": "fr"}, "validation_error"),
        ({"pairs": [CLEAN], "glossary": [{"source": "", "target": "x"}]}, "validation_error"),
        ({"pairs": [CLEAN], "glossary": "no-such-glossary"}, "unknown_glossary"),
    ],
)
def test_bad_input_is_a_clear_4xx(client: TestClient, body: dict[str, Any], code: str) -> None:
    response = client.post("/v1/check", json=body)
    assert 400 <= response.status_code < 500, response.text
    assert response.json()["error"]["code"] == code


def test_not_json_is_422_never_5xx(client: TestClient) -> None:
    response = client.post(
        "/v1/check", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert response.status_code == 422


def test_more_than_max_chars_in_all_is_413(
    toy_engine: MarianEngine, api_settings: Settings
) -> None:
    settings = api_settings.model_copy(update={"max_chars": 100})
    with TestClient(create_app(settings, engine=toy_engine), base_url="http://localhost") as c:
        pairs = [{"source": "Ein Satz hier.", "target": "A sentence here."}] * 4  # 120 in all
        assert_error(c.post("/v1/check", json={"pairs": pairs}), 413, "input_too_large")
        assert c.post("/v1/check", json={"pairs": pairs[:3]}).status_code == 200


def test_no_model_is_needed_unless_a_score_is_asked_for(
    api_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()

    def never_loads(_settings: Settings) -> MarianEngine:
        release.wait(timeout=30)
        raise RuntimeError("the model was never meant to load in this test")

    monkeypatch.setattr(engines, "load_engine", never_loads)
    try:
        with TestClient(create_app(api_settings), base_url="http://localhost") as client:
            response = client.post("/v1/check", json={"pairs": [NUMBER]})
            assert response.status_code == 200 and "number_mismatch" in flags_of(response.json())[0]
            assert_error(
                client.post("/v1/check", json={"pairs": [NUMBER], "score": True}),
                503,
                "model_loading",
            )
    finally:
        release.set()


def test_a_score_adds_the_model_flags(client: TestClient) -> None:
    pair = {"source": "Die Regierung hat heute beschlossen.", "target": "Bananas fly purple."}
    plain = client.post("/v1/check", json={"pairs": [pair]}).json()
    scored = client.post("/v1/check", json={"pairs": [pair], "score": True}).json()
    assert "low_confidence" not in flags_of(plain)[0]
    assert "low_confidence" in flags_of(scored)[0]
