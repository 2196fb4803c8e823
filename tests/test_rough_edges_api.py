"""The API and the review page as a new user meets them: an edit that changes nothing is no
edit, a reviewer's text has no model score."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.test_api_articles import create
from tests.test_api_translate import segments
from tests.test_web_pages import page


def test_a_patch_that_changes_nothing_is_no_edit(client: TestClient) -> None:
    article = create(client)
    url = f"/v1/articles/{article['id']}/segments/b2s0"
    before = client.get(url)
    same = client.patch(url, json={"target": before.json()["target"], "status": "draft"})
    assert same.status_code == 200
    assert same.headers["ETag"] == before.headers["ETag"]
    assert same.json()["version"] == before.json()["version"]
    assert same.json()["history"] == []
    stored = client.get(f"/v1/articles/{article['id']}")
    assert stored.headers["ETag"] == client.get(f"/v1/articles/{article['id']}").headers["ETag"]
    assert stored.json()["version"] == article["version"]  # the article did not change either


def test_an_edited_segment_has_no_model_score(client: TestClient) -> None:
    article = create(client)
    url = f"/v1/articles/{article['id']}/segments/b2s0"
    assert segments(article)[3]["score"] is not None
    edited = client.patch(url, json={"target": "There was no agreement."}).json()
    assert (edited["origin"], edited["score"]) == ("edited", None)
    stored = segments(client.get(f"/v1/articles/{article['id']}").json())[3]
    assert (stored["origin"], stored["score"]) == ("edited", None)
    approved = client.patch(
        f"/v1/articles/{article['id']}/segments/b0s0", json={"status": "approved"}
    )
    assert approved.json()["score"] is not None  # approved as the model wrote it: its score stays

    html = page(client.get(f"/articles/{article['id']}"))
    [row] = html.cssselect("#seg-b2s0")
    assert row.cssselect(".score")[0].text_content().strip() == ""
    assert "score" not in row.cssselect(".tgt")[0].get("title")


def test_an_unknown_glossary_in_a_body_is_the_request_s_mistake(client: TestClient) -> None:
    for path in ("/v1/translate", "/v1/articles"):
        response = client.post(path, json={"text": "Ein Satz.", "glossary": "no-such-glossary"})
        assert response.status_code == 422, path
        error = response.json()["error"]
        assert (error["code"], error["detail"]["field"]) == ("unknown_glossary", "glossary")
        assert "file" not in error["message"]
    job = client.post(
        "/v1/jobs", json={"articles": [{"text": "Ein Satz."}], "glossary": ["/etc/passwd"]}
    )
    assert job.status_code == 422  # a job's names are names too: never a file of the server
    assert job.json()["error"]["code"] == "unknown_glossary"
