"""Length-bucketed batches sized by token count.

Sorting by length keeps padding small; capping the padded token count (not
the sentence count) keeps memory and latency flat whether sentences are short
datelines or long quotes.
"""

from __future__ import annotations

# On a CPU a bigger batch costs more per sentence beyond about a thousand
# tokens: every step's scores over the 58,101-piece vocabulary (beam x batch
# rows) stop fitting in the caches. 1024 decoded 1.4 to 2 times as many
# sentences a second as 2048 with either engine on the full-size model (2 cores).
CPU_BATCH_TOKENS = 1024
# A GPU decodes a big batch in about the time of a small one: on an H200 the
# transformers engine translated 2.7 times as many sentences a second with
# 8192 as with 2048 (bench/gpu_speed.py).
GPU_BATCH_TOKENS = 8192


def default_batch_tokens(device: str) -> int:
    return GPU_BATCH_TOKENS if device == "cuda" else CPU_BATCH_TOKENS


def plan_batches(
    lengths: list[int], max_tokens: int, max_count: int | None = None
) -> list[list[int]]:
    """Group indices of ``lengths`` into batches whose padded size fits ``max_tokens``
    (and that hold at most ``max_count`` each).

    Each batch holds indices of similar length; a sentence longer than the
    budget on its own still gets a batch of one. Equal lengths keep their order.
    """
    order = sorted(range(len(lengths)), key=lambda index: lengths[index])
    batches: list[list[int]] = []
    current: list[int] = []
    for index in order:
        longest = max(lengths[index], 1)  # sorted ascending: the newcomer is the longest
        full = max_count is not None and len(current) == max_count
        if current and (full or (len(current) + 1) * longest > max_tokens):
            batches.append(current)
            current = []
        current.append(index)
    if current:
        batches.append(current)
    return batches
