"""Rebuild the toy de→en MarianMT model in ``models/toy/`` from scratch.

    python -m models.toy_train            # about 3.5 minutes on 2 CPU cores

1. draw the synthetic training corpus (``models.toy_corpus``; held-out sentences excluded),
2. train one joint sentencepiece BPE model, shipped as both ``source.spm`` and
   ``target.spm``, and write ``vocab.json`` the way OPUS-MT does (shared vocab,
   ``</s>`` = 0, ``<unk>`` = 1, ``<pad>`` = last id = decoder start),
3. train a tiny ``MarianMTModel`` with guided alignment as in OPUS-MT's
   ``transformer-align`` models: besides cross-entropy, head 0 of the last decoder
   layer's cross-attention is pulled towards the generator's gold word alignment,
4. ``save_pretrained`` the model, its generation defaults and the tokenizer.

Everything is seeded and runs on a fixed number of threads, so the same script
gives the same files.
"""

from __future__ import annotations

import argparse
import io
import json
import math
import os
import random
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

# OpenMP threads that spin while they wait make training several times slower as soon as
# another process wants the cores; sleeping waiters cost next to nothing on an idle machine.
# Read when torch loads OpenMP, so it must come before the import.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

import sentencepiece as spm
import torch
import torch.nn.functional as F
from transformers import GenerationConfig, MarianConfig, MarianMTModel, MarianTokenizer
from transformers.utils import logging as transformers_logging

from models import toy_corpus
from models.toy_corpus import Pair

OUT = Path(__file__).parent / "toy"
SEED = 20240507
THREADS = 2
TRAIN_PAIRS = 30_000
VOCAB_SIZE = 2000  # BPE pieces (plus <pad>): 98 % of corpus words are a single piece
# Characters of ordinary German/English news text that must be pieces even where the
# corpus lacks them, so unseen words split into pieces instead of becoming <unk>.
ALPHABET = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZäöüÄÖÜßéèêëàâáçñóòôíìîïúùûčćšžłńśźżő"
    "0123456789.,:;!?-–—()[]/%&€$£§'\"„“”‚‘’«»*+=#@"
)
D_MODEL, LAYERS, HEADS, FFN = 128, 2, 4, 256  # encoder and decoder alike
STEPS = 1000
BATCH_SENTENCES = 64
PEAK_LR = 3e-3
WARMUP = 100
LABEL_SMOOTHING = 0.1
ALIGN_WEIGHT = 1.0  # guided-alignment cross-entropy, added to the translation loss
DROPOUT = 0.0  # two passes over generated sentences do not overfit; dropout only slows learning


@dataclass(frozen=True)
class Example:
    source: list[int]  # piece ids plus </s>
    target: list[int]
    gold: list[list[int]]  # per target id (and </s>): the source positions it aligns to


def seed_everything(seed: int) -> None:
    random.seed(seed)
    torch.manual_seed(seed)
    torch.set_num_threads(THREADS)
    torch.use_deterministic_algorithms(True)
    # Filling every new tensor with NaN (the deterministic default) costs a fifth of the
    # training time; no op here reads memory it has not written.
    torch.utils.deterministic.fill_uninitialized_memory = False  # type: ignore[attr-defined]


def train_sentencepiece(pairs: Sequence[Pair]) -> bytes:
    lines = [pair.source for pair in pairs] + [pair.target for pair in pairs]
    lines.append(" ".join(ALPHABET))
    model = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_writer=model,
        model_type="bpe",
        vocab_size=VOCAB_SIZE,
        character_coverage=1.0,
        split_digits=True,  # numbers are copied (and 100.000 → 100,000) digit by digit
        eos_id=0,
        unk_id=1,
        bos_id=-1,
        pad_id=-1,
        num_threads=1,  # one thread: same pieces on every machine
        minloglevel=2,
    )
    return model.getvalue()


def write_tokenizer(spm_model: bytes, out: Path) -> MarianTokenizer:
    """source.spm = target.spm (joint), vocab.json in sentencepiece order plus <pad> last."""
    for name in ("source.spm", "target.spm"):
        (out / name).write_bytes(spm_model)
    processor = spm.SentencePieceProcessor(model_proto=spm_model)
    vocab = {processor.id_to_piece(i): i for i in range(processor.get_piece_size())}
    vocab["<pad>"] = len(vocab)
    (out / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False, indent=2) + "\n")
    tokenizer = MarianTokenizer(
        source_spm=str(out / "source.spm"),
        target_spm=str(out / "target.spm"),
        vocab=str(out / "vocab.json"),
        source_lang="de",
        target_lang="en",
    )
    tokenizer.save_pretrained(out)
    return tokenizer


