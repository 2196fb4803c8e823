"""Every edit audits its segment again: terms, flags and origin describe the new target."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.test_api_translate import segments
from tests.test_web_pages import token

TSV = "source\ttarget\tkind\tcase_sensitive\nLawrow\tLavrov\tname\tfalse\ndpa\tdpa\tkeep\ttrue\n"
TEXT = (
    "Blinken trifft Lawrow in Genf\n\n"
    "Der Außenminister Lawrow sprach mit Blinken. Die Gespräche dauerten zwei Stunden.\n\n"
    "dpa meldete das am Dienstag."
)


@pytest.fixture
def article(client: TestClient) -> dict[str, Any]:
    put = client.put(
        "/v1/glossaries/house", content=TSV, headers={"content-type": "text/tab-separated-values"}
    )
    assert put.status_code == 201
    response = client.post("/v1/articles", json={"text": TEXT, "glossary": "house"})
    assert response.status_code == 201
    return response.json()


def terms(segment: dict[str, Any]) -> list[tuple[str, str, str, list[int] | None]]:
    return [(t["entry"], t["target"], t["status"], t["target_span"]) for t in segment["terms"]]


def edit(client: TestClient, article: dict[str, Any], segment_id: str, **body: Any) -> Any:
    response = client.patch(f"/v1/articles/{article['id']}/segments/{segment_id}", json=body)
    assert response.status_code == 200, response.text
    return response.json()


def test_an_edit_without_the_term_is_violated_and_flagged(
    client: TestClient, article: dict[str, Any]
) -> None:
    before = segments(article)[1]
    assert terms(before) == [("Lawrow", "Lavrov", "repaired", [17, 23])]
    body = edit(client, article, "b1s0", target="Foreign Minister Lawrow spoke with Blinken.")
    assert (body["origin"], body["status"]) == ("edited", "draft")
    assert terms(body) == [("Lawrow", "Lavrov", "violated", None)]
    assert body["flags"] == ["glossary_violation"]
    stored = client.get(f"/v1/articles/{article['id']}").json()
    assert segments(stored)[1]["terms"] == body["terms"]
    flagged = client.get("/v1/articles", params={"flag": "glossary_violation"}).json()
    assert [item["id"] for item in flagged["items"]] == [article["id"]]

    fixed = edit(client, article, "b1s0", target="Mr Lavrov, the minister, spoke with Blinken.")
    assert terms(fixed) == [("Lawrow", "Lavrov", "ok", [3, 9])]
    assert fixed["flags"] == []
    assert client.get("/v1/articles", params={"flag": "glossary_violation"}).json()["total"] == 0


def test_the_german_form_left_beside_the_english_is_a_violation(
    client: TestClient, article: dict[str, Any]
) -> None:
    body = edit(client, article, "b1s0", target="Minister Lavrov (Lawrow) spoke with Blinken.")
    assert terms(body) == [("Lawrow", "Lavrov", "violated", None)]
    assert body["flags"] == ["glossary_violation"]


def test_quality_flags_are_computed_again_for_the_new_target(
    client: TestClient, article: dict[str, Any]
) -> None:
    assert segments(article)[0]["flags"] == ["length_ratio", "repetition"]
    good = edit(client, article, "b0s0", target="Blinken meets Lavrov in Geneva")
    assert (good["flags"], terms(good)) == ([], [("Lawrow", "Lavrov", "ok", [14, 20])])
    looping = edit(client, article, "b0s0", target="Blinken meets Lavrov in in in Geneva")
    assert looping["flags"] == ["repetition"]
    # A reviewer's text has no model score: the model's low confidence goes with its text.
    assert "low_confidence" in segments(article)[3]["flags"]
    dpa = edit(client, article, "b2s0", target="dpa reported this on Tuesday.")
    assert (dpa["flags"], terms(dpa)) == ([], [("dpa", "dpa", "ok", [0, 3])])


def test_case_sensitive_keep_entries_count_only_as_written(
    client: TestClient, article: dict[str, Any]
) -> None:
    body = edit(client, article, "b2s0", target="Dpa reported this on Tuesday.")
    assert terms(body) == [("dpa", "dpa", "violated", None)]
    assert body["flags"] == ["glossary_violation", "protected_lost"]  # keep entries are protected


def test_a_model_keep_entry_at_a_sentence_start_keeps_its_case(client: TestClient) -> None:
    client.put(
        "/v1/glossaries/house", content=TSV, headers={"content-type": "text/tab-separated-values"}
    )
    document = client.post(
        "/v1/translate", json={"text": "dpa meldete das am Dienstag.", "glossary": "house"}
    ).json()
    (segment,) = segments(document)
    assert segment["target"].startswith("dpa ")
    assert terms(segment)[0][2:] == ("repaired", [0, 3])


def test_approval_keeps_the_glossary_audit_and_drops_quality_warnings(
    client: TestClient, article: dict[str, Any]
) -> None:
    approved = edit(client, article, "b0s0", status="approved")
    assert (approved["origin"], approved["status"]) == ("approved", "approved")
    assert approved["flags"] == []
    assert terms(approved) == [("Lawrow", "Lavrov", "ok", [26, 32])]
    edit(client, article, "b1s0", target="The minister spoke with Blinken.")
    violated = edit(client, article, "b1s0", status="approved")
    # Dropping the minister's name is a fact finding too (the name, and content left
    # out), and approval keeps fact flags.
    assert violated["flags"] == ["glossary_violation", "name_mismatch", "omission"]
    assert terms(violated) == [("Lawrow", "Lavrov", "violated", None)]
    withdrawn = edit(client, article, "b1s0", status="draft")
    assert (withdrawn["origin"], withdrawn["status"]) == ("edited", "draft")


def test_an_edit_on_the_page_is_audited_and_answers_every_count(
    client: TestClient, article: dict[str, Any]
) -> None:
    url = f"/articles/{article['id']}/segments/b0s0"
    csrf = token(client)
    saved = client.post(
        url, json={"target": "Blinken meets Lawrow in Geneva"}, headers={"X-CSRF-Token": csrf}
    ).json()
    assert saved["segment"]["flags"] == ["glossary_violation"]
    assert saved["article"] == {"status": "draft", "segments": 4, "approved": 0, "flagged": 2}
    approved = client.post(
        url,
        json={"target": "Blinken meets Lavrov in Geneva", "status": "approved"},
        headers={"X-CSRF-Token": csrf},
    ).json()
    assert (approved["segment"]["origin"], approved["segment"]["flags"]) == ("approved", [])
    assert approved["article"] == {
        "status": "in_review",
        "segments": 4,
        "approved": 1,
        "flagged": 1,
    }


def test_split_segments_are_audited_as_new_translations(
    client: TestClient, article: dict[str, Any]
) -> None:
    url = f"/v1/articles/{article['id']}/segments/b1s0/split"
    new = client.post(url, json={"offset": 18}).json()["segments"]
    assert [s["source"] for s in new] == ["Der Außenminister", "Lawrow sprach mit Blinken."]
    for segment in new:
        assert segment["origin"] == "model"
        for term in segment["terms"]:
            if term["status"] != "violated":
                start, end = term["target_span"]
                assert segment["target"][start:end] == term["target"]
    assert [t["entry"] for s in new for t in s["terms"]] == ["Lawrow"]


def test_an_article_with_its_own_glossary_entries_is_audited_by_them(
    client: TestClient,
) -> None:
    entries = [{"source": "Lawrow", "target": "Lavrov", "kind": "name"}]
    created = client.post("/v1/articles", json={"text": TEXT, "glossary": {"entries": entries}})
    article = created.json()
    body = edit(client, article, "b1s0", target="Foreign Minister Lawrow spoke with Blinken.")
    assert terms(body) == [("Lawrow", "Lavrov", "violated", None)]
    assert body["origin"] == "edited"
