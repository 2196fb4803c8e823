import pytest

from models.marian import MarianEngine
from service.checks import quality
from service.checks.quality import Thresholds, quality_flags, repeats, untranslated

GOOD = ("Russland hat mehr als 100.000 Soldaten.", "Russia has more than 100,000 troops.")


def test_an_adequate_translation_raises_no_flag() -> None:
    assert quality_flags(*GOOD, score=-0.3) == []


def test_low_confidence_follows_the_threshold() -> None:
    assert quality_flags(*GOOD, score=-1.2) == ["low_confidence"]
    assert quality_flags(*GOOD, score=-1.2, thresholds=Thresholds(min_score=-1.5)) == []
    assert quality_flags(*GOOD, score=None) == []  # approved or remembered: no score


@pytest.mark.parametrize(
    ("target", "flagged"),
    [
        ("Russia has troops.", True),  # a clause dropped: 0.46
        (
            "Russia has more than 100,000 troops at the border with Ukraine, says NATO, "
            "which warned of an invasion.",
            True,
        ),  # fmt: skip
        ("Russia has amassed more than 100,000 soldiers.", False),
    ],
)
def test_length_ratio_band(target: str, flagged: bool) -> None:
    source = "Russland hat mehr als 100.000 Soldaten angehäuft."
    assert ("length_ratio" in quality_flags(source, target, None)) is flagged


def test_short_sources_are_exempt_from_the_length_band() -> None:
    assert quality_flags("Nachrichten", "News from around the world today", None) == []


@pytest.mark.parametrize(
    "text",
    [
        "Foreign Minister Blinken would not not not support Ukraine",
        "the with the with the with Ukraine",
        "Russia said that Russia said that the border",
        "Lawrow said on Monday that Lawrow said on Monday that he said on Monday that "
        "Lawrow said on Monday",
    ],
)
def test_loops_are_repetitions(text: str) -> None:
    assert repeats(text)


@pytest.mark.parametrize(
    "text",
    [
        "The talks, the talks said, had had no result.",
        "He said that he would come, and he said that again on Monday.",
        "Blinken and Lavrov spoke for 30 minutes.",
    ],
)
def test_ordinary_english_is_no_repetition(text: str) -> None:
    assert not repeats(text)


def test_repetition_mirrored_in_the_source_is_not_flagged() -> None:
    assert "repetition" not in quality_flags("Nein, nein, nein!", "No, no, no!", None)


def test_copied_german_is_untranslated_names_and_numbers_aside() -> None:
    assert untranslated("Die Gespräche dauern noch an.", "Die Gespräche dauern noch an.")
    assert untranslated("Die Gespräche dauern noch an.", "The Gespräche dauern noch an.")
    assert not untranslated("Angela Merkel in Paris", "Angela Merkel in Paris")
    assert not untranslated("Die Gespräche dauern an.", "The talks continue.")
    assert not untranslated("Er kam um 2022 an.", "He arrived in 2022.")


def test_protected_spans_copied_are_no_sign_of_german_left() -> None:
    source = "Mehr unter https://www.example.org/ein/langer/pfad und presse@example.de"
    target = "More at https://www.example.org/ein/langer/pfad and presse@example.de"
    assert "untranslated" in quality_flags(source, target, None)
    spans = ["https://www.example.org/ein/langer/pfad", "presse@example.de"]
    assert "untranslated" not in quality_flags(source, target, None, verbatim=spans)
    copied = "Mehr gibt es unter https://www.example.org/ein/langer/pfad und presse@example.de"
    assert "untranslated" in quality_flags(copied, copied, None, verbatim=spans)


