"""``/v1/articles/{id}/revisions``: a story's new German version over HTTP."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from tests.test_api_translate import assert_error, segments
from tests.test_revisions_carry import FIRST, SECOND

UNKNOWN = "0123456789abcdef"


def reviewed_article(client: TestClient) -> dict[str, Any]:
    """Seven sentences stored; the third edited, the fifth approved."""
    created = client.post("/v1/articles", json={"text": FIRST})
    assert created.status_code == 201, created.text
    article = created.json()
    ids = [segment["id"] for segment in segments(article)]
    url = f"/v1/articles/{article['id']}/segments"
    edit = client.patch(f"{url}/{ids[2]}", json={"target": "The fire broke out on Tuesday."})
    assert edit.status_code == 200, edit.text
    assert client.patch(f"{url}/{ids[4]}", json={"status": "approved"}).status_code == 200
    return client.get(f"/v1/articles/{article['id']}").json()


def test_a_story_update_keeps_review_work_and_marks_what_changed(client: TestClient) -> None:
    before = reviewed_article(client)
    assert before["revision"] == 1
    old = segments(before)

    response = client.post(f"/v1/articles/{before['id']}/revisions", json={"text": SECOND})

    assert response.status_code == 200, response.text
    after = response.json()
    assert response.headers["ETag"] == f'"{after["version"]}"'
    assert after["revision"] == 2
    summary = after["revision_summary"]
    assert {key: summary[key] for key in ("kept", "changed", "new", "removed")} == {
        "kept": 4,
        "changed": 2,
        "new": 1,
        "removed": 1,
    }
    assert summary["translated"] <= 3
    new = segments(after)
    assert [segment["revised"] for segment in new] == [
        "kept",
        "changed",
        "kept",
        "changed",
        "kept",
        "new",
        "kept",
    ]
    assert (new[2]["target"], new[2]["origin"]) == ("The fire broke out on Tuesday.", "edited")
    assert new[4]["status"] == "approved"
    assert all(new[index]["status"] == "draft" for index in (1, 3, 5))
    for segment in new:
        start, end = segment["source_span"]
        assert SECOND[start:end] == segment["source"]
    assert client.get(f"/v1/articles/{before['id']}").json() == after

    changed = client.get(f"/v1/articles/{before['id']}/segments/{new[1]['id']}").json()
    assert changed["history"][-1]["target"] == old[1]["target"]
    assert changed["history"][-1]["source"] == old[1]["source"]
    edited = client.get(f"/v1/articles/{before['id']}/segments/{new[2]['id']}").json()
    assert [(entry["origin"], entry["source"]) for entry in edited["history"]] == [("model", None)]

    listing = client.get(f"/v1/articles/{before['id']}/revisions").json()["items"]
    assert [(item["number"], item["summary"]) for item in listing] == [(1, None), (2, summary)]
    first = client.get(f"/v1/articles/{before['id']}/revisions/1").json()
    assert [segment["target"] for segment in segments(first)] == [s["target"] for s in old]
    assert segments(first)[4]["status"] == "approved"
    assert first["target_text"] == before["target_text"]
    assert client.get(f"/v1/articles/{before['id']}/revisions/2").json()["revision"] == 2
    assert_error(client.get(f"/v1/articles/{before['id']}/revisions/3"), 404, "not_found")


def test_if_match_decides_and_a_stale_update_changes_nothing(client: TestClient) -> None:
    before = reviewed_article(client)
    url = f"/v1/articles/{before['id']}/revisions"
    stale = client.post(url, json={"text": SECOND}, headers={"If-Match": '"1"'})
    assert_error(stale, 412, "precondition_failed")
    assert client.get(f"/v1/articles/{before['id']}").json() == before
    fresh = client.post(url, json={"text": SECOND}, headers={"If-Match": f'"{before["version"]}"'})
    assert fresh.status_code == 200, fresh.text


def test_bad_updates_are_refused_as_new_articles_are_and_change_nothing(
    client: TestClient,
) -> None:
    before = reviewed_article(client)
    url = f"/v1/articles/{before['id']}/revisions"
    english = "The quick brown fox jumps over the lazy dog. It was a sunny day in London."
    for body, status, code in [
        ({"text": ""}, 422, "empty_input"),
        ({"text": " \n "}, 422, "empty_input"),
        ({"text": "Ein Satz.\x00"}, 422, "validation_error"),
        ({"text": english}, 422, "not_german"),
        ({"text": "Satz. " * 40_000}, 413, "input_too_large"),
        ({"text": SECOND, "format": "pdf"}, 422, "validation_error"),
        ({"txt": SECOND}, 422, "validation_error"),
    ]:
        same = client.post("/v1/articles", json=body) if body.get("format") != "pdf" else None
        answer = client.post(url, json=body)
        assert_error(answer, status, code)
        if same is not None and "txt" not in body:
            assert (same.status_code, same.json()["error"]["code"]) == (status, code)
    assert_error(
        client.post(f"/v1/articles/{UNKNOWN}/revisions", json={"text": SECOND}), 404, "not_found"
    )
    assert_error(client.get(f"/v1/articles/{UNKNOWN}/revisions"), 404, "not_found")
    assert client.get(f"/v1/articles/{before['id']}").json() == before
    listing = client.get(f"/v1/articles/{before['id']}/revisions").json()["items"]
    assert [item["number"] for item in listing] == [1]


def test_plain_text_bodies_work_too(client: TestClient) -> None:
    before = reviewed_article(client)
    response = client.post(
        f"/v1/articles/{before['id']}/revisions",
        content=SECOND.encode(),
        headers={"content-type": "text/plain; charset=utf-8"},
    )
    assert response.status_code == 200, response.text
    assert response.json()["revision"] == 2


def test_an_updated_article_is_edited_split_and_exported_as_any(client: TestClient) -> None:
    before = reviewed_article(client)
    after = client.post(f"/v1/articles/{before['id']}/revisions", json={"text": SECOND}).json()
    new = segments(after)
    url = f"/v1/articles/{after['id']}/segments"
    approved = client.patch(f"{url}/{new[1]['id']}", json={"status": "approved"})
    assert approved.status_code == 200, approved.text
    assert approved.json()["revised"] == "changed"  # still says what the update did
    split = client.post(f"{url}/{new[5]['id']}/split", json={"offset": 4})
    assert split.status_code == 200, split.text
    exported = client.get(f"/v1/articles/{after['id']}/export", params={"format": "tmx"})
    assert exported.status_code == 200
    assert client.delete(f"/v1/articles/{after['id']}").status_code == 204
    assert_error(client.get(f"/v1/articles/{after['id']}/revisions"), 404, "not_found")


def test_an_update_keeps_the_house_style_the_article_was_translated_in(
    client: TestClient,
) -> None:
    body = {"text": FIRST, "target_lang": "en-US", "style": "ap"}
    created = client.post("/v1/articles", json=body).json()
    assert (created["target_lang"], created["style"]) == ("en-US", "ap")
    updated = client.post(f"/v1/articles/{created['id']}/revisions", json={"text": SECOND})
    assert updated.status_code == 200, updated.text
    assert (updated.json()["target_lang"], updated.json()["style"]) == ("en-US", "ap")
    plain = client.post("/v1/articles", json={"text": FIRST}).json()
    assert (plain["target_lang"], plain["style"]) == ("en", None)
