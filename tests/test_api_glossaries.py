"""Glossaries over HTTP: store them as files, translate with them by name or inline."""

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from glossary import default_glossary
from models.marian import MarianEngine
from service.app import create_app
from service.settings import Settings

SENTENCE = "Lawrow traf Blinken am Dienstag."
TSV = "source\ttarget\tkind\nLawrow\tLavrov\tname\n"


def segment(document: dict[str, Any]) -> dict[str, Any]:
    (block,) = document["blocks"]
    (found,) = block["segments"]
    return found


@pytest.fixture
def news_client(toy_engine: MarianEngine, api_settings: Settings) -> Iterator[TestClient]:
    settings = api_settings.model_copy(update={"glossary": "news-de-en"})
    with TestClient(create_app(settings, engine=toy_engine), base_url="http://localhost") as client:
        yield client


def test_the_default_glossary_applies_unless_the_request_says_otherwise(
    news_client: TestClient,
) -> None:
    client = news_client
    document = client.post("/v1/translate", json={"text": SENTENCE}).json()
    assert document["glossary"] == {"name": "news-de-en", "version": default_glossary().version}
    assert "Lavrov" in segment(document)["target"]
    plain = client.post("/v1/translate", json={"text": SENTENCE, "glossary": {"entries": []}})
    assert plain.json()["glossary"] is None and "Lawrow" in segment(plain.json())["target"]


def test_a_stored_glossary_is_used_by_name(client: TestClient) -> None:
    put = client.put(
        "/v1/glossaries/house", content=TSV, headers={"content-type": "text/tab-separated-values"}
    )
    assert put.status_code == 201 and put.json()["entries"] == 1
    document = client.post("/v1/translate", json={"text": SENTENCE, "glossary": "house"}).json()
    term = segment(document)["terms"][0]
    assert (term["entry"], term["target"], term["status"]) == ("Lawrow", "Lavrov", "repaired")
    assert document["glossary"]["name"] == "house"
    names = [item["name"] for item in client.get("/v1/glossaries").json()["items"]]
    assert names == ["news-de-en", "house"]
    assert client.get("/v1/glossaries/house?format=tsv").text.startswith("source\ttarget")


def test_inline_entries_apply_to_one_request(client: TestClient) -> None:
    entries = [{"source": "Blinken", "target": "Blinken-X", "kind": "name"}]
    document = client.post(
        "/v1/translate", json={"text": SENTENCE, "glossary": {"entries": entries}}
    ).json()
    assert "Blinken-X" in segment(document)["target"]


def test_a_bad_file_is_refused_with_its_line_and_changes_nothing(client: TestClient) -> None:
    headers = {"content-type": "text/tab-separated-values"}
    assert client.put("/v1/glossaries/house", content=TSV, headers=headers).status_code == 201
    bad = client.put("/v1/glossaries/house", content=TSV + "Nato\n", headers=headers)
    assert bad.status_code == 422
    assert bad.json()["error"]["detail"]["line"] == 3
    assert client.get("/v1/glossaries/house").json()["entries"] == 1


def test_unknown_glossaries_and_media_types(client: TestClient) -> None:
    missing = client.post("/v1/translate", json={"text": SENTENCE, "glossary": "nope"})
    assert missing.status_code == 422  # the body's mistake; the glossary URLs answer 404
    assert client.get("/v1/glossaries/nope").status_code == 404
    assert client.delete("/v1/glossaries/nope").status_code == 404
    wrong = client.put("/v1/glossaries/x", content="a", headers={"content-type": "image/png"})
    assert wrong.status_code == 415
    shipped = client.put(
        "/v1/glossaries/news-de-en", content=TSV, headers={"content-type": "text/csv"}
    )
    assert shipped.status_code == 422


def test_a_server_file_path_is_not_a_glossary_name(client: TestClient) -> None:
    response = client.post("/v1/translate", json={"text": SENTENCE, "glossary": "/etc/passwd"})
    assert response.status_code == 422
