from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from fastapi.testclient import TestClient

from models.marian import MarianEngine
from service.app import create_app
from service.settings import Settings

ARTICLE = (
    "Blinken trifft Lawrow in Genf\n\n"
    "Der US-Außenminister spricht mit seinem Amtskollegen. "
    "Die Gespräche dauerten zwei Stunden.\n\n"
    "Eine Einigung gab es nicht."
)


def segments(document: dict[str, Any]) -> list[dict[str, Any]]:
    return [segment for block in document["blocks"] for segment in block["segments"]]


def assert_error(response: Any, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "detail"}
    assert body["error"]["code"] == code
    return body["error"]


def test_an_article_comes_back_aligned(client: TestClient, toy_engine: MarianEngine) -> None:
    response = client.post("/v1/translate", json={"text": ARTICLE})
    assert response.status_code == 200
    document = response.json()
    assert document["model"] == "toy" and document["source_lang"] == "de"
    assert [block["kind"] for block in document["blocks"]] == ["title", "paragraph", "paragraph"]
    found = segments(document)
    assert [segment["source"] for segment in found] == [
        "Blinken trifft Lawrow in Genf",
        "Der US-Außenminister spricht mit seinem Amtskollegen.",
        "Die Gespräche dauerten zwei Stunden.",
        "Eine Einigung gab es nicht.",
    ]
    for segment in found:
        start, end = segment["source_span"]
        assert ARTICLE[start:end] == segment["source"]
        assert segment["origin"] == "model" and segment["status"] == "draft"
    expected = toy_engine.translate([segment["source"] for segment in found])
    assert [segment["target"] for segment in found] == [hypothesis.text for hypothesis in expected]
    assert document["target_text"].count("\n\n") == 2


def test_a_plain_text_body_is_the_article(client: TestClient) -> None:
    as_json = client.post("/v1/translate", json={"text": ARTICLE}).json()
    as_text = client.post(
        "/v1/translate",
        content=ARTICLE.encode(),
        headers={"content-type": "text/plain; charset=utf-8"},
    )
    assert as_text.status_code == 200
    assert [s["target"] for s in segments(as_text.json())] == [
        s["target"] for s in segments(as_json)
    ]


def test_repeated_sentences_come_from_the_memory(client: TestClient) -> None:
    first = client.post("/v1/translate", json={"text": ARTICLE}).json()
    # Flagged outputs are not remembered; a clean one is, whatever its spacing next time.
    clean = next(segment for segment in segments(first) if not segment["flags"])
    respaced = clean["source"].replace(" ", "  ", 1)
    again = client.post("/v1/translate", json={"text": respaced}).json()
    assert segments(again)[0]["origin"] == "memory"
    assert segments(again)[0]["target"] == clean["target"]
    metrics = client.get("/metrics").text
    assert 'mtdesk_memory_lookups_total{result="hit"} 1.0' in metrics
    assert 'mtdesk_segments_translated_total{origin="memory"} 1.0' in metrics


def test_beam_size_is_an_option(client: TestClient) -> None:
    response = client.post(
        "/v1/translate", json={"text": "Guten Morgen.", "options": {"beam_size": 1}}
    )
    assert response.status_code == 200
    error = assert_error(
        client.post("/v1/translate", json={"text": "x", "options": {"beam_size": 99}}),
        422,
        "validation_error",
    )
    assert error["message"].startswith("body.options.beam_size:")


@pytest.mark.parametrize(
    ("body", "code", "words"),
    [
        ({"text": "   \n"}, "empty_input", "empty"),
        ({"text": "Hallo.", "format": "pdf"}, "validation_error", "'text', 'markdown' or 'html'"),
        ({"text": "<p> </p>", "format": "html"}, "empty_input", "empty"),
        ({"txt": "Hallo."}, "validation_error", "body.text: Field required"),
        ({"text": "Hallo.", "colour": "red"}, "validation_error", "Extra inputs"),
        ({"text": "Hallo\x00Welt."}, "validation_error", "U+0000"),
        ({"text": 42}, "validation_error", "valid string"),
    ],
)
def test_invalid_requests_are_422(
    client: TestClient, body: dict[str, Any], code: str, words: str
) -> None:
    error = assert_error(client.post("/v1/translate", json=body), 422, code)
    assert words in error["message"]


