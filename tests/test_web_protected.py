"""Protected spans on the review page: marked on both sides like terms, apart from the
glossary legend, and their flag offered by the list's filter."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.test_api_articles import create
from tests.test_web_pages import page

URL = "https://www.example.org/berichte/2022"
ARTICLE = f"Der Minister verwies am Dienstag auf {URL}."


def test_a_protected_span_is_marked_on_both_sides(client: TestClient) -> None:
    article = create(client, ARTICLE)
    (segment,) = article["blocks"][0]["segments"]
    (term,) = segment["terms"]
    assert (term["kind"], term["target"]) == ("protected", URL)
    html = page(client.get(f"/articles/{article['id']}"))
    source = html.cssselect(".src mark.term-protected")
    target = html.cssselect(".tgt mark.term-protected")
    assert [m.text_content() for m in source] == [m.text_content() for m in target] == [URL]
    assert source[0].get("title") == f"{URL} → {URL} (protected, {term['status']})"
    assert html.cssselect(".legend") == []  # no glossary terms: no legend
    options = page(client.get("/")).xpath("//select[@name='flag']/option/@value")
    assert "protected_lost" in options
