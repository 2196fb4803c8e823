"""MarianMT's subword pieces without transformers: sentencepiece and the model's vocabulary.

The same mapping as transformers' ``MarianTokenizer`` (``source.spm`` cuts
German, ``target.spm`` English, ``vocab.json`` says which pieces the model
knows; any other piece is ``<unk>``), without importing transformers, which
takes seconds and tens of MB: the CTranslate2 engine needs nothing else of it.
Multilingual target codes (``>>fr<<``) are not handled: de-en has none.
"""

from __future__ import annotations

import json
from pathlib import Path

from sentencepiece import SentencePieceProcessor

from models.output_vocabulary import tokenizer_config

WORD = "▁"


class MarianPieces:
    def __init__(self, path: Path) -> None:
        config = tokenizer_config(path)
        self.unk = config.get("unk_token", "<unk>")
        self.eos = config.get("eos_token", "</s>")
        self.special = {self.unk, self.eos, config.get("pad_token", "<pad>")}
        self.source_vocab = set(json.loads((path / "vocab.json").read_text()))
        target_vocab = path / "target_vocab.json"
        separate = config.get("separate_vocabs") and target_vocab.is_file()
        self.target_vocab = set(json.loads(target_vocab.read_text())) if separate else None
        self.source = SentencePieceProcessor(model_file=str(path / "source.spm"))
        self.target = SentencePieceProcessor(model_file=str(path / "target.spm"))

    def source_pieces(self, text: str) -> list[str]:
        """The German text as the model reads it, end of sentence included."""
        pieces = self.source.encode(text, out_type=str)
        return [piece if piece in self.source_vocab else self.unk for piece in pieces] + [self.eos]

    def target_pieces(self, text: str) -> list[str]:
        """English text as the model would write it (no end of sentence): a forced prefix."""
        known = self.source_vocab if self.target_vocab is None else self.target_vocab
        pieces = self.target.encode(text, out_type=str)
        return [piece if piece in known else self.unk for piece in pieces]

    def text(self, pieces: list[str]) -> str:
        """English text of target pieces; special pieces are the caller's to drop."""
        return str(self.target.decode_pieces(pieces)).replace(WORD, " ").strip()
