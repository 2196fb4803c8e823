"""Word alignment in the API: asked for on /v1/translate, always on stored articles,
valid character spans of whole words in every segment, dropped by an edit."""

from __future__ import annotations

import re
from typing import Any

from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.test_api_translate import ARTICLE, segments

WORD = re.compile(r"\w+(?:[-'’]\w+)*")


def assert_valid(segment: dict[str, Any]) -> None:
    """Every pair: a whole word of the source and a whole word of the target."""
    source, target = segment["source"], segment["target"]
    for (s0, s1), (t0, t1) in segment["alignment"]:
        assert 0 <= s0 < s1 <= len(source) and 0 <= t0 < t1 <= len(target)
        assert WORD.fullmatch(source[s0:s1]) and WORD.fullmatch(target[t0:t1])
        assert not source[s1 : s1 + 1].isalnum() and not target[t1 : t1 + 1].isalnum()
        assert s0 == 0 or not source[s0 - 1].isalnum()
        assert t0 == 0 or not target[t0 - 1].isalnum()


def pairs(segment: dict[str, Any]) -> list[tuple[str, str]]:
    source, target = segment["source"], segment["target"]
    return [(source[s0:s1], target[t0:t1]) for (s0, s1), (t0, t1) in segment["alignment"]]


def test_alignment_is_given_when_asked_for(client: TestClient) -> None:
    plain = client.post("/v1/translate", json={"text": ARTICLE}).json()
    assert all(segment["alignment"] is None for segment in segments(plain))
    aligned = client.post(
        "/v1/translate", json={"text": ARTICLE, "options": {"alignment": True}}
    ).json()
    assert [s["target"] for s in segments(aligned)] == [s["target"] for s in segments(plain)]
    talks = segments(aligned)[2]
    assert talks["target"] == "The talks lasted two hours."
    assert pairs(talks) == [
        ("Die", "The"),
        ("Gespräche", "talks"),
        ("dauerten", "lasted"),
        ("zwei", "two"),
        ("Stunden", "hours"),
    ]
    for segment in segments(aligned):
        assert segment["alignment"], segment
        assert_valid(segment)


def test_stored_articles_always_have_it_and_an_edit_drops_it(client: TestClient) -> None:
    article = client.post("/v1/articles", json={"text": ARTICLE}).json()
    for segment in segments(article):
        assert segment["alignment"], segment
        assert_valid(segment)
    url = f"/v1/articles/{article['id']}/segments/b1s1"
    approved = client.patch(url, json={"status": "approved"}).json()
    assert approved["alignment"] == segments(article)[2]["alignment"]  # same target
    edited = client.patch(url, json={"target": "The talks took two hours."}).json()
    assert edited["alignment"] is None
    stored = client.get(f"/v1/articles/{article['id']}").json()
    assert segments(stored)[2]["alignment"] is None
    assert segments(stored)[3]["alignment"] == segments(article)[3]["alignment"]
    split = client.post(
        f"/v1/articles/{article['id']}/segments/b1s0/split", json={"offset": 18}
    ).json()
    for segment in split["segments"]:
        assert segment["alignment"], segment
        assert_valid(segment)


def test_a_glossary_repaired_target_is_aligned_as_it_stands(client: TestClient) -> None:
    entries = [{"source": "Lawrow", "target": "Lavrov", "kind": "name"}]
    document = client.post(
        "/v1/translate",
        json={
            "text": "Der Außenminister Lawrow sprach mit Blinken.",
            "glossary": {"entries": entries},
            "options": {"alignment": True},
        },
    ).json()
    (segment,) = segments(document)
    assert segment["terms"][0]["status"] == "repaired"
    assert ("Lawrow", "Lavrov") in pairs(segment)
    assert_valid(segment)


WORDS = [
    "Die", "Regierung", "Der", "Minister", "sprach", "mit", "Blinken", "in", "Genf",
    "Gespräche", "dauerten", "zwei", "Stunden", "Russland", "Truppen", "am", "Montag",
    "Außenminister", "Lawrow", "traf", "Nato-Truppen", "100.000", "Soldaten", "„nicht“",
    "Berlin", "sagte", "es", "gebe", "keine", "Einigung", "Kreml-Sprecher", "O'Neill",
]  # fmt: skip
sentence = st.lists(st.sampled_from(WORDS), min_size=1, max_size=12).map(
    lambda words: " ".join(words) + "."
)
article = st.lists(st.lists(sentence, min_size=1, max_size=3), min_size=1, max_size=3).map(
    lambda paragraphs: "\n\n".join(" ".join(p) for p in paragraphs)
)


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=article)
def test_alignment_spans_are_valid_for_every_segment_of_any_article(
    client: TestClient, text: str
) -> None:
    response = client.post(
        "/v1/translate",
        json={"text": text, "source_lang": "auto", "options": {"alignment": True}},
    )
    assert response.status_code == 200, response.text
    for segment in segments(response.json()):
        assert isinstance(segment["alignment"], list)
        if WORD.search(segment["source"]) and WORD.search(segment["target"]):
            # words on both sides: an empty alignment would pass every span check
            assert segment["alignment"], segment
        assert_valid(segment)


def test_a_localised_target_is_aligned_as_it_stands(client: TestClient) -> None:
    document = client.post(
        "/v1/translate",
        json={
            "text": "Die Opposition kritisierte die Entscheidung scharf.",
            "target_lang": "en-US",
            "options": {"alignment": True},
        },
    ).json()
    (segment,) = segments(document)
    assert segment["localisation"] and "criticized" in segment["target"]
    assert ("kritisierte", "criticized") in pairs(segment)
    assert_valid(segment)
