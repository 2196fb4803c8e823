"""The CTranslate2 engine on the toy model, against the transformers engine."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from models import budget
from models.ctranslate import CTranslate2Engine, available, thread_layout
from models.ctranslate_convert import METADATA, convert, find_converted
from models.engine import Request
from models.errors import BackendUnavailable
from models.marian import MarianEngine
from models.registry import TOY_DIR
from models.toy_corpus import held_out
from service.errors import ModelUnavailable
from service.pipeline.engines import chosen_backend, load_engine
from service.pipeline.translator import Translator
from service.settings import Settings
from tests.conftest import run_cli
from tests.test_glossary_with_toy import GLOSSARY, placed

needs_ctranslate2 = pytest.mark.skipif(
    not available(), reason="ctranslate2 is not installed (pip install 'mtdesk[fast]')"
)
SENTENCES = [pair.source for pair in held_out(40)]


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("ctranslate2")


@pytest.fixture(scope="module")
def exact(cache_dir: Path) -> CTranslate2Engine:
    """float32: the same arithmetic as the transformers engine, up to rounding."""
    return CTranslate2Engine("toy", threads=2, precision="float32", cache_dir=cache_dir)


@pytest.fixture(scope="module")
def fast(cache_dir: Path) -> CTranslate2Engine:
    """int8, as the backend runs by default."""
    return CTranslate2Engine("toy", threads=2, cache_dir=cache_dir)


@needs_ctranslate2
def test_conversion_is_cached_and_reused(
    fast: CTranslate2Engine, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    converted = find_converted("toy", TOY_DIR, "int8", cache_dir)
    assert converted == fast.converted and converted.parent == cache_dir
    assert (converted / "model.bin").is_file() and (converted / METADATA).is_file()
    assert not list(TOY_DIR.glob("*ctranslate*"))  # the shipped model's folder is untouched

    def no_second_conversion(*args: object, **kwargs: object) -> None:
        raise AssertionError("converted again")

    import ctranslate2.converters

    monkeypatch.setattr(ctranslate2.converters, "TransformersConverter", no_second_conversion)
    assert convert("toy", TOY_DIR, "int8", cache_dir) == converted


@needs_ctranslate2
def test_a_changed_checkpoint_is_converted_afresh(tmp_path: Path, cache_dir: Path) -> None:
    model = tmp_path / "model"
    model.mkdir()
    for child in TOY_DIR.iterdir():
        (model / child.name).write_bytes(child.read_bytes())
    first = convert(str(model), model, "int8", cache_dir)
    (model / "config.json").write_text((model / "config.json").read_text() + "\n")
    assert find_converted(str(model), model, "int8", cache_dir) is None
    assert convert(str(model), model, "int8", cache_dir) != first


@needs_ctranslate2
@pytest.mark.parametrize(
    ("renamed", "named"),
    [("_MODEL_LOADERS", "_MODEL_LOADERS['MarianConfig']"), ("BartLoader", "BartLoader.")],
)
def test_conversion_fails_loudly_if_ctranslate2s_private_loaders_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, renamed: str, named: str
) -> None:
    """The toy model's trained start embedding needs a variant of a private loader."""
    from ctranslate2.converters import transformers as loaders

    monkeypatch.delattr(loaders, renamed)
    with pytest.raises(BackendUnavailable, match=re.escape(named)):
        convert("toy", TOY_DIR, "int8", tmp_path)
    assert list(tmp_path.iterdir()) == []  # nothing half-written is left to be reused


@needs_ctranslate2
def test_float32_matches_the_transformers_engine_exactly(
    exact: CTranslate2Engine, toy_engine: MarianEngine
) -> None:
    expected = toy_engine.translate(SENTENCES, with_alignment=True)
    got = exact.translate(SENTENCES, with_alignment=True)
    for want, have in zip(expected, got, strict=True):
        assert have.text == want.text
        assert have.target_tokens == want.target_tokens
        assert have.source_tokens == want.source_tokens
        assert have.alignment == want.alignment
        assert have.score == pytest.approx(want.score, abs=0.005)
        assert not have.truncated


