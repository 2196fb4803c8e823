"""The pieces a model may write: those its English tokenizer knows.

OPUS-MT models share one vocabulary between source and target: opus-mt-de-en
has 58,101 pieces, the union of two 32,000-piece sentencepiece models
(``opus.spm32k-spm32k``). The decoder was trained on English cut by
``target.spm`` only, so a German-only piece is never a sensible output, and
``target.spm`` would detokenise it as ``⁇``. Both engines leave such pieces
out of the output layer, the largest single cost of a decoding step: both
compute the output projection for the English pieces alone (the transformers
engine with ``models.marian.OutputLayer``, CTranslate2 with a vocabulary map).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sentencepiece import SentencePieceProcessor

VMAP = "vmap.txt"  # CTranslate2's vocabulary map, in the converted model's folder
# CTranslate2 pads a map's candidates to a multiple of 16 with copies of id 0,
# the end of sentence in Marian vocabularies, which skews every step's
# normalisation; a few German-only pieces stay in instead, to fill the count.
CANDIDATE_MULTIPLE = 16


def tokenizer_config(path: Path) -> dict[str, Any]:
    """The model's ``tokenizer_config.json`` (empty when it has none)."""
    config_file = path / "tokenizer_config.json"
    config: dict[str, Any] = json.loads(config_file.read_text()) if config_file.is_file() else {}
    return config


def decoder_vocabulary(path: Path) -> dict[str, int]:
    """The pieces the decoder scores, by id (``target_vocab.json`` for separate vocabularies)."""
    config = tokenizer_config(path)
    separate = path / "target_vocab.json"
    shared = not (config.get("separate_vocabs") and separate.is_file())
    chosen = path / "vocab.json" if shared else separate
    vocabulary: dict[str, int] = json.loads(chosen.read_text())
    return vocabulary


def unwritable_pieces(path: Path, vocabulary: dict[str, int] | None = None) -> dict[str, int]:
    """The decoder's pieces that ``target.spm`` does not know, by id; special pieces never.

    ``vocabulary``: the decoder's, when the caller has read it already.
    """
    config = tokenizer_config(path)
    special = {
        config.get("unk_token", "<unk>"),
        config.get("eos_token", "</s>"),
        config.get("pad_token", "<pad>"),
    }
    target = SentencePieceProcessor(model_file=str(path / "target.spm"))
    unknown = target.unk_id()
    return {
        piece: index
        for piece, index in (vocabulary or decoder_vocabulary(path)).items()
        if piece not in special and target.piece_to_id(piece) == unknown
    }


def left_out_pieces(path: Path, vocabulary: dict[str, int] | None = None) -> dict[str, int]:
    """The pieces both engines leave out of the output layer, by id.

    The unwritable pieces, less the last few (by id, the rarest) that fill the
    rest up to a multiple of ``CANDIDATE_MULTIPLE``.
    """
    vocabulary = vocabulary or decoder_vocabulary(path)
    unwritable = sorted(unwritable_pieces(path, vocabulary).items(), key=lambda item: item[1])
    refill = -(len(vocabulary) - len(unwritable)) % CANDIDATE_MULTIPLE
    return dict(unwritable[: max(0, len(unwritable) - refill)])


def write_vocabulary_map(path: Path, converted: Path) -> int | None:
    """Write the vocabulary map of the pieces the decoder may write into ``converted``.

    One rule with an empty source n-gram: candidates for every sentence. The
    number of pieces kept, or None when there is nothing to leave out.
    """
    vocabulary = decoder_vocabulary(path)
    left_out = left_out_pieces(path, vocabulary)
    if not left_out:
        return None
    kept = [piece for piece in vocabulary if piece not in left_out]
    (converted / VMAP).write_text("\t" + " ".join(kept) + "\n", encoding="utf-8")
    return len(kept)
