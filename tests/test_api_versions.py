"""Two editors, no lost edit: ETag on reads, If-Match on edits, 412 on a stale version."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.test_api_articles import create
from tests.test_api_translate import ARTICLE, assert_error, segments
from tests.test_web_pages import token


def test_a_created_article_answers_201_with_its_location_and_etag(client: TestClient) -> None:
    response = client.post("/v1/articles", json={"text": ARTICLE})
    assert response.status_code == 201
    article = response.json()
    assert response.headers["location"] == f"/v1/articles/{article['id']}"
    assert (article["version"], response.headers["etag"]) == (1, '"1"')
    assert [s["version"] for s in segments(article)] == [1, 1, 1, 1]
    assert client.get(response.headers["location"]).json() == article


def test_every_edit_moves_the_versions_of_segment_and_article(client: TestClient) -> None:
    article = create(client)
    url = f"/v1/articles/{article['id']}/segments/b2s0"
    read = client.get(url)
    assert (read.json()["version"], read.headers["etag"]) == (1, '"1"')
    edited = client.patch(url, json={"target": "No deal."}, headers={"If-Match": '"1"'})
    assert edited.status_code == 200
    assert (edited.json()["version"], edited.headers["etag"]) == (2, '"2"')
    whole = client.get(f"/v1/articles/{article['id']}")
    assert (whole.json()["version"], whole.headers["etag"]) == (2, '"2"')
    assert [s["version"] for s in segments(whole.json())] == [1, 1, 1, 2]


@pytest.mark.parametrize("stale", ['"1"', 'W/"1"', "1", '"x"'])
def test_a_stale_if_match_is_412_with_the_current_text_and_changes_nothing(
    client: TestClient, stale: str
) -> None:
    article = create(client)
    url = f"/v1/articles/{article['id']}/segments/b2s0"
    client.patch(url, json={"target": "Editor A's text."}, headers={"If-Match": '"1"'})
    before = client.get(f"/v1/articles/{article['id']}").json()
    response = client.patch(url, json={"target": "Editor B's text."}, headers={"If-Match": stale})
    error = assert_error(response, 412, "precondition_failed")
    assert error["detail"] == {
        "article_id": article["id"],
        "segment_id": "b2s0",
        "version": 2,
        "target": "Editor A's text.",
        "status": "draft",
    }
    assert client.get(f"/v1/articles/{article['id']}").json() == before
    assert [entry["target"] for entry in client.get(url).json()["history"]] == [
        segments(article)[3]["target"]
    ]
    chosen = client.patch(url, json={"target": "Editor B's text."}, headers={"If-Match": '"2"'})
    assert (chosen.status_code, chosen.json()["version"]) == (200, 3)


@pytest.mark.parametrize(
    ("if_match", "status"),
    [
        ('"2", "7"', 200),  # RFC 9110: a list matches when any of its tags does
        ('"7", "2"', 200),
        ('"7",W/"2"', 200),
        ('"junk", "2"', 200),  # a malformed member matches nothing, the others still may
        ('"1", "7"', 412),
        ('"junk", "x,y"', 412),
        (", ,", 412),
    ],
)
def test_an_if_match_list_matches_when_any_tag_is_current(
    client: TestClient, if_match: str, status: int
) -> None:
    article = create(client)
    url = f"/v1/articles/{article['id']}/segments/b2s0"
    assert client.patch(url, json={"target": "First."}).json()["version"] == 2
    response = client.patch(url, json={"target": "Mine."}, headers={"If-Match": if_match})
    assert response.status_code == status
    split = client.post(
        f"/v1/articles/{article['id']}/segments/b1s0/split",
        json={"offset": 4},
        headers={"If-Match": '"9", "1"'},
    )
    assert split.status_code == 200


def test_without_if_match_the_last_write_wins(client: TestClient) -> None:
    article = create(client)
    url = f"/v1/articles/{article['id']}/segments/b2s0"
    client.patch(url, json={"target": "First."})
    last = client.patch(url, json={"target": "Second."})
    assert (last.status_code, last.json()["target"], last.json()["version"]) == (
        200,
        "Second.",
        3,
    )
    star = client.patch(url, json={"status": "approved"}, headers={"If-Match": "*"})
    assert star.status_code == 200


def test_split_and_merge_check_if_match_before_they_translate(client: TestClient) -> None:
    article = create(client)
    base = f"/v1/articles/{article['id']}/segments"
    client.patch(f"{base}/b1s0", json={"target": "The minister speaks."})
    before = client.get(f"/v1/articles/{article['id']}").json()
    split = client.post(f"{base}/b1s0/split", json={"offset": 4}, headers={"If-Match": '"1"'})
    assert assert_error(split, 412, "precondition_failed")["detail"]["target"] == (
        "The minister speaks."
    )
    merge = client.post(f"{base}/b1s0/merge", headers={"If-Match": '"1"'})
    assert assert_error(merge, 412, "precondition_failed")["detail"]["version"] == 2
    assert client.get(f"/v1/articles/{article['id']}").json() == before
    merged = client.post(f"{base}/b1s0/merge", headers={"If-Match": '"2"'})
    assert merged.status_code == 200
    (new,) = merged.json()["segments"]
    assert new["version"] == 1
    after = client.get(f"/v1/articles/{article['id']}").json()
    assert after["version"] == before["version"] + 1


def test_the_page_sends_if_match_and_gets_the_other_text(client: TestClient) -> None:
    article = create(client)
    url = f"/articles/{article['id']}/segments/b2s0"
    csrf = token(client)
    client.patch(f"/v1/articles/{article['id']}/segments/b2s0", json={"target": "Theirs."})
    response = client.post(
        url, json={"target": "Mine."}, headers={"X-CSRF-Token": csrf, "If-Match": '"1"'}
    )
    detail: dict[str, Any] = assert_error(response, 412, "precondition_failed")["detail"]
    assert (detail["target"], detail["version"]) == ("Theirs.", 2)
