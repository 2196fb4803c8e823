"""Split and merge translate with the glossary the article was translated with: its name
and version, or the entries it recorded, never whatever glossary now has its name."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from tests.test_api_articles import create

TEXT = "Der Sprecher von Amtskollegen spricht heute in Genf mit Amtskollegen aus Paris."


def targets(client: TestClient, article_id: str) -> list[str]:
    document = client.get(f"/v1/articles/{article_id}").json()
    return [s["target"] for block in document["blocks"] for s in block["segments"]]


def terms(segment: dict[str, Any]) -> list[tuple[str, str]]:
    return [(term["entry"], term["target"]) for term in segment["terms"]]


def test_a_split_uses_the_requests_own_entries_not_a_glossary_called_inline(
    client: TestClient,
) -> None:
    own = {"entries": [{"source": "Amtskollege", "target": "counterpart", "kind": "term"}]}
    article = create(client, TEXT, glossary=own)
    assert "counterpart" in targets(client, article["id"])[0]
    planted = "source\ttarget\tkind\nAmtskollege\tcolleague-in-office\tterm\n"
    put = client.put(
        "/v1/glossaries/inline",
        content=planted,
        headers={"Content-Type": "text/tab-separated-values"},
    )
    assert put.status_code == 201
    split = client.post(
        f"/v1/articles/{article['id']}/segments/b0s0/split",
        json={"offset": TEXT.index("mit Amtskollegen")},
    )
    assert split.status_code == 200, split.text
    after = targets(client, article["id"])
    assert len(after) == 2
    assert all("counterpart" in target.lower() for target in after), after
    assert not any("colleague-in-office" in target for target in after)
