import json
from typing import Any

import pytest
from fastapi.testclient import TestClient
from translate.storage import tmx, xliff

from tests.test_api_translate import ARTICLE, assert_error, segments

UNKNOWN = "0123456789abcdef"


def create(client: TestClient, text: str = ARTICLE, **fields: Any) -> dict[str, Any]:
    response = client.post("/v1/articles", json={"text": text, **fields})
    assert response.status_code == 201, response.text
    return response.json()


def test_creating_stores_the_translated_article(client: TestClient) -> None:
    article = create(client)
    assert article["title"] == "Blinken trifft Lawrow in Genf"  # the headline block
    assert (article["status"], article["format"], article["model"]) == ("draft", "text", "toy")
    assert len(article["id"]) == 16
    assert client.get(f"/v1/articles/{article['id']}").json() == article
    translated = client.post("/v1/translate", json={"text": ARTICLE}).json()
    assert [s["target"] for s in segments(article)] == [s["target"] for s in segments(translated)]


def test_a_given_title_wins_and_plain_text_works(client: TestClient) -> None:
    response = client.post(
        "/v1/articles", content="Kurz und gut.", headers={"content-type": "text/plain"}
    )
    assert response.status_code == 201 and response.json()["title"] is None
    assert create(client, "Kurz und gut.", title="Mein Titel")["title"] == "Mein Titel"


def test_the_list_is_paged_newest_first_and_filtered(client: TestClient) -> None:
    ids = [create(client, f"Satz Nummer {i}.")["id"] for i in range(3)]
    page = client.get("/v1/articles", params={"limit": 2}).json()
    assert page["total"] == 3 and (page["limit"], page["offset"]) == (2, 0)
    assert [item["id"] for item in page["items"]] == [ids[2], ids[1]]
    assert page["items"][0]["segments"] == 1 and page["items"][0]["approved"] == 0
    rest = client.get("/v1/articles", params={"limit": 2, "offset": 2}).json()
    assert [item["id"] for item in rest["items"]] == [ids[0]]
    client.patch(f"/v1/articles/{ids[1]}/segments/b0s0", json={"status": "approved"})
    approved = client.get("/v1/articles", params={"status": "approved"}).json()
    assert [item["id"] for item in approved["items"]] == [ids[1]]
    everything = client.get("/v1/articles").json()["items"]
    looping = [item["id"] for item in everything if "repetition" in item["flags"]]
    filtered = client.get("/v1/articles", params={"flag": "repetition"}).json()["items"]
    assert [item["id"] for item in filtered] == looping
    assert client.get("/v1/articles", params={"flag": "no_such_flag"}).json()["total"] == 0
    assert_error(client.get("/v1/articles", params={"limit": 0}), 422, "validation_error")
    assert_error(client.get("/v1/articles", params={"status": "lost"}), 422, "validation_error")


def test_delete_removes_the_article(client: TestClient) -> None:
    article_id = create(client)["id"]
    assert client.delete(f"/v1/articles/{article_id}").status_code == 204
    assert_error(client.get(f"/v1/articles/{article_id}"), 404, "not_found")
    assert_error(client.delete(f"/v1/articles/{article_id}"), 404, "not_found")


def test_an_edit_keeps_history_and_approval_feeds_the_memory(client: TestClient) -> None:
    article = create(client)
    url = f"/v1/articles/{article['id']}/segments/b2s0"
    first = segments(article)[3]
    edited = client.patch(url, json={"target": "There was no agreement."})
    assert edited.status_code == 200
    assert (edited.json()["target"], edited.json()["status"]) == (
        "There was no agreement.",
        "draft",
    )
    approved = client.patch(url, json={"target": "No agreement was reached.", "status": "approved"})
    body = approved.json()
    assert (body["status"], body["origin"]) == ("approved", "approved")
    assert [entry["target"] for entry in body["history"]] == [
        first["target"],
        "There was no agreement.",
    ]
    assert client.get(url).json() == body

    stored = client.get(f"/v1/articles/{article['id']}").json()
    assert stored["status"] == "in_review"
    assert stored["target_text"].endswith("No agreement was reached.")
    assert segments(stored)[3]["target"] == "No agreement was reached."

    again = client.post("/v1/translate", json={"text": "Eine Einigung gab es nicht."}).json()
    assert segments(again)[0]["target"] == "No agreement was reached."
    assert segments(again)[0]["origin"] == "approved"


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ({}, "send `target`, `status` or both"),
        ({"status": "done"}, "body.status"),
        ({"target": ""}, ""),
    ],
)
def test_invalid_edits_are_422(client: TestClient, body: dict[str, Any], words: str) -> None:
    article_id = create(client, "Ein Satz.")["id"]
    response = client.patch(f"/v1/articles/{article_id}/segments/b0s0", json=body)
    assert words in assert_error(response, 422, "validation_error")["message"]


