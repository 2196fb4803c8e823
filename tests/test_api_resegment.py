from fastapi.testclient import TestClient

from tests.test_api_articles import create
from tests.test_api_translate import ARTICLE, assert_error, segments

TWO = "Die Gespräche dauerten zwei Stunden. Eine Einigung gab es nicht."


def test_split_stores_two_translated_segments_and_keeps_the_others(
    client: TestClient, toy_engine
) -> None:
    article = create(client, f"Der Minister kommt.\n\n{TWO.replace('. ', ', ')}")
    before = segments(article)
    last = before[-1]
    offset = last["source"].index("Eine")
    client.patch(f"/v1/articles/{article['id']}/segments/{last['id']}", json={"target": "x"})
    response = client.post(
        f"/v1/articles/{article['id']}/segments/{last['id']}/split", json={"offset": offset}
    )
    assert response.status_code == 200, response.text
    new = response.json()["segments"]
    assert [s["source"] for s in new] == [
        "Die Gespräche dauerten zwei Stunden,",
        "Eine Einigung gab es nicht.",
    ]
    assert [s["id"] for s in new] == ["b1s1", "b1s2"]
    assert [s["target"] for s in new] == [
        h.text for h in toy_engine.translate([s["source"] for s in new])
    ]

    stored = client.get(f"/v1/articles/{article['id']}").json()
    assert [s["id"] for s in segments(stored)] == [before[0]["id"], "b1s1", "b1s2"]
    text = f"Der Minister kommt.\n\n{TWO.replace('. ', ', ')}"
    for segment in segments(stored):
        start, end = segment["source_span"]
        assert text[start:end] == segment["source"]
    assert stored["target_text"].startswith(segments(stored)[0]["target"] + "\n\n")
    assert_error(
        client.get(f"/v1/articles/{article['id']}/segments/{last['id']}"), 404, "not_found"
    )
    assert client.get(f"/v1/articles/{article['id']}/segments/b1s2").json()["history"] == []


def test_merge_joins_a_segment_with_the_next_and_reuses_approved_text(client: TestClient) -> None:
    first = create(client, TWO)
    merged = client.post(f"/v1/articles/{first['id']}/segments/b0s0/merge")
    assert merged.status_code == 200, merged.text
    [segment] = merged.json()["segments"]
    assert (segment["id"], segment["source"], segment["source_span"]) == (
        "b0s2",
        TWO,
        [0, len(TWO)],
    )
    client.patch(
        f"/v1/articles/{first['id']}/segments/b0s2",
        json={"target": "They talked for two hours without agreement.", "status": "approved"},
    )
    assert client.get(f"/v1/articles/{first['id']}").json()["status"] == "approved"

    # The same wrong split elsewhere: merging finds the approved sentence in the memory.
    second = create(client, TWO)
    again = client.post(f"/v1/articles/{second['id']}/segments/b0s0/merge").json()["segments"][0]
    assert again["target"] == "They talked for two hours without agreement."
    assert (again["origin"], again["status"]) == ("approved", "approved")
    assert client.get(f"/v1/articles/{second['id']}").json()["status"] == "approved"


def test_bad_splits_and_merges_are_refused(client: TestClient) -> None:
    article = create(client, ARTICLE)
    url = f"/v1/articles/{article['id']}/segments"
    length = len(segments(article)[1]["source"])
    for offset in (length, length + 5, 0):
        response = client.post(f"{url}/b1s0/split", json={"offset": offset})
        assert response.status_code == 422, offset
    assert_error(
        client.post(f"{url}/b1s0/split", json={"offset": length}), 422, "invalid_resegment"
    )
    assert_error(client.post(f"{url}/b2s0/merge"), 422, "invalid_resegment")  # ends its paragraph
    assert_error(client.post(f"{url}/b9s9/merge"), 404, "not_found")
    assert_error(client.post("/v1/articles/0123456789abcdef/segments/b0s0/merge"), 404, "not_found")
    assert client.get(f"/v1/articles/{article['id']}").json() == article  # nothing changed