def test_very_long_sentences_are_judged_without_the_quadratic_matcher(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A 35,000-character run-on took most of a minute in SequenceMatcher alone."""

    def refuse(*args: object) -> None:
        raise AssertionError("SequenceMatcher on a very long sentence")

    monkeypatch.setattr(quality, "SequenceMatcher", refuse)
    german = " ".join(["die Gespräche dauern noch an und"] * 400)
    english = " ".join(["the talks are still going on and"] * 400)
    assert untranslated(german, german)
    assert untranslated(german, german.replace("Gespräche", "talks"))
    assert not untranslated(german, english)
    assert repeats(german)
    assert not repeats(" ".join(f"word{i}" for i in range(20_000)))


def test_number_mismatch_and_truncated() -> None:
    source = "Russland hat mehr als 100.000 Soldaten angehäuft."
    assert quality_flags(source, "Russia has amassed more than 10,000 soldiers.", -0.2) == [
        "number_mismatch"
    ]
    target = "Russia has amassed more than 100,000 soldiers."
    assert quality_flags(source, target, -0.2, truncated=True) == ["truncated"]


# The toy model's outputs on sentences of the shared article (held out from its
# synthetic training corpus), recorded once: the flags an editor would see.
TOY_OUTPUTS = [
    (
        "Russland hat mehr als 100.000 Soldaten nahe der ukrainischen Grenze angehäuft.",
        "Russia has has amassed more than 10,000 soldiers at the border.",
        -0.228,
        ["number_mismatch"],
    ),
    (
        "Nachdem wir es erhalten hatten, vereinbarten der Sekretär und der Minister, dass sie "
        "noch einmal über die nächsten Schritte im Verfahren sprechen sollten“, sagte der Beamte.",
        "“I must not not not speak.",
        -1.172,
        ["low_confidence", "length_ratio", "repetition"],
    ),
    (
        "Beamte der Abteilung sagten Reportern, das Telefonat habe etwa 30 Minuten gedauert.",
        "“I must of the defence ministers of the defence minister said.",
        -0.888,
        ["number_mismatch"],
    ),
    (
        "Am 02.01.2022 trafen sich die Minister.",
        "On 201,20202 met the Polish Foreign Minister.",
        -0.517,
        ["number_mismatch"],
    ),
    (
        "Bbabo NET",
        "At the diplomat called for ten ten ten ten ten soldiers",
        -1.529,
        ["low_confidence", "repetition"],
    ),  # fmt: skip
]


@pytest.mark.parametrize(("source", "target", "score", "flags"), TOY_OUTPUTS)
def test_recorded_toy_outputs(source: str, target: str, score: float, flags: list[str]) -> None:
    assert quality_flags(source, target, score) == flags


def test_live_toy_outputs_on_a_looping_sentence(toy_engine: MarianEngine) -> None:
    source = (
        "Außenminister Blinken fordert Beweise dafür, dass er die Ukraine nicht angreift, "
        "und fordert das russische Militär zum Rücktritt auf"
    )
    (hypothesis,) = toy_engine.translate([source], beam_size=4)
    flags = quality_flags(source, hypothesis.text, hypothesis.score, truncated=hypothesis.truncated)
    # The toy model loops on this headline until its length limit.
    assert hypothesis.truncated and {"repetition", "truncated", "length_ratio"} <= set(flags)


def test_the_pipeline_flags_segments_with_the_configured_thresholds() -> None:
    from service.pipeline.translator import Translator
    from tests.fakes import WordEngine

    article = "Russland hat mehr als 100.000 Soldaten angehäuft.\n\nDie Gespräche dauern an."
    document = Translator(WordEngine()).translate(article)
    flagged, clean = document.segments()
    # quality flags first, then the fact checks' flags, each with its findings
    assert flagged.target == "EN"
    assert flagged.flags == ["length_ratio", "number_mismatch", "name_mismatch", "omission"]
    assert [finding.flag for finding in flagged.findings] == flagged.flags[1:]
    assert clean.target == "The talks continue." and clean.flags == []
    strict = Translator(WordEngine(), quality=Thresholds(min_score=-0.05)).translate(article)
    assert [segment.flags[0] for segment in strict.segments()] == ["low_confidence"] * 2