def encode(pairs: Sequence[Pair], spm_model: bytes) -> list[Example]:
    """Piece ids (identical to MarianTokenizer's: vocab.json is sentencepiece order) and
    the gold alignment lifted from words to pieces: a target piece points to all pieces
    of its word's source word, or, where the two words are copies (same number of pieces,
    or the target's pieces begin the source's: 100.000 → 100,000, 2. → 2), to the piece
    in the same place, which teaches digit-by-digit copying; </s> points to </s>."""
    processor = spm.SentencePieceProcessor(model_proto=spm_model)
    examples = []
    for pair in pairs:
        source = processor.encode(pair.source, out_type=str)
        target = processor.encode(pair.target, out_type=str)
        source_pieces = pieces_by_word(toy_corpus.piece_words(source, pair.source_words))
        target_words = [words[0] for words in toy_corpus.piece_words(target, pair.target_words)]
        target_pieces = pieces_by_word([(word,) for word in target_words])
        gold = []
        for position, word in enumerate(target_words):
            aligned, own = source_pieces[pair.alignment[word]], target_pieces[word]
            prefix = [target[i] for i in own] == [source[i] for i in aligned[: len(own)]]
            copy = len(own) == len(aligned) or prefix
            gold.append([aligned[own.index(position)]] if copy else aligned)
        gold.append([len(source)])
        examples.append(
            Example(
                source=[processor.piece_to_id(piece) for piece in source] + [0],
                target=[processor.piece_to_id(piece) for piece in target] + [0],
                gold=gold,
            )
        )
    return examples


def pieces_by_word(piece_words: Sequence[tuple[int, ...]]) -> dict[int, list[int]]:
    """Word index → positions of the pieces covering it."""
    pieces: dict[int, list[int]] = {}
    for position, words in enumerate(piece_words):
        for word in words:
            pieces.setdefault(word, []).append(position)
    return pieces


def batches(examples: Sequence[Example], rng: random.Random) -> Iterator[list[Example]]:
    """Endless batches of similar length (little padding), in seeded random order."""
    while True:
        order = list(range(len(examples)))
        rng.shuffle(order)
        pool = BATCH_SENTENCES * 50
        chunks = []
        for start in range(0, len(order), pool):
            chunk = sorted(order[start : start + pool], key=lambda i: len(examples[i].source))
            size = BATCH_SENTENCES
            chunks += [chunk[i : i + size] for i in range(0, len(chunk), size)]
        rng.shuffle(chunks)
        for chunk in chunks:
            yield [examples[i] for i in chunk]


def collate(batch: Sequence[Example], pad: int) -> dict[str, torch.Tensor]:
    source_len = max(len(e.source) for e in batch)
    target_len = max(len(e.target) for e in batch)
    input_ids = torch.tensor([e.source + [pad] * (source_len - len(e.source)) for e in batch])
    # Teacher forcing: the decoder reads <pad> (the start token) + the target without </s>.
    decoder_input_ids = torch.tensor(
        [[pad, *e.target[:-1]] + [pad] * (target_len - len(e.target)) for e in batch]
    )
    labels = torch.tensor([e.target + [-100] * (target_len - len(e.target)) for e in batch])
    # The gold attention of each target position, spread evenly over its source pieces.
    rows, targets, sources, weights = [], [], [], []
    for row, example in enumerate(batch):
        for position, aligned in enumerate(example.gold):
            rows += [row] * len(aligned)
            targets += [position] * len(aligned)
            sources += aligned
            weights += [1.0 / len(aligned)] * len(aligned)
    gold = torch.zeros(len(batch), target_len, source_len)
    gold[rows, targets, sources] = torch.tensor(weights)
    return {
        "input_ids": input_ids,
        "attention_mask": input_ids.ne(pad).long(),
        "decoder_input_ids": decoder_input_ids,
        "labels": labels,
        "gold": gold,
    }


def build_model(vocab_size: int) -> MarianMTModel:
    pad = vocab_size - 1
    config = MarianConfig(
        vocab_size=vocab_size,
        decoder_vocab_size=vocab_size,
        max_position_embeddings=512,
        activation_function="swish",
        dropout=DROPOUT,
        attention_dropout=0.0,
        activation_dropout=0.0,
        scale_embedding=True,
        share_encoder_decoder_embeddings=True,
        tie_word_embeddings=True,
        pad_token_id=pad,
        eos_token_id=0,
        bos_token_id=0,
        forced_eos_token_id=0,
        decoder_start_token_id=pad,
        d_model=D_MODEL,
        encoder_layers=LAYERS,
        decoder_layers=LAYERS,
        encoder_attention_heads=HEADS,
        decoder_attention_heads=HEADS,
        encoder_ffn_dim=FFN,
        decoder_ffn_dim=FFN,
    )
    model = MarianMTModel(config)
    model.set_attn_implementation("eager")  # only eager attention returns the weights
    model.generation_config = GenerationConfig(  # what opus-mt-de-en ships
        bad_words_ids=[[pad]],
        bos_token_id=0,
        decoder_start_token_id=pad,
        eos_token_id=0,
        forced_eos_token_id=0,
        pad_token_id=pad,
        max_length=512,
        num_beams=4,
        renormalize_logits=True,
    )
    return model


