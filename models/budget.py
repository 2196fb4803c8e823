"""The output budget of one sentence, shared by every engine.

English runs about 1.0-1.2 tokens per German token; far beyond that the model
is looping, and the hypothesis is cut and flagged ``truncated``. Each sentence
has its own budget, so its translation does not depend on what else shares
its batch. The values match the transformers engine's (models/marian.py).
"""

from __future__ import annotations

OUTPUT_RATIO = 1.5
OUTPUT_MARGIN = 10
MODEL_MAX_TOKENS = 512


def output_limit(source_length: int, forced: int = 0) -> int:
    """Decoding steps (end of sentence included) for a source of ``source_length`` ids.

    ``source_length`` counts the end-of-sentence id, as the model sees it;
    ``forced`` target tokens (a prefix) come out of the model's 512 positions.
    """
    return min(int(OUTPUT_RATIO * source_length) + OUTPUT_MARGIN, MODEL_MAX_TOKENS - forced)
