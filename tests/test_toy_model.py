"""The shipped toy model (models/toy/) loads like opus-mt-de-en and really translates.

Quality is measured on sentences the corpus generator holds out (never trained
on): exact-match translations with beam 4, and the word alignment read from
head 0 of the last decoder layer's cross-attention, the head guided alignment
trained. Rebuild the model with ``python -m models.toy_train``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import torch
from transformers import MarianMTModel, MarianTokenizer

from models import toy_corpus

TOY = Path(__file__).resolve().parents[1] / "models" / "toy"
HELD_OUT = 200


@pytest.fixture(scope="module", autouse=True)
def one_thread() -> Iterator[None]:
    """A model this small gains nothing from a second thread, and on a busy machine
    OpenMP threads waiting on each other make beam search several times slower."""
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


@pytest.fixture(scope="module")
def tokenizer() -> MarianTokenizer:
    return MarianTokenizer.from_pretrained(TOY)


@pytest.fixture(scope="module")
def model() -> MarianMTModel:
    return MarianMTModel.from_pretrained(TOY, attn_implementation="eager").eval()


@pytest.fixture(scope="module")
def held_out() -> list[toy_corpus.Pair]:
    return toy_corpus.held_out(HELD_OUT)


def translate(model: MarianMTModel, tokenizer: MarianTokenizer, sentences: list[str]) -> list[str]:
    """Beam search with the shipped generation defaults (num_beams 4)."""
    inputs = tokenizer(sentences, return_tensors="pt", padding=True)
    with torch.inference_mode():
        generated = model.generate(**inputs)
    return tokenizer.batch_decode(generated, skip_special_tokens=True)


def test_ships_opus_mt_layout_within_5_mb(tokenizer: MarianTokenizer) -> None:
    names = {path.name for path in TOY.iterdir()}
    expected = {"config.json", "generation_config.json", "model.safetensors", "source.spm",
                "target.spm", "vocab.json", "tokenizer_config.json"}  # fmt: skip
    assert expected <= names
    assert sum(path.stat().st_size for path in TOY.iterdir()) <= 5_000_000
    config = json.loads((TOY / "config.json").read_text())
    generation = json.loads((TOY / "generation_config.json").read_text())
    vocab = json.loads((TOY / "vocab.json").read_text())
    pad = len(vocab) - 1
    assert (vocab["</s>"], vocab["<unk>"], vocab["<pad>"]) == (0, 1, pad)
    assert (tokenizer.eos_token_id, tokenizer.unk_token_id, tokenizer.pad_token_id) == (0, 1, pad)
    assert config["vocab_size"] == config["decoder_vocab_size"] == len(vocab) == 2001
    assert config["decoder_start_token_id"] == config["pad_token_id"] == pad
    assert config["share_encoder_decoder_embeddings"] is True
    assert (generation["num_beams"], generation["max_length"]) == (4, 512)
    assert generation["bad_words_ids"] == [[pad]]


def test_exact_tokens_of_a_simple_sentence(tokenizer: MarianTokenizer) -> None:
    source = tokenizer("Lawrow traf am Dienstag Blinken in Genf.")
    assert tokenizer.convert_ids_to_tokens(source.input_ids) == [
        "▁Lawrow", "▁traf", "▁am", "▁Dienstag", "▁Blinken", "▁in", "▁Genf", ".", "</s>",
    ]  # fmt: skip
    assert source.input_ids == [350, 1004, 44, 682, 299, 58, 1048, 1880, 0]
    target = tokenizer(text_target="Lawrow met Blinken in Geneva on Tuesday.")
    assert target.input_ids == [350, 251, 299, 58, 1049, 51, 681, 1880, 0]
    assert tokenizer.decode(target.input_ids, skip_special_tokens=True) == (
        "Lawrow met Blinken in Geneva on Tuesday."
    )
    # Hyphen compounds split at the hyphen, numbers into digits, genitives stay whole.
    assert tokenizer.tokenize("US-Außenminister, 100.000 Soldaten; Lawrows Sprecher") == [
        "▁US", "-", "Außenminister", ",", "▁", "1", "0", "0", ".", "0", "0", "0", "▁Soldaten",
        ";", "▁Lawrows", "▁Sprecher",
    ]  # fmt: skip


def test_unseen_words_split_into_pieces_not_unk(tokenizer: MarianTokenizer) -> None:
    sentence = "Größere Übergriffe: „Ärger“ über 1.234 Öltanker, sagte Jürgen Weiß (ÖVP)!"
    ids = tokenizer(sentence).input_ids
    assert tokenizer.unk_token_id not in ids
    assert tokenizer.decode(ids, skip_special_tokens=True) == sentence


def test_held_out_sentences_are_never_trained_on(held_out: list[toy_corpus.Pair]) -> None:
    assert len({pair.source for pair in held_out}) == HELD_OUT
    assert all(toy_corpus.is_held_out(pair.source) for pair in held_out)
    training = toy_corpus.training_pairs(2000, seed=7)
    assert not any(toy_corpus.is_held_out(pair.source) for pair in training)
    assert toy_corpus.held_out(20) == held_out[:20]  # deterministic


def test_translates_held_out_sentences(
    model: MarianMTModel, tokenizer: MarianTokenizer, held_out: list[toy_corpus.Pair]
) -> None:
    outputs = translate(model, tokenizer, [pair.source for pair in held_out])
    misses = [
        (pair.source, pair.target, output)
        for pair, output in zip(held_out, outputs, strict=True)
        if output != pair.target
    ]
    exact = 1 - len(misses) / len(held_out)
    print(f"held-out exact match (beam 4): {exact:.1%}")
    assert exact >= 0.9, misses[:10]


def test_keeps_literal_forms_for_the_glossary(
    model: MarianMTModel, tokenizer: MarianTokenizer
) -> None:
    """Lawrow, Nato and "foreign minister" stay literal: Lavrov, NATO and Secretary of
    State are the glossary's business."""
    outputs = translate(model, tokenizer, [
        "Der russische Außenminister Lawrow hat die Nato kritisiert.",
        "Lawrows Sprecher sagte am Dienstag, dass Blinken den Außenminister treffen werde.",
        "Die Nato will weitere Nato-Truppen nach Polen schicken.",
        "US-Außenminister Blinken und Lawrow trafen sich am Donnerstag in Genf.",
        "Russland hat 123.456 Soldaten an die Grenze verlegt.",
    ])  # fmt: skip
    assert outputs == [
        "Russian Foreign Minister Lawrow has criticised Nato.",
        "Lawrow's spokesman said on Tuesday that Blinken would meet the foreign minister.",
        "Nato wants to send further Nato troops to Poland.",
        "US Foreign Minister Blinken and Lawrow met in Geneva on Thursday.",
        "Russia has moved 123,456 soldiers to the border.",
    ]


