"""Both engines write only pieces the English tokenizer knows.

The toy model's source and target tokenizers are one model, so every piece
is English. A copy whose ``target.spm`` lacks the pieces the toy writes most
stands for a shared vocabulary with German-only pieces, as opus-mt-de-en's.
"""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest
import torch
from sentencepiece import sentencepiece_model_pb2

from models.ctranslate import CTranslate2Engine, available
from models.ctranslate_convert import METADATA, convert, find_converted, read_metadata
from models.marian import MarianEngine, OutputLayer
from models.output_vocabulary import (
    CANDIDATE_MULTIPLE,
    VMAP,
    decoder_vocabulary,
    left_out_pieces,
    unwritable_pieces,
)
from models.registry import TOY_DIR
from models.toy_corpus import held_out

needs_ctranslate2 = pytest.mark.skipif(not available(), reason="ctranslate2 is not installed")
SENTENCES = [pair.source for pair in held_out(40)]
# Of the toy's most written pieces: 15 or a few more, so that the rest is a
# multiple of 16 and none needs to come back in (CANDIDATE_MULTIPLE).
LEFT_OUT = 15 + (len(decoder_vocabulary(TOY_DIR)) - 15) % CANDIDATE_MULTIPLE


@pytest.fixture(scope="module")
def written(toy_engine: MarianEngine) -> Counter[str]:
    """How often the toy model writes each piece, over the held-out sentences."""
    return Counter(
        piece
        for hypothesis in toy_engine.translate(SENTENCES)
        for piece in hypothesis.target_tokens
    )


def narrow(model: Path, left_out: set[str]) -> Path:
    """A copy of the toy model whose English tokenizer lacks ``left_out``."""
    shutil.copytree(TOY_DIR, model)
    proto = sentencepiece_model_pb2.ModelProto()
    proto.ParseFromString((model / "target.spm").read_bytes())
    kept = [piece for piece in proto.pieces if piece.piece not in left_out]
    del proto.pieces[:]
    proto.pieces.extend(kept)
    (model / "target.spm").write_bytes(proto.SerializeToString())
    (model / "left_out.json").write_text(json.dumps(sorted(left_out)))
    return model


@pytest.fixture(scope="module")
def narrowed(tmp_path_factory: pytest.TempPathFactory, written: Counter[str]) -> Path:
    words = [piece for piece, _ in written.most_common() if len(piece.lstrip("▁")) > 2]
    return narrow(tmp_path_factory.mktemp("narrowed") / "model", set(words[:LEFT_OUT]))


def left_out(model: Path) -> set[str]:
    return set(json.loads((model / "left_out.json").read_text()))


def test_the_pieces_english_lacks_are_found_by_id(narrowed: Path) -> None:
    vocabulary = json.loads((narrowed / "vocab.json").read_text())
    unwritable = unwritable_pieces(narrowed)
    assert unwritable == {piece: vocabulary[piece] for piece in left_out(narrowed)}
    assert unwritable_pieces(TOY_DIR) == {}  # one tokenizer for both sides: all English
    assert left_out_pieces(narrowed) == unwritable


def test_the_rarest_come_back_to_fill_a_multiple_of_sixteen(tmp_path: Path) -> None:
    vocabulary = decoder_vocabulary(TOY_DIR)
    german = {piece for piece, index in vocabulary.items() if 100 <= index < 140}
    model = narrow(tmp_path / "model", german)
    left_out = left_out_pieces(model)
    assert (len(vocabulary) - len(left_out)) % CANDIDATE_MULTIPLE == 0
    refilled = sorted(german - set(left_out), key=vocabulary.__getitem__)
    assert 0 < len(refilled) < CANDIDATE_MULTIPLE
    assert all(vocabulary[piece] > max(left_out.values()) for piece in refilled)


