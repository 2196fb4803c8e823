"""The target locale in the pipeline: after the glossary step, recorded, terms kept."""

from __future__ import annotations

import json

from fastapi.testclient import TestClient

from glossary import Entry, Glossary
from service.checks.quality import quality_flags
from service.localise import profile_for
from service.pipeline.resegment import translate_spans
from service.pipeline.translator import Translator
from service.store.memory import MemoryHit, memory_key, normalise
from tests.conftest import run_cli
from tests.fakes import FakeEngine

GERMAN = "Am 3. Oktober 2022 um 14.30 Uhr kostete die Farbe 1,5 Millionen Euro."
ENGLISH = "On October 3, 2022 at 14.30 hrs the color cost 1.5 million euros."
HEADING = "Kanzler besucht Paris"


def engine() -> FakeEngine:
    return FakeEngine(
        {GERMAN: ENGLISH, HEADING: "Chancellor Visits Paris For Energy Talks"}.__getitem__
    )


def test_a_segment_is_localised_and_each_change_recorded_with_its_german() -> None:
    document = Translator(engine(), profile=profile_for("en-GB")).translate(GERMAN)
    [segment] = document.segments()
    assert document.target_lang == "en-GB"
    assert segment.target == "On 3 October 2022 at 2.30pm the colour cost €1.5m."
    assert [
        (
            c.rule,
            c.before,
            c.after,
            segment.source[slice(*c.source_span)] if c.source_span else None,
        )
        for c in segment.localisation
    ] == [
        ("date", "October 3, 2022", "3 October 2022", "3. Oktober 2022"),
        ("time", "14.30 hrs", "2.30pm", "14.30 Uhr"),
        ("spelling", "color", "colour", None),
        ("money", "1.5 million euros", "€1.5m", "1,5 Millionen Euro"),
    ]
    for change in segment.localisation:
        assert segment.target[slice(*change.target_span)] == change.after
    assert "number_mismatch" not in segment.flags
    assert document.target_text == segment.target


def test_localised_numbers_are_the_same_values_for_number_mismatch() -> None:
    for target in (
        "On 3 October 2022 at 2.30pm the colour cost €1.5m.",
        "On October 3, 2022 at 2:30 p.m. the color cost 1.5 million euros.",
    ):
        assert "number_mismatch" not in quality_flags(GERMAN, target, -0.2)
    units = "Die Strecke ist 30 Kilometer lang und 12 Tonnen schwer, bei 35 Grad."
    american = (
        "The route is 30 kilometers (19 miles) long and 12 metric tons heavy, "
        "at 35 degrees Celsius (95 degrees Fahrenheit)."
    )
    assert "number_mismatch" not in quality_flags(units, american, -0.2)
    for german, english in [
        ("Um 12 Uhr begann es.", "It began at noon."),
        ("Um 0 Uhr endete es.", "It ended at midnight."),
        ("Er zahlte 3 Millionen Dollar.", "He paid $3m."),
    ]:
        assert "number_mismatch" not in quality_flags(german, english, -0.2)
    assert "number_mismatch" in quality_flags("Um 11 Uhr begann es.", "It began at noon.", -0.2)


def test_plain_en_changes_nothing() -> None:
    document = Translator(engine()).translate(GERMAN)
    [segment] = document.segments()
    assert document.target_lang == "en"
    assert segment.target == ENGLISH
    assert segment.localisation == []


def test_glossary_terms_are_untouched_and_their_spans_shift() -> None:
    glossary = Glossary("house", (Entry("Farbe", "color", "term"),))
    document = Translator(engine(), glossary=glossary, profile=profile_for("en-GB")).translate(
        GERMAN
    )
    [segment] = document.segments()
    assert segment.target == "On 3 October 2022 at 2.30pm the color cost €1.5m."
    [term] = segment.terms
    assert term.target_span is not None
    assert segment.target[slice(*term.target_span)] == "color"
    assert "spelling" not in [change.rule for change in segment.localisation]


def test_headings_take_sentence_case() -> None:
    document = Translator(engine(), profile=profile_for("en-US")).translate(
        f"# {HEADING}\n\n{GERMAN}", "markdown"
    )
    heading, body = document.segments()
    assert heading.target == "Chancellor visits Paris for energy talks"
    assert {c.rule for c in heading.localisation} == {"headline"}
    assert body.target == "On October 3, 2022 at 2:30 p.m. the color cost 1.5 million euros."


def test_the_memory_is_keyed_by_locale() -> None:
    sentence = "Die Farbe."
    assert memory_key(sentence) == memory_key(sentence, "en")  # entries stored before locales
    assert len({memory_key(sentence, lang) for lang in ("en", "en-GB", "en-US")}) == 3
    assert normalise(" Die  Farbe. ") == sentence


