"""Offline language identification of articles and sentences (lingua, its own models).

German articles quote English (or other) statements; those sentences are
passed through unchanged. Only languages a German newsroom plausibly meets
are considered, so that a German sentence full of English names ("The Wall
Street Journal berichtete") is not taken for Dutch or English: a sentence
counts as foreign only when it is long enough, the identifier is confident
of another language, and German is unlikely.

Calibration (lingua's high-accuracy mode): on the 828 German sentences of
``../shared/data/segmentation_dev_ud_german_gsd.jsonl`` (web reviews and
news, with English brand names and loan words), confidence >= 0.5 for the
other language with German < 0.2 judged none foreign, and recognised 8 of 8
English news quotes (0.7 / 0.1 recognised 5). The low-accuracy mode loads in
a second instead of several, but took two German sentences for Dutch.
Models load lazily per language (Latin-script text never loads Russian's).

The high-accuracy models take seconds to load, so a quick look comes first,
with the low-accuracy models (a tenth of a second): a sentence it finds
German with confidence >= 0.9 needs no closer look (on the 789 dev sentences
long enough to judge, 12 needed one), and an article of 100 letters or more
that it finds surely another language (>= 0.99, German < 0.01) is refused on
its word: a clear English paragraph, or a single sentence of news English, is
answered without loading the high-accuracy models. Of the 828 German dev
sentences it found only two surely another language, of 17 and 46 letters;
none of the 629 with 47 letters or more, nor any of the 276 dev documents.
Everything else is judged by the high-accuracy models as above.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

PLAUSIBLE = (
    Language.GERMAN,
    Language.ENGLISH,
    Language.FRENCH,
    Language.SPANISH,
    Language.ITALIAN,
    Language.DUTCH,
    Language.POLISH,
    Language.RUSSIAN,
    Language.UKRAINIAN,
    Language.TURKISH,
)
SENTENCE_MIN_LETTERS = 20  # below this, names and headlines decide too much
SENTENCE_MIN_WORDS = 4
ARTICLE_MIN_LETTERS = 40
ARTICLE_SAMPLE_CHARS = 10_000  # enough to know; the whole of a long article costs 0.2 s
MIN_CONFIDENCE = 0.5  # of the other language
MAX_GERMAN = 0.2  # German's own confidence must be below this


@dataclass(frozen=True)
class Guess:
    language: str  # ISO 639-1, lower case ("en")
    confidence: float
    german: float  # confidence that it is German
    ranking: tuple[str, ...] = ()  # every language considered, likeliest first


SURELY_GERMAN = 0.9  # quick look: German's confidence above which a sentence is German
QUICK_ARTICLE_LETTERS = 100  # quick look: enough text to refuse an article on its word
QUICK_OTHER = 0.99
QUICK_MAX_GERMAN = 0.01


_BUILDING = threading.Lock()  # requests arriving together build one detector, not one each


def detector() -> LanguageDetector:
    with _BUILDING:
        return _built(low_accuracy=False)


def quick_detector() -> LanguageDetector:
    with _BUILDING:
        return _built(low_accuracy=True)


@cache
def _built(low_accuracy: bool) -> LanguageDetector:
    builder = LanguageDetectorBuilder.from_languages(*PLAUSIBLE)
    return (builder.with_low_accuracy_mode() if low_accuracy else builder).build()


def warm() -> None:
    """Load the quick look's models now, not in the first request.

    The high-accuracy models are left to the first sentence that needs a closer
    look: they take seconds and about 230 MB, and most German articles never
    need them (their sentences pass the quick look).
    """
    quick_detector().compute_language_confidence_values("Der Minister kommt. The minister comes.")


def guess(text: str, detector: Callable[[], LanguageDetector] = detector) -> Guess:
    values = detector().compute_language_confidence_values(text)
    best = values[0]
    german = next((v.value for v in values if v.language == Language.GERMAN), 0.0)
    ranking = tuple(value.language.iso_code_639_1.name.lower() for value in values)
    return Guess(ranking[0], best.value, german, ranking)


def letters(text: str) -> int:
    return sum(char.isalpha() for char in text)


def foreign_sentence(sentence: str) -> str | None:
    """The language of a sentence that is surely not German, else None."""
    if letters(sentence) < SENTENCE_MIN_LETTERS or len(sentence.split()) < SENTENCE_MIN_WORDS:
        return None
    if guess(sentence, quick_detector).german >= SURELY_GERMAN:
        return None
    found = guess(sentence)
    if found.language != "de" and found.confidence >= MIN_CONFIDENCE and found.german < MAX_GERMAN:
        return found.language
    return None


def article_language(text: str) -> str | None:
    """The language of a whole article when it is surely not German, else None."""
    if letters(text) < ARTICLE_MIN_LETTERS:
        return None
    sample = text[:ARTICLE_SAMPLE_CHARS]
    quick = guess(sample, quick_detector)
    if quick.german >= SURELY_GERMAN:
        return None
    if (
        letters(sample) >= QUICK_ARTICLE_LETTERS
        and quick.confidence >= QUICK_OTHER
        and quick.german < QUICK_MAX_GERMAN
    ):
        return quick.language
    found = guess(sample)
    if found.language != "de" and found.confidence >= MIN_CONFIDENCE and found.german < MAX_GERMAN:
        return found.language
    return None