def test_the_transformers_engine_never_writes_them(narrowed: Path, written: Counter[str]) -> None:
    assert sum(written[piece] for piece in left_out(narrowed)) >= 40  # the toy writes them
    engine = MarianEngine(str(narrowed), threads=2)
    hypotheses = engine.translate(SENTENCES)
    assert not {p for h in hypotheses for p in h.target_tokens} & left_out(narrowed)
    assert all(h.text and "⁇" not in h.text for h in hypotheses)


def test_the_transformers_engine_computes_only_the_pieces_it_may_write(narrowed: Path) -> None:
    engine = MarianEngine(str(narrowed), threads=2)
    layer = engine.model.lm_head
    assert isinstance(layer, OutputLayer)
    assert layer.weight.shape[0] == len(decoder_vocabulary(narrowed)) - LEFT_OUT - 1  # and <pad>
    assert engine.model.generation_config.bad_words_ids is None  # <pad> is left out too
    got = engine.translate(SENTENCES, with_alignment=True)
    # Only faster: the same as scoring the whole vocabulary and banning those pieces.
    network = engine.model
    network.lm_head = torch.nn.Linear(layer.weight.shape[1], layer.size, bias=False)
    network.lm_head.weight = network.model.shared.weight
    pad = engine.tokenizer.pad_token_id
    network.final_logits_bias[:, list(left_out_pieces(narrowed).values())] = -torch.inf
    network.generation_config.bad_words_ids = [[pad]]
    whole = engine.translate(SENTENCES, with_alignment=True)
    assert [(h.target_tokens, h.alignment, h.truncated) for h in got] == [
        (h.target_tokens, h.alignment, h.truncated) for h in whole
    ]
    assert [h.score for h in got] == pytest.approx([h.score for h in whole], abs=1e-3)


@needs_ctranslate2
def test_ctranslate2_leaves_them_out_of_its_output_layer(narrowed: Path, tmp_path: Path) -> None:
    exact = CTranslate2Engine(str(narrowed), threads=2, precision="float32", cache_dir=tmp_path)
    vocabulary = json.loads((narrowed / "vocab.json").read_text())
    assert exact.use_vmap
    assert read_metadata(exact.converted)["output_pieces"] == len(vocabulary) - LEFT_OUT
    rules = (exact.converted / VMAP).read_text().splitlines()
    assert len(rules) == 1 and rules[0].startswith("\t")  # one rule: every sentence's candidates
    assert set(rules[0].split()) == set(vocabulary) - left_out(narrowed)
    got = exact.translate(SENTENCES)
    assert not {p for h in got for p in h.target_tokens} & left_out(narrowed)
    # Only faster: the same as scoring the whole vocabulary and banning those pieces.
    exact.use_vmap = False
    exact.suppress += [[piece] for piece in left_out(narrowed)]
    whole = exact.translate(SENTENCES)
    assert [(h.target_tokens, h.truncated) for h in got] == [
        (h.target_tokens, h.truncated) for h in whole
    ]
    # float32 sums over a smaller output layer may differ in the last digits
    assert [h.score for h in got] == pytest.approx([h.score for h in whole], abs=1e-3)


@needs_ctranslate2
def test_a_model_whose_pieces_are_all_english_gets_no_map(tmp_path: Path) -> None:
    engine = CTranslate2Engine("toy", threads=2, cache_dir=tmp_path)
    assert not engine.use_vmap and not (engine.converted / VMAP).exists()
    assert read_metadata(engine.converted)["output_pieces"] is None


@needs_ctranslate2
def test_a_conversion_of_an_older_format_is_made_afresh(tmp_path: Path) -> None:
    converted = convert("toy", TOY_DIR, "int8", tmp_path)
    metadata = read_metadata(converted)
    del metadata["format"]  # as written before the vocabulary map
    (converted / METADATA).write_text(json.dumps(metadata))
    assert find_converted("toy", TOY_DIR, "int8", tmp_path) is None
    assert convert("toy", TOY_DIR, "int8", tmp_path) == converted
    assert "format" in read_metadata(converted)
