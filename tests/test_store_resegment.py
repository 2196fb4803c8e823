"""The store's side of split and merge, and the article list's text search (SQLite, PostgreSQL)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from sqlalchemy import select

from service.desk.articles import read_article
from service.desk.segments import revise_segment
from service.document import Segment
from service.errors import EditConflict
from service.store.articles import Store
from service.store.resegment import replace_segments
from service.store.schema import segment_flags, segment_history, segments
from tests.test_store import TEXT, add


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    store = Store(database_url)
    yield store
    store.close()


def halves(first: Segment, start: int, ids: tuple[str, str] = ("b0s2", "b0s3")) -> list[Segment]:
    """``first`` split at ``start`` characters into its source, as new segments."""
    begin, end = first.source_span
    return [
        Segment(
            id=ids[0],
            source=TEXT[begin : begin + start - 1],
            target="One,",
            source_span=(begin, begin + start - 1),
            score=-0.1,
            flags=["length_ratio"],
        ),
        Segment(
            id=ids[1],
            source=TEXT[begin + start : end],
            target="two.",
            source_span=(begin + start, end),
            score=-0.2,
        ),
    ]


def test_new_segments_take_the_place_of_the_old(store: Store) -> None:
    article_id = add(store)
    old = store.article(article_id).document.segments()
    revise_segment(store, article_id, "b0s0", target="Edited.", status="approved")
    new = halves(old[0], 7)  # "Erster" | "Satz."
    replace_segments(store, article_id, [old[0]], new)

    article = read_article(store, article_id)
    assert [s.id for s in article.document.segments()] == ["b0s2", "b0s3", "b0s1", "b1s0"]
    assert [s.target for s in article.document.segments()][:2] == ["One,", "two."]
    assert article.document.target_text == "One, two. Sentence 1.\n\nSentence 2."
    assert article.status == "draft"  # the approved segment is gone
    with store.engine.connect() as connection:
        positions = (
            connection.execute(
                select(segments.c.segment_id)
                .where(segments.c.article_id == article_id)
                .order_by(segments.c.position)
            )
            .scalars()
            .all()
        )
        history = connection.execute(select(segment_history.c.segment_id)).scalars().all()
        flags = connection.execute(select(segment_flags.c.segment_id)).scalars().all()
    assert positions == ["b0s2", "b0s3", "b0s1", "b1s0"]
    assert history == [] and flags == ["b0s2"]
    assert store.articles(status=None, flag="length_ratio", limit=5, offset=0)[0][0].flagged == 1


def test_a_changed_article_is_a_conflict(store: Store) -> None:
    article_id = add(store)
    old = store.article(article_id).document.segments()
    new = halves(old[0], 7)
    replace_segments(store, article_id, [old[0]], new)
    before = store.article(article_id)
    with pytest.raises(EditConflict):  # b0s0 is gone
        replace_segments(store, article_id, [old[0]], halves(old[0], 7))
    with pytest.raises(EditConflict):  # not neighbours in that order
        replace_segments(store, article_id, [old[2], old[1]], new[:1])
    assert store.article(article_id) == before


def test_the_list_searches_title_german_and_english(store: Store) -> None:
    first = add(store, title="Gipfel in Genf")
    second = add(store, title="Anderes", flags=([], ["repetition"], ["repetition"]))
    revise_segment(store, second, "b1s0", target="A 100% new_line", status=None)

    def found(text: str) -> list[str]:
        summaries, count = store.articles(status=None, flag=None, limit=10, offset=0, text=text)
        assert count == len(summaries)
        return [summary.id for summary in summaries]

    assert found("genf") == [first]
    assert found("ZWEITER satz") == [second, first]
    assert found("100%") == [second] and found("0%_") == [] and found("new_") == [second]
    [summary] = store.articles(status=None, flag="repetition", limit=10, offset=0)[0]
    assert (summary.id, summary.flagged, summary.flags) == (
        second,
        1,
        ["repetition"],
    )  # the edited one has none


def together(barrier: threading.Barrier, work: Callable[..., None], *arguments: Any) -> None:
    barrier.wait()
    work(*arguments)


def test_two_stores_splitting_one_article_at_once_keep_both_splits(database_url: str) -> None:
    """Two processes on one database (two stores here) split different segments of one
    article together: neither rewrites the document from a copy read before the other's split."""
    stores = [Store(database_url), Store(database_url)]
    try:
        with ThreadPoolExecutor(2) as pool:
            for _ in range(30):
                article_id = add(stores[0])
                first, _, last = stores[0].article(article_id).document.segments()
                splits = [([first], halves(first, 7)), ([last], halves(last, 8, ("b1s1", "b1s2")))]
                barrier = threading.Barrier(2)
                for future in [
                    pool.submit(together, barrier, replace_segments, store, article_id, *split)
                    for store, split in zip(stores, splits, strict=True)
                ]:
                    future.result()
                document = stores[1].article(article_id).document
                ids = [segment.id for segment in document.segments()]
                assert ids == ["b0s2", "b0s3", "b0s1", "b1s1", "b1s2"]
                with stores[1].engine.connect() as connection:
                    rows = connection.execute(
                        select(segments.c.segment_id)
                        .where(segments.c.article_id == article_id)
                        .order_by(segments.c.position)
                    )
                    assert rows.scalars().all() == ids
    finally:
        for store in stores:
            store.close()
