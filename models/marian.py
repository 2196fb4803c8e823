"""The transformers MarianMT engine (the card's own stack)."""

from __future__ import annotations

import sys
import threading
from collections.abc import Sequence
from pathlib import Path

import torch
from transformers import MarianMTModel, MarianTokenizer
from transformers.modeling_outputs import BaseModelOutput
from transformers.utils import logging as transformers_logging

from models.batching import default_batch_tokens, plan_batches
from models.budget import output_limit
from models.engine import Hypothesis, Request
from models.output_vocabulary import left_out_pieces
from models.registry import resolve


class MarianEngine:
    """Translates with ``MarianMTModel.generate``: batched, length-sorted, no grad."""

    def __init__(
        self,
        model: str,
        *,
        device: str = "cpu",
        threads: int = 0,
        batch_tokens: int | None = None,
    ) -> None:
        self.name = model
        self.path: Path = resolve(model)
        if threads:
            torch.set_num_threads(threads)
        self.device = torch.device(device)
        self.batch_tokens = batch_tokens or default_batch_tokens(device)
        transformers_logging.disable_progress_bar()  # loading bars would litter stderr
        self.tokenizer = MarianTokenizer.from_pretrained(self.path)
        # The pipeline counts every sentence's tokens, an endless word's too,
        # and splits or passes over what the model cannot take (max_sentence_tokens):
        # counting must not warn of "indexing errors" that never happen.
        self.tokenizer.model_max_length = sys.maxsize
        network = MarianMTModel.from_pretrained(self.path, attn_implementation="sdpa")
        left_out = list(left_out_pieces(self.path).values())
        if left_out:  # German-only pieces are never an output, as in the CTranslate2 engine
            narrow_output(network, left_out)
        if self.device.type == "cuda":
            network = network.half()
        self.model = network.to(self.device).eval()  # type: ignore[arg-type]
        # A scoring pass with alignment switches the model's attention to eager (only
        # eager returns attention weights) and back: while it is switched, no other
        # pass may run. One batch at a time holds the model; torch already spreads a
        # batch over every core, so callers on several threads lose no throughput.
        self._model_lock = threading.Lock()
        self.start_id = self.model.config.decoder_start_token_id
        self.special_ids = set(self.tokenizer.all_special_ids) | {self.start_id}

    def count_tokens(self, sentence: str) -> int:
        return len(self.tokenizer(sentence).input_ids) - 1  # minus EOS

    def translate(
        self, sentences: list[str], *, beam_size: int = 4, with_alignment: bool = False
    ) -> list[Hypothesis]:
        requests = [Request(sentence, None, with_alignment) for sentence in sentences]
        return self.decode(requests, beam_size=beam_size)

    def continue_from(self, sentence: str, prefix: str, *, beam_size: int = 4) -> Hypothesis:
        """Translate ``sentence`` with the English output forced to start with ``prefix``.

        Prefix-constrained decoding: the glossary uses it to re-decode a
        sentence once a required term is in place, so the rest of the
        sentence fits the term.
        """
        return self.decode([Request(sentence, prefix)], beam_size=beam_size)[0]

    def decode(self, requests: list[Request], *, beam_size: int = 4) -> list[Hypothesis]:
        """Sentences with and without a forced prefix, with and without alignment, in
        shared length-sorted batches, as the CTranslate2 engine decodes them.

        A batch holds sentences whose prefixes (none counts as one) have one
        length, so that the decoder reads them in one pass; a sentence that did
        not ask for alignment gets none.
        """
        sources = [self.tokenizer(request.sentence).input_ids for request in requests]
        forced = [  # no EOS: keep going
            self.tokenizer(text_target=request.prefix).input_ids[:-1] if request.prefix else []
            for request in requests
        ]
        results: list[Hypothesis | None] = [None] * len(requests)
        for batch in self._batches(sources, forced):
            with self._model_lock:
                hypotheses = self._translate_batch(
                    [sources[index] for index in batch],
                    beam_size,
                    [requests[index].with_alignment for index in batch],
                    [forced[index] for index in batch],
                )
            for index, hypothesis in zip(batch, hypotheses, strict=True):
                results[index] = hypothesis
        return [hypothesis for hypothesis in results if hypothesis is not None]

    def _batches(self, sources: list[list[int]], forced: list[list[int]]) -> list[list[int]]:
        """Length-sorted batches; prefixes of one length go together, apart from the rest,
        so that a batch of them reads its prefixes in one pass (``_translate_batch``)."""
        by_prefix: dict[int, list[int]] = {}
        for index, prefix in enumerate(forced):
            by_prefix.setdefault(len(prefix), []).append(index)
        batches = []
        for indices in by_prefix.values():
            for batch in plan_batches([len(sources[i]) for i in indices], self.batch_tokens):
                batches.append([indices[i] for i in batch])
        return batches

    @torch.inference_mode()
    def _translate_batch(
        self,
        source_ids: list[list[int]],
        beam_size: int,
        aligned: list[bool],
        forced: list[list[int]],
    ) -> list[Hypothesis]:
        inputs = self._pad(source_ids)
        encoded = self.model.get_encoder()(**inputs)  # once: generate and scoring share it
        # Each sentence has its own output budget, so its translation does not
        # depend on what else shares the batch; the batch decodes to the largest.
        limits = [
            output_limit(len(ids), len(prefix))
            for ids, prefix in zip(source_ids, forced, strict=True)
        ]
        # Prefixes of one length (``_batches``) are read in one decoder pass: forced a
        # piece a step, a 50-piece prefix cost 50 beam-search steps.
        start = torch.tensor(
            [[self.start_id] + prefix for prefix in forced], dtype=torch.long, device=self.device
        )
        # No per-step scores: they are (beams x vocabulary) floats per step,
        # gigabytes for a full-size model; the teacher-forced pass scores instead.
        sequences = self.model.generate(
            # a copy: generate expands the beams in place
            encoder_outputs=BaseModelOutput(last_hidden_state=encoded.last_hidden_state),
            attention_mask=inputs["attention_mask"],
            decoder_input_ids=start,
            num_beams=beam_size,
            max_new_tokens=max(limits),
            max_length=None,  # the checkpoint's 512 would clash with max_new_tokens
        )
        generated = sequences[:, 1:]
        # Steps after the prefix, end of sentence included.
        steps = [
            min(int(row.ne(self.tokenizer.pad_token_id).sum()) - len(prefix), limit)
            for row, prefix, limit in zip(generated, forced, limits, strict=True)
        ]
        # A sentence that reached its budget is cut there (its EOS would have been forced).
        targets = [
            self._content_ids(row.tolist())[
                : len(prefix) + (count - 1 if count >= limit else count)
            ]
            for row, prefix, count, limit in zip(generated, forced, steps, limits, strict=True)
        ]
        scored = [
            len(ids) + (0 if count >= limit else 1)
            for ids, count, limit in zip(targets, steps, limits, strict=True)
        ]
        scores, alignments = self._score(
            encoded, inputs["attention_mask"], targets, scored, any(aligned)
        )
        return [
            Hypothesis(
                text=self.tokenizer.decode(target, skip_special_tokens=True),
                score=score,
                source_tokens=self.tokenizer.convert_ids_to_tokens(source[:-1]),
                target_tokens=self.tokenizer.convert_ids_to_tokens(target),
                alignment=alignment if wanted else [],
                truncated=count >= limit,
            )
            for source, target, score, alignment, wanted, count, limit in zip(
                source_ids, targets, scores, alignments, aligned, steps, limits, strict=True
            )
        ]

    def _pad(self, rows: Sequence[list[int]]) -> dict[str, torch.Tensor]:
        width = max(len(ids) for ids in rows)
        pad = self.tokenizer.pad_token_id
        ids = torch.tensor([ids + [pad] * (width - len(ids)) for ids in rows])
        mask = torch.tensor([[1] * len(ids) + [0] * (width - len(ids)) for ids in rows])
        return {"input_ids": ids.to(self.device), "attention_mask": mask.to(self.device)}

    def _content_ids(self, ids: list[int]) -> list[int]:
        """Target ids up to EOS, without special tokens."""
        eos = self.tokenizer.eos_token_id
        if eos in ids:
            ids = ids[: ids.index(eos)]
        return [token for token in ids if token not in self.special_ids]

    def _score(
        self,
        encoded: BaseModelOutput,
        attention_mask: torch.Tensor,
        targets: list[list[int]],
        scored: list[int],
        with_alignment: bool,
    ) -> tuple[list[float], list[list[int]]]:
        """Mean log-probability of each target, and its alignment when asked for.

        One teacher-forced pass over the finished hypotheses; ``scored`` says
        how many positions of each count (its tokens, and EOS unless the
        hypothesis was cut at its budget). The alignment is the
        source token each target token attends to most (last decoder layer,
        head 0): the attention row that predicts target token j sits at
        decoder position j.
        """
        eos, pad = self.tokenizer.eos_token_id, self.tokenizer.pad_token_id
        width = max(len(ids) for ids in targets) + 1
        decoder_ids = torch.tensor(
            [[self.start_id] + ids + [pad] * (width - 1 - len(ids)) for ids in targets],
            device=self.device,
        )
        labels = torch.tensor(
            [ids + [eos] + [pad] * (width - 1 - len(ids)) for ids in targets], device=self.device
        )
        if with_alignment:
            self.model.set_attn_implementation("eager")  # only eager returns attention weights
        try:
            output = self.model(
                encoder_outputs=encoded,
                attention_mask=attention_mask,
                decoder_input_ids=decoder_ids,
                output_attentions=with_alignment,
            )
        finally:
            if with_alignment:
                self.model.set_attn_implementation("sdpa")
        logits = output.logits.float()
        logits[..., pad] = -torch.inf  # generation never emits padding
        chosen = logits.gather(2, labels.unsqueeze(2)).squeeze(2) - logits.logsumexp(dim=-1)
        scores = [
            round(float(row[:count].mean()), 4) if count else 0.0
            for row, count in zip(chosen, scored, strict=True)
        ]
        if not with_alignment:
            return scores, [[] for _ in targets]
        attention = output.cross_attentions[-1][:, 0].float()  # (batch, target, source)
        source_lengths = attention_mask.sum(dim=1) - 1  # EOS is not a word
        alignments = [
            row[: len(ids), : int(length)].argmax(dim=1).tolist() if ids else []
            for row, ids, length in zip(attention, targets, source_lengths, strict=True)
        ]
        return scores, alignments


