"""A catalogue of bad inputs: each gets the status and error code expected of it (or a
correct translation), and afterwards the service still serves and the stored data is
as it was."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.test_api_translate import segments

Send = Callable[[TestClient], Any]


@dataclass(frozen=True)
class Case:
    name: str
    send: Send


def post_json(path: str, body: object) -> Send:
    return lambda client: client.post(path, json=body)


def post_raw(path: str, content: bytes, content_type: str = "application/json") -> Send:
    return lambda client: client.post(path, content=content, headers={"content-type": content_type})


def translate(text: str, **fields: object) -> Send:
    return post_json("/v1/translate", {"text": text, **fields})


def glossary_upload(content: bytes, name: str = "hostile") -> Send:
    return lambda client: client.put(
        f"/v1/glossaries/{name}",
        content=content,
        headers={"content-type": "text/tab-separated-values"},
    )


NESTED = b"[" * 100_000 + b"]" * 100_000
NESTED_OBJECT = b'{"text": ' + b"[" * 50_000 + b"]" * 50_000 + b"}"

CASES = [
    Case("empty json body", post_raw("/v1/translate", b"")),
    Case("empty text", translate("")),
    Case("whitespace only", translate(" \n\t \u00a0 \u2003")),
    Case("10 MB text", translate("Ein Satz. " * 1_000_000)),
    Case("10 MB text/plain", post_raw("/v1/translate", b"Ein Satz. " * 1_000_000, "text/plain")),
    Case("binary body as text/plain", post_raw("/v1/translate", bytes(range(256)), "text/plain")),
    Case("invalid utf-8 as text/plain", post_raw("/v1/translate", b"Stra\xdfe.", "text/plain")),
    Case("invalid utf-8 in json", post_raw("/v1/translate", b'{"text": "Stra\xdfe."}')),
    Case("NUL bytes", translate("Der Minister\x00 kommt.\x00")),
    Case(
        "lone surrogate escaped in json", post_raw("/v1/translate", b'{"text": "Hallo \\ud800."}')
    ),
    Case("deeply nested json", post_raw("/v1/translate", NESTED)),
    Case("deeply nested value", post_raw("/v1/translate", NESTED_OBJECT)),
    Case("json is a list", post_json("/v1/translate", ["Ein Satz."])),
    Case("json is a string", post_json("/v1/translate", "Ein Satz.")),
    Case("text is a number", post_json("/v1/translate", {"text": 42})),
    Case("text is null", post_json("/v1/translate", {"text": None})),
    Case("text is an object", post_json("/v1/translate", {"text": {"a": "b"}})),
    Case("unknown field", translate("Ein Satz.", colour="blue")),
    Case("unknown format", translate("Ein Satz.", format="pdf")),
    Case("beam size zero", translate("Ein Satz.", options={"beam_size": 0})),
    Case("beam size huge", translate("Ein Satz.", options={"beam_size": 10_000})),
    Case("beam size a string", translate("Ein Satz.", options={"beam_size": "four"})),
    Case("unknown glossary name", translate("Ein Satz.", glossary="no-such-glossary")),
    Case("glossary entries not a list", translate("Ein Satz.", glossary={"entries": "x"})),
    Case(
        "glossary entry without target",
        translate("Ein Satz.", glossary={"entries": [{"source": "Satz"}]}),
    ),
    Case(
        "glossary with 10 000 entries matching one sentence",
        translate(
            "Der Minister kommt.",
            glossary={
                "entries": [{"source": "Minister", "target": f"minister{i}"} for i in range(10_000)]
            },
        ),
    ),
    Case(
        "duplicate glossary entries",
        translate(
            "Lawrow kommt.",
            glossary={"entries": [{"source": "Lawrow", "target": "Lavrov"}] * 3},
        ),
    ),
    Case(
        "contradicting glossary entries",
        translate(
            "Lawrow kommt.",
            glossary={
                "entries": [
                    {"source": "Lawrow", "target": "Lavrov"},
                    {"source": "Lawrow", "target": "Lawrow"},
                ]
            },
        ),
    ),
    Case("a 5000-character word", translate("Donaudampfschiff" * 312 + "fahrt.")),
    Case("only punctuation", translate("?!.,;:–…„“»«()[]{}" * 20)),
    Case("only numbers", translate("100.000 25,7 02.01.2022 14.30 3,5 1.234.567,89")),
    Case("emoji", translate("Der Minister 🙂 kommt 🇩🇪. 👍👍👍")),
    Case("right-to-left override", translate("Der Minister \u202ekommt\u202c nach Genf.")),
    Case("zero-width characters", translate("Der\u200b Mini\u200dster\ufeff kommt\u2060.")),
    Case("combining marks", translate("Gespra\u0308che u\u0308ber Zo\u0308lle.")),
    Case("mixed scripts", translate("Der Minister Сергей Лавров traf 王毅 in Genf.")),
    Case("English text", translate("The minister met his counterpart in Geneva on Friday.")),
    Case("French text", translate("Le ministre a rencontré son homologue à Genève vendredi.")),
    Case("control characters", translate("Der\x07 Minister\x1b[31m kommt.\x7f")),
    Case("one sentence of 3000 words", translate(" ".join(["Wort"] * 3000) + ".")),
    Case("100 000 lines", translate("Satz.\n" * 100_000)),
    Case(
        "100 000-deep HTML",
        translate("<div>" * 100_000 + "Der Minister kommt." + "</div>" * 100_000, format="html"),
    ),
    Case(
        "5 000-deep HTML",
        translate("<div>" * 5_000 + "Der Minister kommt." + "</div>" * 5_000, format="html"),
    ),
    Case(
        "5 000-deep Markdown quotes",
        translate("> " * 5_000 + "Der Minister kommt.", format="markdown"),
    ),
    Case("HTML that is only tags", translate("<p><b></b></p>" * 100, format="html")),
    Case("HTML sent as Markdown", translate("<p>Der Minister kommt.</p>\n", format="markdown")),
    Case("glossary file that is binary", glossary_upload(bytes(range(256)) * 100)),
    Case("glossary file with a bad header", glossary_upload(b"foo\tbar\nLawrow\tLavrov\n")),
    Case("glossary file empty", glossary_upload(b"")),
    Case(
        "glossary name with path traversal",
        glossary_upload(b"source\ttarget\nLawrow\tLavrov\n", name="..%2F..%2Fetc%2Fpasswd"),
    ),
    Case(
        "huge glossary file",
        glossary_upload(
            b"source\ttarget\n" + b"".join(b"Wort%d\tword%d\n" % (i, i) for i in range(200_000))
        ),
    ),
    Case("article id with traversal", lambda client: client.get("/v1/articles/..%2F..%2Fetc")),
    Case("article id too long", lambda client: client.get("/v1/articles/" + "a" * 10_000)),
    Case(
        "segment edit with wrong types",
        lambda client: client.patch(
            "/v1/articles/nope/segments/b0s0", json={"target": 5, "status": "published"}
        ),
    ),
    Case("articles page size negative", lambda client: client.get("/v1/articles?limit=-1")),
    Case("articles page huge offset", lambda client: client.get("/v1/articles?offset=" + "9" * 40)),
    Case(
        "export in an unknown format",
        lambda client: client.get("/v1/articles/nope/export?format=docx"),
    ),
]


# What each case answers: the status and the error code (None: translated, 200). A case
# whose answer changes must change here too: "some 4xx" is not an answer.
EXPECTED: dict[str, tuple[int, str | None]] = {
    "empty json body": (422, "validation_error"),
    "empty text": (422, "empty_input"),
    "whitespace only": (422, "empty_input"),
    "10 MB text": (413, "input_too_large"),
    "10 MB text/plain": (413, "input_too_large"),
    "binary body as text/plain": (422, "not_utf8"),
    "invalid utf-8 as text/plain": (422, "not_utf8"),
    "invalid utf-8 in json": (400, "bad_request"),
    "NUL bytes": (422, "validation_error"),
    "lone surrogate escaped in json": (422, "validation_error"),
    "deeply nested json": (400, "bad_request"),
    "deeply nested value": (400, "bad_request"),
    "json is a list": (422, "validation_error"),
    "json is a string": (422, "validation_error"),
    "text is a number": (422, "validation_error"),
    "text is null": (422, "validation_error"),
    "text is an object": (422, "validation_error"),
    "unknown field": (422, "validation_error"),
    "unknown format": (422, "validation_error"),
    "beam size zero": (422, "validation_error"),
    "beam size huge": (422, "validation_error"),
    "beam size a string": (422, "validation_error"),
    "unknown glossary name": (422, "unknown_glossary"),
    "glossary entries not a list": (422, "validation_error"),
    "glossary entry without target": (422, "validation_error"),
    "glossary with 10 000 entries matching one sentence": (422, "invalid_glossary"),
    "duplicate glossary entries": (200, None),
    "contradicting glossary entries": (422, "invalid_glossary"),
    "a 5000-character word": (200, None),
    "only punctuation": (200, None),
    "only numbers": (200, None),
    "emoji": (200, None),
    "right-to-left override": (200, None),
    "zero-width characters": (200, None),
    "combining marks": (200, None),
    "mixed scripts": (200, None),
    "English text": (422, "not_german"),
    "French text": (422, "not_german"),
    "control characters": (422, "validation_error"),
    "one sentence of 3000 words": (200, None),
    "100 000 lines": (413, "input_too_large"),
    "100 000-deep HTML": (413, "input_too_large"),
    "5 000-deep HTML": (422, "markup_too_deep"),
    "5 000-deep Markdown quotes": (422, "markup_too_deep"),
    "HTML that is only tags": (422, "empty_input"),
    "HTML sent as Markdown": (422, "markdown_only_html"),
    "glossary file that is binary": (422, "invalid_glossary"),
    "glossary file with a bad header": (422, "invalid_glossary"),
    "glossary file empty": (422, "invalid_glossary"),
    "glossary name with path traversal": (404, "not_found"),
    "huge glossary file": (413, "input_too_large"),
    "article id with traversal": (404, "not_found"),
    "article id too long": (422, "validation_error"),
    "segment edit with wrong types": (422, "validation_error"),
    "articles page size negative": (422, "validation_error"),
    "articles page huge offset": (422, "validation_error"),
    "export in an unknown format": (422, "validation_error"),
}


def stored_state(client: TestClient) -> tuple[object, ...]:
    listing = client.get("/v1/articles?limit=100").json()
    glossaries = client.get("/v1/glossaries").json()
    return json.dumps(listing, sort_keys=True), json.dumps(glossaries, sort_keys=True)


@pytest.fixture
def seeded(client: TestClient) -> TestClient:
    created = client.post("/v1/articles", json={"text": "Der Minister kommt. Er spricht."})
    assert created.status_code == 201
    upload = glossary_upload(b"source\ttarget\tkind\nLawrow\tLavrov\tname\n", name="newsroom")
    assert upload(client).status_code in (200, 201)
    return client


def test_the_catalogue_is_long_enough() -> None:
    assert len(CASES) >= 40
    assert len({case.name for case in CASES}) == len(CASES)
    assert set(EXPECTED) == {case.name for case in CASES}


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_bad_input_gets_a_clear_answer_and_harms_nothing(seeded: TestClient, case: Case) -> None:
    client = seeded
    before = stored_state(client)
    response = case.send(client)
    status, code = EXPECTED[case.name]
    assert response.status_code == status, response.text[:500]
    if response.status_code >= 400:
        error = response.json()["error"]
        assert set(error) == {"code", "message", "detail"}
        assert error["code"] == code
        assert error["message"].strip()
    elif response.request.url.path == "/v1/translate":
        document = response.json()
        assert all(segment["target"] is not None for segment in segments(document))
    # What was stored is as it was (a refused write, or translate, stores nothing) ...
    if response.status_code >= 400 or response.request.url.path == "/v1/translate":
        assert stored_state(client) == before
    # ... and the service still serves.
    healthy = client.post("/v1/translate", json={"text": "Der Minister kommt."})
    assert healthy.status_code == 200