@needs_ctranslate2
def test_int8_agrees_with_the_transformers_engine(
    fast: CTranslate2Engine, toy_engine: MarianEngine
) -> None:
    expected = toy_engine.translate(SENTENCES, with_alignment=True)
    got = fast.translate(SENTENCES, with_alignment=True)
    same_text = [want.text == have.text for want, have in zip(expected, got, strict=True)]
    same_links = [
        a == b
        for want, have in zip(expected, got, strict=True)
        if want.text == have.text
        for a, b in zip(want.alignment, have.alignment, strict=True)
    ]
    # Measured on these 40 sentences: 40/40 texts and 99 % of alignment links.
    assert sum(same_text) / len(same_text) >= 0.9
    assert sum(same_links) / len(same_links) >= 0.95


@needs_ctranslate2
def test_batching_does_not_change_a_translation(fast: CTranslate2Engine) -> None:
    together = fast.translate(SENTENCES[:12], with_alignment=True)
    alone = [fast.translate([sentence], with_alignment=True)[0] for sentence in SENTENCES[:12]]
    assert together == alone


@needs_ctranslate2
def test_mixed_requests_in_one_call_decode_as_they_would_apart(fast: CTranslate2Engine) -> None:
    requests = [
        Request(SENTENCES[0]),
        Request("Lawrow traf Blinken am Dienstag.", "Lavrov"),
        Request(SENTENCES[1], with_alignment=True),
        Request("Die Nato-Truppen sind an der Grenze.", "Die NATO"),
        Request(SENTENCES[2]),
    ]
    apart = [
        fast.continue_from(r.sentence, r.prefix)
        if r.prefix
        else fast.translate([r.sentence], with_alignment=r.with_alignment)[0]
        for r in requests
    ]
    together = fast.decode(requests)
    assert together == apart
    assert [bool(h.alignment) for h in together] == [False, False, True, False, False]
    assert together[1].text.startswith("Lavrov ") and together[3].text.startswith("Die NATO ")


def test_on_a_cpu_batches_run_side_by_side_on_a_core_each() -> None:
    assert thread_layout("cpu", 1) == (1, 1)
    assert thread_layout("cpu", 2) == (2, 1)
    assert thread_layout("cpu", 16) == (4, 4)  # at most four batches at once
    assert thread_layout("cuda", 8) == (1, 8)


class CountingTranslator:
    """Passes every call on to CTranslate2 and keeps the size of each batch."""

    def __init__(self, translator: object) -> None:
        self.translator = translator
        self.batches: list[int] = []

    def translate_batch(self, sources: list[list[str]], *args: object, **kwargs: object) -> object:
        self.batches.append(len(sources))
        return self.translator.translate_batch(sources, *args, **kwargs)  # type: ignore[attr-defined]


