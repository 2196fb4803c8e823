"""Markup nested deep, inline or in blocks, Markdown or HTML: 422 or a translation, never 500.

Every walk over markup that recurses (the readers, the writers) is bounded by the
depth the readers accept.
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

SENTENCE = "Der Minister kommt."


def wrapped(opening: str, closing: str, levels: int) -> str:
    return opening * levels + SENTENCE + closing * levels


TOO_DEEP = [
    ("markdown", wrapped("*", "*", 3000), "Markdown"),
    ("markdown", wrapped("_", "_", 3000), "Markdown"),
    ("markdown", "> " * 45 + wrapped("*", "*", 3000), "Markdown"),
    ("markdown", "- " * 20 + wrapped("_", "_", 3000), "Markdown"),
    ("markdown", wrapped("<div>", "</div>", 300) + "\n", "HTML"),  # an HTML block
    ("html", wrapped("<b>", "</b>", 5000), "HTML"),
    ("html", wrapped("<div><i>", "</i></div>", 200), "HTML"),
]


@pytest.mark.parametrize(("fmt", "text", "language"), TOO_DEEP)
def test_markup_nested_past_the_bound_is_refused(
    client: TestClient, fmt: str, text: str, language: str
) -> None:
    for path in ("/v1/translate", "/v1/articles"):
        response = client.post(path, json={"text": text, "format": fmt})
        assert response.status_code == 422, response.text[:300]
        error = response.json()["error"]
        assert error["code"] == "markup_too_deep"
        assert error["detail"]["format"] == language


ACCEPTED = [
    ("markdown", wrapped("*", "*", 40), "*" * 40),
    ("markdown", "> " * 40 + wrapped("_", "_", 40), "_" * 40),
    ("markdown", wrapped("[", "](x)", 3000), "["),  # links cannot nest: brackets stay text
    ("html", wrapped("<b>", "</b>", 250), "<b>" * 250),
    ("html", wrapped("<div><i>", "</i></div>", 120), "<div><i>" * 120),
]


@pytest.mark.parametrize(("fmt", "text", "kept"), ACCEPTED)
def test_markup_nested_within_the_bound_is_translated_with_its_markup(
    client: TestClient, fmt: str, text: str, kept: str
) -> None:
    created = client.post("/v1/articles", json={"text": text, "format": fmt})
    assert created.status_code == 201, created.text[:300]
    article = created.json()
    assert kept in article["target_document"]
    # an edited article is written again from its source, through the same readers and writers
    segment = article["blocks"][-1]["segments"][0]["id"]
    url = f"/v1/articles/{article['id']}/segments/{segment}"
    assert client.patch(url, json={"target": "The minister is coming."}).status_code == 200
    stored = client.get(f"/v1/articles/{article['id']}")
    assert stored.status_code == 200
    assert kept in stored.json()["target_document"]
    assert "coming" in stored.json()["target_document"]