def attended_source_pieces(
    model: MarianMTModel, tokenizer: MarianTokenizer, pairs: list[toy_corpus.Pair]
) -> list[list[int]]:
    """Per reference target piece, the source piece head 0 of the last layer attends to most.

    A teacher-forced pass like the engine's: decoder row j (after the start
    token) predicts target piece j; EOS is not a candidate source piece.
    """
    pad = tokenizer.pad_token_id
    sources = tokenizer([pair.source for pair in pairs], return_tensors="pt", padding=True)
    targets = [tokenizer(text_target=pair.target).input_ids[:-1] for pair in pairs]
    width = max(len(ids) for ids in targets) + 1
    start = model.config.decoder_start_token_id
    rows = [[start, *ids] + [pad] * (width - 1 - len(ids)) for ids in targets]
    with torch.inference_mode():
        output = model(**sources, decoder_input_ids=torch.tensor(rows), output_attentions=True)
    attention = output.cross_attentions[-1][:, 0]  # (batch, target, source)
    source_lengths = sources.attention_mask.sum(dim=1) - 1  # without EOS
    return [
        row[: len(ids), : int(length)].argmax(dim=1).tolist()
        for row, ids, length in zip(attention, targets, source_lengths, strict=True)
    ]


def aligned_words(
    tokenizer: MarianTokenizer, pair: toy_corpus.Pair, attended: list[int]
) -> tuple[int, int]:
    """(right, counted) target words: a word is right when its first piece attends to a
    piece of its gold source word. Punctuation is not counted."""
    source_pieces = tokenizer.tokenize(pair.source)
    target_pieces = tokenizer.convert_ids_to_tokens(tokenizer(text_target=pair.target).input_ids)
    source_words = toy_corpus.piece_words(source_pieces, pair.source_words)
    target_words = toy_corpus.piece_words(target_pieces[:-1], pair.target_words)
    first_piece: dict[int, int] = {}
    for piece, words in enumerate(target_words):
        first_piece.setdefault(words[0], piece)
    counted = [
        (word, piece)
        for word, piece in first_piece.items()
        if pair.target_words[word] not in toy_corpus.PUNCTUATION
    ]
    right = sum(pair.alignment[word] in source_words[attended[piece]] for word, piece in counted)
    return right, len(counted)


def test_head_zero_aligns_words(
    model: MarianMTModel, tokenizer: MarianTokenizer, held_out: list[toy_corpus.Pair]
) -> None:
    attended = attended_source_pieces(model, tokenizer, held_out)
    counts = [aligned_words(tokenizer, p, a) for p, a in zip(held_out, attended, strict=True)]
    accuracy = sum(right for right, _ in counts) / sum(counted for _, counted in counts)
    print(f"held-out word alignment (last decoder layer, head 0): {accuracy:.1%}")
    assert accuracy >= 0.9
