"""Length-bucketed batches sized by token count.

Sorting by length keeps padding small; capping the padded token count (not
the sentence count) keeps memory and latency flat whether sentences are short
datelines or long quotes.
"""

from __future__ import annotations


def plan_batches(lengths: list[int], max_tokens: int) -> list[list[int]]:
    """Group indices of ``lengths`` into batches whose padded size fits ``max_tokens``.

    Each batch holds indices of similar length; a sentence longer than the
    budget on its own still gets a batch of one.
    """
    order = sorted(range(len(lengths)), key=lambda index: lengths[index])
    batches: list[list[int]] = []
    current: list[int] = []
    for index in order:
        longest = max(lengths[index], 1)  # sorted ascending: the newcomer is the longest
        if current and (len(current) + 1) * longest > max_tokens:
            batches.append(current)
            current = []
        current.append(index)
    if current:
        batches.append(current)
    return batches
