from models.batching import plan_batches


def test_batches_group_similar_lengths_within_the_token_budget() -> None:
    lengths = [30, 2, 31, 3, 29, 2]
    batches = plan_batches(lengths, max_tokens=64)
    assert sorted(index for batch in batches for index in batch) == list(range(6))
    for batch in batches:
        assert len(batch) * max(lengths[i] for i in batch) <= 64
    assert [sorted(lengths[i] for i in batch) for batch in batches] == [[2, 2, 3], [29, 30], [31]]


def test_a_sentence_over_budget_gets_a_batch_of_its_own() -> None:
    assert plan_batches([500, 4, 4], max_tokens=64) == [[1, 2], [0]]


def test_no_sentences_no_batches() -> None:
    assert plan_batches([], max_tokens=64) == []