@needs_ctranslate2
def test_a_call_that_fits_one_batch_is_shared_between_the_workers(
    fast: CTranslate2Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert fast.workers == 2
    expected = fast.translate(SENTENCES[:8])
    counting = CountingTranslator(fast.translator)
    monkeypatch.setattr(fast, "translator", counting)
    assert fast.translate(SENTENCES[:8]) == expected
    assert len(counting.batches) >= 2 and sum(counting.batches) == 8


@needs_ctranslate2
@pytest.mark.parametrize(
    ("sentence", "targets"),
    [
        ("Lawrow traf Blinken am Dienstag.", ["Lavrov"]),
        ("Lawrows Sprecher sagte nichts.", ["Lavrov"]),
        ("Die Nato-Truppen sind an der Grenze.", ["NATO"]),
        ("Lawrow sprach mit der Nato.", ["Lavrov", "NATO"]),
    ],
)
def test_glossary_repair_works_through_its_alignment(
    fast: CTranslate2Engine, sentence: str, targets: list[str]
) -> None:
    (segment,) = Translator(fast, glossary=GLOSSARY).translate(sentence).segments()
    assert [term.status for term in segment.terms] != []
    assert all(term.status in ("ok", "repaired") for term in segment.terms)
    assert placed(segment) == targets
    assert "glossary_violation" not in segment.flags


@needs_ctranslate2
def test_continue_from_matches_the_transformers_engine(
    exact: CTranslate2Engine, toy_engine: MarianEngine
) -> None:
    sentence, prefix = "Lawrow traf Blinken am Dienstag.", "Lavrov"
    hypothesis = exact.continue_from(sentence, prefix)
    assert hypothesis.text.startswith("Lavrov ")
    assert hypothesis.text == toy_engine.continue_from(sentence, prefix).text


@needs_ctranslate2
def test_a_redecode_keeps_the_sentence_budget_prefix_included(
    exact: CTranslate2Engine, toy_engine: MarianEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    sentence = "Russland hat mehr als 100.000 Soldaten an die Grenze verlegt."
    prefix = "Russia has"
    monkeypatch.setattr(budget, "OUTPUT_RATIO", 0.6)  # both engines' budget
    monkeypatch.setattr(budget, "OUTPUT_MARGIN", 0)
    whole = budget.output_limit(exact.count_tokens(sentence) + 1)  # the sentence's own budget
    free = exact.translate([sentence])[0]
    assert free.truncated and len(free.target_tokens) == whole - 1
    for engine in (exact, toy_engine):
        redecoded = engine.continue_from(sentence, prefix)
        assert redecoded.text.startswith(prefix)
        # The prefix's pieces count: the re-decode stops where the first pass did.
        assert len(redecoded.target_tokens) == whole - 1
        assert redecoded.truncated


@needs_ctranslate2
def test_output_cut_at_the_length_limit_is_marked_truncated(
    exact: CTranslate2Engine, toy_engine: MarianEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    sentence = "Russland hat mehr als 100.000 Soldaten an die Grenze verlegt."
    assert not exact.translate([sentence])[0].truncated
    monkeypatch.setattr(budget, "OUTPUT_RATIO", 0.2)  # both engines' budget
    monkeypatch.setattr(budget, "OUTPUT_MARGIN", 0)
    cut = exact.translate([sentence])[0]
    assert cut.truncated
    assert len(cut.target_tokens) < exact.count_tokens(sentence)
    assert cut.target_tokens == toy_engine.translate([sentence])[0].target_tokens


def test_auto_takes_ctranslate2_only_when_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    import models.ctranslate

    assert chosen_backend(Settings(backend="transformers")) == "transformers"
    assert chosen_backend(Settings(backend="ctranslate2")) == "ctranslate2"
    monkeypatch.setattr(models.ctranslate, "available", lambda: True)
    assert chosen_backend(Settings(backend="auto")) == "ctranslate2"
    monkeypatch.setattr(models.ctranslate, "available", lambda: False)
    assert chosen_backend(Settings(backend="auto")) == "transformers"


def test_a_missing_ctranslate2_names_the_extra(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setitem(sys.modules, "ctranslate2", None)  # import fails as if not installed
    settings = Settings(model="toy", backend="ctranslate2", cache_dir=tmp_path)
    with pytest.raises(ModelUnavailable, match=r"pip install 'mtdesk\[fast\]'"):
        load_engine(settings)


@needs_ctranslate2
def test_load_engine_builds_the_chosen_backend(cache_dir: Path) -> None:
    engine = load_engine(Settings(model="toy", backend="ctranslate2", cache_dir=cache_dir))
    assert isinstance(engine, CTranslate2Engine)
    assert engine.converted.parent == cache_dir


@needs_ctranslate2
def test_cli_converts_once_and_translates_with_the_backend(
    fast: CTranslate2Engine, cache_dir: Path
) -> None:
    env = {"MTDESK_CACHE_DIR": str(cache_dir), "MTDESK_GLOSSARY": "", "MTDESK_THREADS": "1"}
    converted = run_cli("models", "convert", "toy", env=env)
    assert converted.returncode == 0, converted.stderr.decode()
    assert b"already converted" in converted.stdout  # the `fast` fixture converted it
    sentence = SENTENCES[0]
    result = run_cli(
        "translate", "-", "--model", "toy", "--backend", "ctranslate2",
        stdin=sentence.encode(), env=env,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.decode().strip() == fast.translate([sentence])[0].text
