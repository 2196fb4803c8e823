"""A full-size model for the benchmarks: opus-mt-de-en's architecture, random weights.

``MarianConfig`` as on the model card (d_model 512, 6+6 layers, 8 heads, FFN
2048, vocabulary 58,101, shared embeddings), the shipped toy model's tokenizer
with an English side of 32,000 pieces, as OPUS-MT's ``spm32k`` target model
has: the engines' output layer covers those (models/output_vocabulary.py).
Random weights make the outputs meaningless and rarely end a sentence: every
benchmark that uses it says how it bounds generation.
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from models.engine import Engine

ROOT = Path(__file__).resolve().parents[1]
TOY = ROOT / "models" / "toy"
TOKENIZER_FILES = ("source.spm", "target.spm", "vocab.json", "tokenizer_config.json")
VOCAB_SIZE = 58101  # opus-mt-de-en's shared vocabulary
TARGET_PIECES = 32000  # its target.spm (opus.spm32k-spm32k)


def quick_and_threads(description: str) -> tuple[bool, int]:
    """The two options the small benches share: ``--quick`` (the toy model) and ``--threads``."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--quick", action="store_true", help="the toy model")
    parser.add_argument("--threads", type=int, default=0, help="0: all cores")
    arguments = parser.parse_args()
    return arguments.quick, arguments.threads or os.cpu_count() or 1


def bench_engine(quick: bool, threads: int, directory: Path) -> tuple[Engine, str, str]:
    """The toy or full-size model on CTranslate2 where it is installed, else transformers.

    Returns the engine, its backend's name and the model's name for the report.
    """
    model = "toy" if quick else str(build_full_size(directory))
    name = "toy" if quick else "full-size stand-in"
    try:
        from models.ctranslate import CTranslate2Engine

        engine: Engine = CTranslate2Engine(model, threads=threads, cache_dir=directory / "ct2")
        return engine, "ctranslate2 int8", name
    except ImportError:
        from models.marian import MarianEngine

        return MarianEngine(model, threads=threads), "transformers", name


def build_full_size(directory: Path) -> Path:
    """opus-mt-de-en's architecture and vocabulary layout, random weights, toy tokenizer.

    The toy tokenizer's pieces keep their ids; placeholders fill the vocabulary
    up to 58,101 and ``<pad>`` is the last id, as in opus-mt-de-en (so that
    CTranslate2 converts it exactly as it converts the real model). Outputs no
    toy piece stands for are masked with a logit bias of -1e9.
    """
    import shutil

    import torch
    from transformers import MarianConfig, MarianMTModel
    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()
    for name in TOKENIZER_FILES:
        if (TOY / name).is_file():
            shutil.copy(TOY / name, directory / name)
    vocab_size = VOCAB_SIZE
    pieces = json.loads((TOY / "vocab.json").read_text())
    toy_config = json.loads((TOY / "config.json").read_text())
    known = sorted((i, piece) for piece, i in pieces.items() if i != toy_config["pad_token_id"])
    assert [i for i, _ in known] == list(range(len(known))), "toy ids are not contiguous"
    vocab = {piece: i for i, piece in known}
    vocab |= {f"<unused{i}>": i for i in range(len(known), vocab_size - 1)}
    vocab["<pad>"] = pad = vocab_size - 1
    (directory / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False))
    widen_target_tokenizer(directory / "target.spm", len(known))
    tokenizer_config = json.loads((TOY / "tokenizer_config.json").read_text())
    special = tokenizer_config.get("added_tokens_decoder", {})
    if str(toy_config["pad_token_id"]) in special:
        special[str(pad)] = special.pop(str(toy_config["pad_token_id"]))
    (directory / "tokenizer_config.json").write_text(json.dumps(tokenizer_config, indent=2))
    config = MarianConfig(
        vocab_size=vocab_size,
        d_model=512,
        encoder_layers=6,
        decoder_layers=6,
        encoder_attention_heads=8,
        decoder_attention_heads=8,
        encoder_ffn_dim=2048,
        decoder_ffn_dim=2048,
        max_position_embeddings=512,
        share_encoder_decoder_embeddings=True,
        scale_embedding=True,
        pad_token_id=pad,
        decoder_start_token_id=pad,
        eos_token_id=toy_config["eos_token_id"],
        forced_eos_token_id=toy_config["eos_token_id"],
    )
    torch.manual_seed(0)
    model = MarianMTModel(config)
    with torch.no_grad():
        model.final_logits_bias[:, len(known) :] = -1e9
    model.generation_config.bad_words_ids = [[pad]]
    model.save_pretrained(directory)
    return directory


def widen_target_tokenizer(spm_file: Path, first_placeholder: int) -> None:
    """Give target.spm opus-mt-de-en's 32,000 English pieces: the toy's, then placeholders.

    The placeholders are pieces no text contains, so tokenisation is
    unchanged; they make the output vocabulary as large as the real model's.
    """
    from sentencepiece import sentencepiece_model_pb2

    model = sentencepiece_model_pb2.ModelProto()  # type: ignore[attr-defined]
    model.ParseFromString(spm_file.read_bytes())
    lowest = min(piece.score for piece in model.pieces)
    for i in range(first_placeholder, first_placeholder + TARGET_PIECES - len(model.pieces)):
        model.pieces.add(piece=f"<unused{i}>", score=lowest - 1.0)
    spm_file.write_bytes(model.SerializeToString())