def narrow_output(network: MarianMTModel, left_out: list[int]) -> None:
    """Give ``network`` an output layer that computes only the pieces it may write.

    The output projection is the largest single cost of a decoding step, and
    opus-mt-de-en's German-only pieces are 26,085 of its 58,101 rows. Padding
    is never an output either: the layer leaves it out too, so generation no
    longer needs the bad-words processor that banned it.
    """
    pad = network.generation_config.pad_token_id
    network.lm_head = OutputLayer(network.lm_head, [*left_out, pad])
    banned = [ids for ids in network.generation_config.bad_words_ids or [] if ids != [pad]]
    network.generation_config.bad_words_ids = banned or None


class OutputLayer(torch.nn.Module):
    """The output projection for the rows not ``left_out``; the others score -inf,
    uncomputed, so the logits keep the vocabulary's ids and shape."""

    def __init__(self, whole: torch.nn.Linear, left_out: list[int]) -> None:
        super().__init__()
        self.size = whole.out_features
        kept = sorted(set(range(self.size)) - set(left_out))
        self.kept: torch.Tensor
        self.register_buffer("kept", torch.tensor(kept, dtype=torch.long))
        self.weight = torch.nn.Parameter(whole.weight.detach()[self.kept].clone())

    def forward(self, hidden: torch.Tensor) -> torch.Tensor:
        logits = hidden.new_full((*hidden.shape[:-1], self.size), -torch.inf)
        logits[..., self.kept] = torch.nn.functional.linear(hidden, self.weight)
        return logits