def test_api_translate_takes_a_target_lang(client: TestClient) -> None:
    response = client.post("/v1/translate", json={"text": "Guten Tag.", "target_lang": "en-US"})
    assert response.status_code == 200
    assert response.json()["target_lang"] == "en-US"
    response = client.post("/v1/translate", json={"text": "Guten Tag.", "target_lang": "de-AT"})
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "unknown_locale"
    response = client.post("/v1/jobs", json={"articles": [{"text": "Hallo."}], "target_lang": "x"})
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "unknown_locale"


class ApprovedMemory:
    """Holds one reviewer-approved target for GERMAN."""

    def __init__(self, target: str) -> None:
        self.target = target
        self.asked: list[str] = []

    def lookup(
        self, sentences: list[str], model: str, glossary_version: str, *, target_lang: str = "en"
    ) -> dict[str, MemoryHit]:
        self.asked.append(target_lang)
        return {s: MemoryHit(self.target, None, "approved") for s in sentences if s == GERMAN}

    def store(self, *args: object, **kwargs: object) -> None:
        pass


def test_approved_edits_are_never_localised_and_memory_is_asked_by_locale() -> None:
    memory = ApprovedMemory("On October 3, 2022 the color cost 1.5 million euros.")
    translator = Translator(engine(), memory=memory, profile=profile_for("en-GB"))
    [segment] = translator.translate(GERMAN).segments()
    assert segment.origin == "approved"
    assert segment.target == "On October 3, 2022 the color cost 1.5 million euros."
    assert segment.localisation == []
    assert memory.asked == [translator.memory_lang]
    assert translator.memory_lang.startswith("en-GB+")


def test_each_profile_keeps_its_own_english_in_the_memory() -> None:
    languages = {
        Translator(engine(), profile=profile_for(locale, style=style)).memory_lang
        for locale, style in [("en-GB", None), ("en-GB", "guardian"), ("en-GB", "bbc"),
                              ("en-US", None), ("en-US", "ap"), ("en-US", "reuters")]
    }  # fmt: skip
    assert len(languages) == 6


def test_a_house_style_applies_in_the_pipeline() -> None:
    document = Translator(engine(), profile=profile_for("en-US", style="ap")).translate(GERMAN)
    [segment] = document.segments()
    assert segment.target == "On Oct. 3, 2022, at 2:30 p.m. the color cost 1.5 million euros."
    assert {c.rule for c in segment.localisation} == {"date", "time"}


def test_api_translate_and_jobs_take_a_style(client: TestClient) -> None:
    body = {"text": "Guten Tag.", "target_lang": "en-US"}
    assert client.post("/v1/translate", json={**body, "style": "ap"}).status_code == 200
    job = {"articles": [{"text": "Hallo."}], "target_lang": "en-US"}
    for path, json_body in (("/v1/translate", body), ("/v1/articles", body), ("/v1/jobs", job)):
        response = client.post(path, json={**json_body, "style": "guardian"})
        assert response.status_code == 422, path
        assert response.json()["error"]["code"] == "invalid_profile"


def test_cli_translate_refuses_a_style_of_another_locale() -> None:
    result = run_cli("translate", "-", "--model", "toy", "--target", "en-GB", "--style", "ap",
                     stdin=b"Hallo.")  # fmt: skip
    assert result.returncode != 0 and b"Traceback" not in result.stderr
    assert b"written for en-US, not en-GB" in result.stderr


def test_kept_passages_are_never_localised() -> None:
    english = "The color of the center was analyzed on October 3, 2022 by the team."
    document = Translator(engine(), profile=profile_for("en-GB")).translate(
        f"{GERMAN}\n\n{english}", source_lang="auto"
    )
    first, kept = document.segments()
    assert kept.origin == "kept"
    assert kept.target == english
    assert kept.localisation == []
    assert first.target == "On 3 October 2022 at 2.30pm the colour cost €1.5m."


def test_cli_translate_takes_target() -> None:
    result = run_cli("translate", "-", "--model", "toy", "--target", "en-US", "--format", "json",
                     stdin="Die Gespräche begannen am 3. Oktober 2022.".encode())  # fmt: skip
    assert result.returncode == 0, result.stderr.decode()
    document = json.loads(result.stdout)
    assert document["target_lang"] == "en-US"
    [segment] = [s for block in document["blocks"] for s in block["segments"]]
    assert [(c["rule"], c["before"], c["after"]) for c in segment["localisation"]] == [
        ("spelling", "defence", "defense"),  # the toy model's English
        ("date", "3 October", "October 3"),
    ]
    bad = run_cli("translate", "-", "--model", "toy", "--target", "en-AU", stdin=b"Hallo.")
    assert bad.returncode == 2


def test_a_resegmented_heading_keeps_the_headline_case() -> None:
    translator = Translator(engine(), profile=profile_for("en-US"))
    spans = [("b0s1", (0, len(HEADING)))]
    [heading] = translate_spans(translator, HEADING, 0, spans, "heading")
    assert heading.target == "Chancellor visits Paris for energy talks"
    [paragraph] = translate_spans(translator, HEADING, 0, spans)
    assert paragraph.target == "Chancellor Visits Paris For Energy Talks"