def test_an_edit_must_be_json(client: TestClient) -> None:
    article_id = create(client, "Ein Satz.")["id"]
    response = client.patch(
        f"/v1/articles/{article_id}/segments/b0s0",
        content=b"A sentence.",
        headers={"content-type": "text/plain"},
    )
    assert_error(response, 415, "unsupported_media_type")


def test_unknown_articles_and_segments_are_404(client: TestClient) -> None:
    article_id = create(client, "Ein Satz.")["id"]
    assert_error(client.get(f"/v1/articles/{UNKNOWN}"), 404, "not_found")
    assert_error(client.get(f"/v1/articles/{UNKNOWN}/export"), 404, "not_found")
    missing = client.patch(f"/v1/articles/{article_id}/segments/b7s7", json={"target": "x"})
    assert "no segment 'b7s7'" in assert_error(missing, 404, "not_found")["message"]
    assert_error(client.get(f"/v1/articles/{UNKNOWN}/segments/b0s0"), 404, "not_found")


def test_a_failed_edit_changes_nothing(client: TestClient) -> None:
    article = create(client, "Ein Satz.")
    url = f"/v1/articles/{article['id']}/segments/b0s0"
    assert_error(client.patch(url, json={"target": "x", "status": "?"}), 422, "validation_error")
    assert client.get(f"/v1/articles/{article['id']}").json() == article
    assert client.get(url).json()["history"] == []


def exported(client: TestClient, article_id: str, fmt: str) -> Any:
    response = client.get(f"/v1/articles/{article_id}/export", params={"format": fmt})
    assert response.status_code == 200, response.text
    assert f'filename="{article_id}.' in response.headers["content-disposition"]
    return response


def test_exports_carry_every_segment(client: TestClient) -> None:
    article = create(client)
    client.patch(
        f"/v1/articles/{article['id']}/segments/b0s0",
        json={"target": "Blinken meets Lavrov in Geneva", "status": "approved"},
    )
    stored = client.get(f"/v1/articles/{article['id']}").json()
    pairs = [(s["source"], s["target"]) for s in segments(stored)]

    as_json = exported(client, article["id"], "json")
    assert as_json.headers["content-type"] == "application/json"
    assert json.loads(as_json.content)["blocks"] == stored["blocks"]

    text = exported(client, article["id"], "txt")
    assert text.text == stored["target_text"]

    memory = tmx.tmxfile.parsestring(exported(client, article["id"], "tmx").content)
    assert [(unit.source, unit.target) for unit in memory.units] == pairs
    header = memory.document.getroot().find("header")
    assert header is not None and header.get("srclang") == "de"
    assert memory.units[0].xmlelement.get("tuid") == f"{article['id']}-b0s0"

    bilingual = xliff.xlifffile.parsestring(exported(client, article["id"], "xliff").content)
    assert (bilingual.getsourcelanguage(), bilingual.gettargetlanguage()) == ("de", "en")
    assert [(unit.source, unit.target) for unit in bilingual.units] == pairs
    assert [unit.getid().split("\x04")[-1] for unit in bilingual.units] == [
        s["id"] for s in segments(stored)
    ]
    assert [unit.isapproved() for unit in bilingual.units] == [True, False, False, False]


def test_an_unknown_export_format_is_422(client: TestClient) -> None:
    article_id = create(client, "Ein Satz.")["id"]
    response = client.get(f"/v1/articles/{article_id}/export", params={"format": "docx"})
    assert_error(response, 422, "validation_error")
