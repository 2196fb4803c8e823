import json

import pytest
from fastapi.testclient import TestClient

from service.checks.language import article_language, foreign_sentence
from service.errors import NotGerman
from service.pipeline.translator import Translator
from tests.conftest import SHARED_DATA
from tests.fakes import FakeEngine

GSD = SHARED_DATA / "segmentation_dev_ud_german_gsd.jsonl"

ENGLISH_QUOTE = "We keep hearing assurances that Russia is not planning an attack."
ENGLISH_ARTICLE = (
    "The Secretary of State met his Russian counterpart in Geneva on Friday. "
    "The talks lasted ninety minutes and ended without an agreement."
)


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        (ENGLISH_QUOTE, "en"),
        ("„We will respond to any aggression“, said the minister.", "en"),
        ("It was a frank and substantive conversation.", "en"),
        ("Nous sommes tous des Berlinois, a dit le président.", "fr"),
        ("Der Beamte sagte, Blinken und Lawrow hätten ein Gespräch geführt.", None),
        # German sentences full of English names stay German.
        ("The Wall Street Journal berichtete darüber am Montag.", None),
        ("Joe Biden sagte am Montag in New York, America First sei vorbei.", None),
        # Too short to judge: names and datelines.
        ("Antony Blinken", None),
        ("Washington, -", None),
        ("Bbabo NET", None),
    ],
)
def test_sentence_language(sentence: str, language: str | None) -> None:
    assert foreign_sentence(sentence) == language


@pytest.mark.skipif(not GSD.exists(), reason=f"{GSD} is absent")
def test_german_sentences_with_english_words_stay_german() -> None:
    lines = GSD.read_text(encoding="utf-8").splitlines()[:80]
    sentences = [sentence for line in lines for sentence in json.loads(line)["sentences"]]
    assert len(sentences) > 200
    assert [s for s in sentences if foreign_sentence(s)] == []


def test_article_language() -> None:
    assert article_language(ENGLISH_ARTICLE) == "en"
    german = "Die Gespräche in Genf dauerten zwei Stunden. Eine Einigung gab es nicht."
    assert article_language(german) is None
    assert article_language("Hallo.") is None  # too short to refuse


def test_english_quote_in_a_german_article_is_kept_and_not_translated() -> None:
    engine = FakeEngine(lambda _: "The talks go on today.", score=-0.2)
    article = f"Die Gespräche in Genf dauern noch an.\n\n„{ENGLISH_QUOTE}“"
    document = Translator(engine).translate(article)
    first, quote = document.segments()
    assert (first.origin, quote.origin) == ("model", "kept")
    assert quote.target == quote.source == f"„{ENGLISH_QUOTE}“"
    assert quote.flags == [] and quote.score is None
    assert engine.seen == ["Die Gespräche in Genf dauern noch an."]
    assert document.target_text.endswith(f"„{ENGLISH_QUOTE}“")


def test_an_english_article_is_refused_naming_the_language() -> None:
    engine = FakeEngine(lambda _: "The talks go on today.", score=-0.2)
    with pytest.raises(NotGerman) as raised:
        Translator(engine).translate(ENGLISH_ARTICLE)
    assert raised.value.detail == {"detected": "en"} and "'en'" in raised.value.message
    assert engine.seen == []


def test_auto_keeps_what_is_not_german() -> None:
    engine = FakeEngine(lambda _: "The talks go on today.", score=-0.2)
    document = Translator(engine).translate(ENGLISH_ARTICLE, source_lang="auto")
    assert {segment.origin for segment in document.segments()} == {"kept"}
    assert document.target_text == ENGLISH_ARTICLE and engine.seen == []


def test_api_refuses_an_english_article_unless_auto(client: TestClient) -> None:
    refused = client.post("/v1/translate", json={"text": ENGLISH_ARTICLE})
    assert refused.status_code == 422
    assert refused.json()["error"]["code"] == "not_german"
    assert refused.json()["error"]["detail"] == {"detected": "en"}
    taken = client.post("/v1/translate", json={"text": ENGLISH_ARTICLE, "source_lang": "auto"})
    assert taken.status_code == 200
    assert taken.json()["target_text"] == ENGLISH_ARTICLE
