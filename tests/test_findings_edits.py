"""Fact checks on reviewers' edits (API and page), stored with the segment; the review page
shows each finding beside its flag, marks its spans, and never renders an invisible
character."""

from __future__ import annotations

from typing import Any

import lxml.html
from fastapi.testclient import TestClient

from tests.test_api_articles import create
from tests.test_web_pages import token

GERMAN = "Am 3. Oktober 2025 kam der Minister nicht nach Berlin."
RIGHT = "On 3 October 2025 the minister did not come to Berlin."
DROPPED = "On 3 October the minister came to Berlin."  # the year and the negation gone


def patch(client: TestClient, article: dict[str, Any], body: dict[str, Any]) -> dict[str, Any]:
    response = client.patch(f"/v1/articles/{article['id']}/segments/b0s0", json=body)
    assert response.status_code == 200, response.text
    return dict(response.json())


def stored(client: TestClient, article: dict[str, Any]) -> dict[str, Any]:
    document = client.get(f"/v1/articles/{article['id']}").json()
    return dict(document["blocks"][0]["segments"][0])


def test_an_edit_that_drops_a_year_and_a_negation_is_flagged_and_stored(
    client: TestClient,
) -> None:
    article = create(client, GERMAN)
    edited = patch(client, article, {"target": DROPPED})
    assert {"number_mismatch", "negation_mismatch"} <= set(edited["flags"])
    segment = stored(client, article)
    assert {"number_mismatch", "negation_mismatch"} <= set(segment["flags"])
    reasons = {finding["flag"]: finding for finding in segment["findings"]}
    assert "2025" in reasons["number_mismatch"]["message"]
    start, end = reasons["negation_mismatch"]["source_span"]
    assert GERMAN[start:end] == "nicht"
    # the list's filter finds it by either flag
    for flag in ("number_mismatch", "negation_mismatch"):
        listed = client.get("/v1/articles", params={"flag": flag}).json()["items"]
        assert [item["id"] for item in listed] == [article["id"]]

    fixed = patch(client, article, {"target": RIGHT})
    assert not {"number_mismatch", "negation_mismatch"} & set(fixed["flags"])
    assert stored(client, article)["findings"] == []


def test_an_approved_edit_keeps_its_fact_flags_and_its_findings(client: TestClient) -> None:
    article = create(client, GERMAN)
    approved = patch(client, article, {"target": DROPPED, "status": "approved"})
    assert approved["status"] == "approved"
    assert {"number_mismatch", "negation_mismatch"} <= set(stored(client, article)["flags"])


def test_a_draft_edit_with_a_fact_finding_stays_out_of_the_memory(client: TestClient) -> None:
    article = create(client, GERMAN)
    patch(client, article, {"target": DROPPED})
    again = create(client, GERMAN)
    assert stored(client, again)["target"] != DROPPED  # a draft is never reused
    patch(client, article, {"status": "approved"})  # the reviewer vouches for it
    third = create(client, GERMAN)
    assert (stored(client, third)["target"], stored(client, third)["origin"]) == (
        DROPPED,
        "approved",
    )


def test_the_page_shows_findings_beside_flags_and_never_renders_a_bidi_control(
    client: TestClient,
) -> None:
    article = create(client, "Es kamen 100 Gäste.")
    url = f"/articles/{article['id']}/segments/b0s0"
    saved = client.post(
        url, json={"target": "\u202e100 guests came."}, headers={"X-CSRF-Token": token(client)}
    )
    assert saved.status_code == 200, saved.text
    assert "hidden_characters" in saved.json()["segment"]["flags"]
    html = client.get(f"/articles/{article['id']}").text
    assert "\u202e" not in html  # shown, never rendered
    row = lxml.html.fromstring(html).cssselect("#seg-b0s0")[0]
    marked = row.cssselect(".tgt-text mark.finding-hidden_characters .invisible")
    assert [span.text for span in marked] == ["\u27e8U+202E\u27e9"]
    assert marked[0].get("title") == "right-to-left override"
    group = next(g for g in row.cssselect(".flag-group") if g.cssselect(".flag-hidden_characters"))
    assert "invisible character" in group.cssselect(".finding-message")[0].text_content()
    # the export keeps the text as it is, and flagged
    exported = client.get(f"/v1/articles/{article['id']}/export", params={"format": "json"})
    segment = exported.json()["blocks"][0]["segments"][0]
    assert segment["target"].startswith("\u202e") and "hidden_characters" in segment["flags"]


def test_a_finding_marks_the_german_it_concerns_on_the_page(client: TestClient) -> None:
    article = create(client, GERMAN)
    patch(client, article, {"target": DROPPED})
    row = lxml.html.fromstring(client.get(f"/articles/{article['id']}").text).cssselect(
        "#seg-b0s0"
    )[0]
    marks = row.cssselect(".src mark.finding-negation_mismatch")
    assert [mark.text_content() for mark in marks] == ["nicht"]
    assert "negation" in marks[0].get("title")
    flags = [span.text for span in row.cssselect(".info .flag")]
    assert "number mismatch" in flags and "negation mismatch" in flags
