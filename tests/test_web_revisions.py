"""The review page after a story update: badges, the changed-since-approval filter, the
previous German and English beside a changed sentence, the update form, approve-all."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.test_api_revisions import reviewed_article
from tests.test_api_translate import segments
from tests.test_revisions_carry import SECOND
from tests.test_web_pages import page, token


def updated(client: TestClient) -> str:
    article = reviewed_article(client)
    response = client.post(
        f"/articles/{article['id']}/revisions",
        data={"text": SECOND, "csrf_token": token(client)},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    assert response.headers["location"] == f"/articles/{article['id']}?changed=1"
    return str(article["id"])


def test_the_page_marks_changed_and_new_sentences_and_shows_the_version_before(
    client: TestClient,
) -> None:
    article_id = updated(client)
    response = client.get(f"/articles/{article_id}")
    html = page(response)
    badges = [badge.text for badge in html.cssselect(".badge.revised")]
    assert badges == ["changed", "changed", "new"]
    assert len(html.cssselect(".seg")) == 7
    assert html.cssselect("#changed-filter")[0].text_content().strip().endswith("(3)")
    previous = html.cssselect("#seg-b1s0 .previous-version")[0]
    assert previous.cssselect(".prev-src del")[0].text == "drei"
    assert previous.cssselect(".prev-src ins")[0].text == "vier"
    before = client.get(f"/v1/articles/{article_id}/revisions/1").json()
    assert previous.cssselect(".prev-tgt")[0].text == segments(before)[1]["target"]
    assert not html.cssselect("#seg-b1s1 .previous-version")  # kept: nothing to compare
    assert not html.cssselect("#seg-b2s1 .previous-version")  # new: nothing before it

    only = page(client.get(f"/articles/{article_id}", params={"changed": 1}))
    assert [seg.get("id") for seg in only.cssselect(".seg")] == ["seg-b1s0", "seg-b1s2", "seg-b2s1"]


def test_approve_all_leaves_changed_sentences_for_a_human(client: TestClient) -> None:
    article_id = updated(client)
    response = client.post(
        f"/articles/{article_id}/approve-unflagged",
        data={"csrf_token": token(client)},
        follow_redirects=False,
    )
    assert response.status_code == 303
    after = segments(client.get(f"/v1/articles/{article_id}").json())
    changed = [segment for segment in after if segment["revised"] == "changed"]
    assert changed and all(segment["status"] == "draft" for segment in changed)
    only = page(client.get(f"/articles/{article_id}", params={"changed": 1}))
    assert {seg.get("id") for seg in only.cssselect(".seg")} >= {"seg-b1s0", "seg-b1s2"}


def test_the_update_form_takes_an_upload_and_shows_errors(client: TestClient) -> None:
    article = reviewed_article(client)
    url = f"/articles/{article['id']}/revisions"
    uploaded = client.post(
        url,
        data={"csrf_token": token(client)},
        files={"file": ("story.txt", SECOND.encode(), "text/plain")},
        follow_redirects=False,
    )
    assert uploaded.status_code == 303, uploaded.text
    assert client.get(f"/v1/articles/{article['id']}").json()["revision"] == 2
    english = client.post(
        url,
        data={"csrf_token": token(client)},
        files={"file": ("story.txt", b"The quick brown fox jumps over the lazy dog today.", "")},
    )
    assert english.status_code == 422
    assert "not German" in english.text or "not_german" in english.text
    latin1 = client.post(
        url,
        data={"csrf_token": token(client)},
        files={"file": ("story.txt", "Die Straße ist gesperrt.".encode("latin-1"), "")},
    )
    assert latin1.status_code == 422
    no_token = client.post(url, data={"text": SECOND}, follow_redirects=False)
    assert no_token.status_code == 403
    assert client.get(f"/v1/articles/{article['id']}").json()["revision"] == 2