def losses(
    model: MarianMTModel, batch: dict[str, torch.Tensor]
) -> tuple[torch.Tensor, torch.Tensor]:
    """Label-smoothed cross-entropy and the guided-alignment cross-entropy per target token."""
    output = model(
        input_ids=batch["input_ids"],
        attention_mask=batch["attention_mask"],
        decoder_input_ids=batch["decoder_input_ids"],
        output_attentions=True,
    )
    labels = batch["labels"]
    translation = F.cross_entropy(
        output.logits.flatten(0, 1),
        labels.flatten(),
        ignore_index=-100,
        label_smoothing=LABEL_SMOOTHING,
    )
    attention = output.cross_attentions[-1][:, 0]  # last decoder layer, head 0: (batch, tgt, src)
    alignment = -(batch["gold"] * attention.clamp_min(1e-9).log()).sum() / labels.ne(-100).sum()
    return translation, alignment


def train(model: MarianMTModel, examples: Sequence[Example], steps: int, seed: int) -> None:
    pad = model.config.vocab_size - 1
    optimizer = torch.optim.AdamW(
        model.parameters(), lr=PEAK_LR, betas=(0.9, 0.98), eps=1e-9, weight_decay=0.0, fused=True
    )

    def schedule(step: int) -> float:  # linear warm-up, then cosine decay to zero
        if step < WARMUP:
            return (step + 1) / WARMUP
        return 0.5 * (1 + math.cos(math.pi * (step - WARMUP) / max(1, steps - WARMUP)))

    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, schedule)
    model.train()
    started = time.monotonic()
    stream = batches(examples, random.Random(seed))
    for step in range(steps):
        batch = collate(next(stream), pad)
        translation, alignment = losses(model, batch)
        loss = translation + ALIGN_WEIGHT * alignment
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        scheduler.step()
        if step % 100 == 0 or step == steps - 1:
            print(
                f"step {step:5d}  translation {translation.item():.3f}  "
                f"alignment {alignment.item():.3f}  {time.monotonic() - started:6.1f}s",
                flush=True,
            )
    model.eval()


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT, help="model directory")
    parser.add_argument("--steps", type=int, default=STEPS, help="training steps")
    args = parser.parse_args(argv)
    seed_everything(SEED)
    transformers_logging.disable_progress_bar()
    started = time.monotonic()

    def report(what: str) -> None:
        print(f"{what}  {time.monotonic() - started:.1f}s", flush=True)

    pairs = toy_corpus.training_pairs(TRAIN_PAIRS, seed=SEED)
    report(f"corpus: {len(pairs)} pairs")
    # Build beside the target and swap the files in at the end: whoever uses the
    # model meanwhile keeps a complete one.
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".toy-build-", dir=args.out.parent) as scratch:
        build = Path(scratch)
        spm_model = train_sentencepiece(pairs)
        tokenizer = write_tokenizer(spm_model, build)
        examples = encode(pairs, spm_model)
        if tokenizer(pairs[0].source).input_ids != examples[0].source:
            raise RuntimeError("training ids differ from MarianTokenizer's")
        report(f"vocabulary: {len(tokenizer)} ids")
        model = build_model(len(tokenizer))
        train(model, examples, args.steps, SEED)
        model.save_pretrained(build)
        install(build, args.out)
    size = sum(path.stat().st_size for path in args.out.iterdir())
    report(f"saved {args.out} ({size / 1e6:.2f} MB)")


def install(build: Path, out: Path) -> None:
    """Replace the model files in ``out`` with those in ``build``; leave other files alone."""
    built = {path.name for path in build.iterdir()}
    for path in out.iterdir():
        if path.suffix in (".json", ".spm", ".safetensors", ".bin") and path.name not in built:
            path.unlink()  # left over from an older layout
    for name in sorted(built):
        (build / name).chmod(0o644)  # safetensors writes 0600
        os.replace(build / name, out / name)


if __name__ == "__main__":
    main()
