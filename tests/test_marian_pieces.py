"""Pieces without transformers must be MarianTokenizer's pieces, both ways."""

from __future__ import annotations

import json

import pytest

from models.marian import MarianEngine
from models.marian_pieces import MarianPieces
from models.registry import TOY_DIR
from models.toy_corpus import held_out
from tests.conftest import ARTICLE, SHARED_DATA

ODD = ["", "  zwei  Leerzeichen ", "x\u00a0y", "„Zitat“ «x» 100 % — €", "e\u0301", "Ωμέγα 😀"]


@pytest.fixture(scope="module")
def pieces() -> MarianPieces:
    return MarianPieces(TOY_DIR)


def german() -> list[str]:
    sentences = [pair.source for pair in held_out(200)] + ODD
    if ARTICLE.is_file():
        sentences += ARTICLE.read_text(encoding="utf-8").splitlines()
    data = SHARED_DATA / "segmentation_dev_ud_german_gsd.jsonl"
    if data.is_file():
        for line in data.read_text(encoding="utf-8").splitlines()[:100]:
            sentences += json.loads(line)["sentences"]
    return sentences


def test_source_pieces_are_the_tokenizers(pieces: MarianPieces, toy_engine: MarianEngine) -> None:
    tokenizer = toy_engine.tokenizer
    for sentence in german():
        expected = tokenizer.convert_ids_to_tokens(tokenizer(sentence).input_ids)
        assert pieces.source_pieces(sentence) == expected, sentence


def test_target_pieces_and_text_are_the_tokenizers(
    pieces: MarianPieces, toy_engine: MarianEngine
) -> None:
    tokenizer = toy_engine.tokenizer
    for text in [pair.target for pair in held_out(200)] + ["Lavrov's", "the U.S. “quote”"] + ODD:
        ids = tokenizer(text_target=text).input_ids
        expected = tokenizer.convert_ids_to_tokens(ids[:-1])
        assert pieces.target_pieces(text) == expected, text
        kept = [piece for piece in expected if piece not in pieces.special]
        assert pieces.text(kept) == tokenizer.decode(ids, skip_special_tokens=True), text


def test_unknown_pieces_become_unk(pieces: MarianPieces) -> None:
    assert "<unk>" in pieces.source_pieces("Ωμέγα")  # no Greek in the toy vocabulary
    assert pieces.source_pieces("Ωμέγα")[-1] == "</s>"