def test_malformed_json_is_422(client: TestClient) -> None:
    response = client.post(
        "/v1/translate", content=b'{"text": ', headers={"content-type": "application/json"}
    )
    assert_error(response, 422, "validation_error")


def test_text_that_is_not_utf8_is_422(client: TestClient) -> None:
    response = client.post(
        "/v1/translate", content="Grüße".encode("latin-1"), headers={"content-type": "text/plain"}
    )
    assert "not valid UTF-8" in assert_error(response, 422, "not_utf8")["message"]


@pytest.mark.parametrize(
    "content_type",
    ["application/x-www-form-urlencoded", "text/html", "text/plain; charset=latin-1"],
)
def test_other_media_types_are_415(client: TestClient, content_type: str) -> None:
    response = client.post(
        "/v1/translate", content=b"text=Hallo", headers={"content-type": content_type}
    )
    assert_error(response, 415, "unsupported_media_type")


def test_a_body_without_a_type_is_415(client: TestClient) -> None:
    assert_error(client.post("/v1/translate", content=b"Hallo."), 415, "unsupported_media_type")


@pytest.fixture
def small_client(toy_engine: MarianEngine, api_settings: Settings) -> Iterator[TestClient]:
    settings = api_settings.model_copy(update={"max_chars": 1000})
    with TestClient(create_app(settings, engine=toy_engine), base_url="http://localhost") as client:
        yield client


def test_more_characters_than_the_limit_are_413(small_client: TestClient) -> None:
    error = assert_error(
        small_client.post("/v1/translate", json={"text": "Satz. " * 200}), 413, "input_too_large"
    )
    assert error["detail"] == {"size": 1200, "limit": 1000}


def test_an_oversized_body_is_413_before_parsing(small_client: TestClient) -> None:
    junk = b"{" + b"x" * 100_000  # not even JSON: refused for its size alone
    response = small_client.post(
        "/v1/translate", content=junk, headers={"content-type": "application/json"}
    )
    assert "request body" in assert_error(response, 413, "input_too_large")["message"]


def test_an_oversized_streamed_body_is_413(small_client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(100):
            yield b"x" * 1000

    response = small_client.post(
        "/v1/translate", content=chunks(), headers={"content-type": "application/json"}
    )
    assert_error(response, 413, "input_too_large")


def test_concurrent_requests_each_get_their_own_translation(
    client: TestClient, toy_engine: MarianEngine
) -> None:
    articles = [
        f"Artikel {i}\n\nDer Minister sprach mit {i + 2} Reportern. Es regnete." for i in range(16)
    ]
    with ThreadPoolExecutor(16) as pool:
        responses = list(
            pool.map(lambda text: client.post("/v1/translate", json={"text": text}), articles)
        )
    for i, (text, response) in enumerate(zip(articles, responses, strict=True)):
        assert response.status_code == 200
        found = segments(response.json())
        sources = [segment["source"] for segment in found]
        assert sources == [
            f"Artikel {i}",
            f"Der Minister sprach mit {i + 2} Reportern.",
            "Es regnete.",
        ]
        assert [text[slice(*segment["source_span"])] for segment in found] == sources
        expected = [hypothesis.text for hypothesis in toy_engine.translate(sources)]
        assert [segment["target"] for segment in found] == expected
    metrics = client.get("/metrics").text
    single = metric(metrics, 'mtdesk_batch_requests_bucket{le="1.0"}')
    assert metric(metrics, "mtdesk_batch_requests_count") > single  # some requests were merged


def metric(text: str, name: str) -> float:
    line = next(line for line in text.splitlines() if line.startswith(name + " "))
    return float(line.split()[-1])
