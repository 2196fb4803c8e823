import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select

from service.desk.articles import read_article
from service.desk.segments import revise_segment
from service.document import AlignedDocument, Block, Segment, SegmentStatus
from service.errors import NotFound
from service.store import memory_rows
from service.store.articles import Store
from service.store.memory import memory_key
from service.store.schema import articles, memory, segment_history

TEXT = "Erster Satz. Zweiter Satz.\n\nDritter Satz."


def make_document(flags: tuple[list[str], ...] = ([], [], [])) -> AlignedDocument:
    spans = [(0, 12), (13, 26), (28, 41)]
    sources = [TEXT[start:end] for start, end in spans]
    segments = [
        Segment(
            id=f"b{0 if i < 2 else 1}s{i if i < 2 else 0}",
            source=source,
            target=f"Sentence {i}.",
            source_span=span,
            score=-0.5,
            flags=flags[i],
        )
        for i, (source, span) in enumerate(zip(sources, spans, strict=True))
    ]
    return AlignedDocument(
        id="content-hash",
        model="toy",
        blocks=[
            Block(index=0, kind="paragraph", segments=segments[:2]),
            Block(index=1, kind="paragraph", segments=segments[2:]),
        ],
        target_text="Sentence 0. Sentence 1.\n\nSentence 2.",
        target_document="Sentence 0. Sentence 1.\n\nSentence 2.",
    )


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    store = Store(database_url)
    yield store
    store.close()


def add(store: Store, title: str = "T", **kwargs: tuple[list[str], ...]) -> str:
    return store.add_article(make_document(**kwargs), title=title, source_text=TEXT, fmt="text").id


def test_an_article_reads_back_as_stored(store: Store) -> None:
    stored = store.add_article(make_document(), title="Titel", source_text=TEXT, fmt="text")
    again = store.article(stored.id)
    assert again == stored
    assert again.document.id == stored.id != "content-hash"
    expected = make_document().model_dump(exclude={"id"})
    expected["revision"] = 1  # the story's first German version
    for block in expected["blocks"]:
        for segment in block["segments"]:
            segment["version"] = 1  # a stored segment's first version
    assert again.document.model_dump(exclude={"id"}) == expected
    assert again.version == 1
    assert (again.title, again.status, again.format) == ("Titel", "draft", "text")
    assert again.created.tzinfo is not None


def test_sqlite_is_in_wal_mode(store: Store) -> None:
    if store.engine.dialect.name != "sqlite":
        pytest.skip("a SQLite setting")
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_listing_pages_newest_first_and_filters(store: Store) -> None:
    ids = [add(store, title=f"a{i}") for i in range(5)]
    flagged = add(store, title="flagged", flags=([], ["length_ratio", "repetition"], []))
    page, count = store.articles(status=None, flag=None, limit=2, offset=0)
    assert count == 6 and [summary.id for summary in page] == [flagged, ids[4]]
    page, _ = store.articles(status=None, flag=None, limit=2, offset=4)
    assert [summary.id for summary in page] == [ids[1], ids[0]]
    page, count = store.articles(status=None, flag="repetition", limit=10, offset=0)
    assert count == 1 and page[0].flags == ["length_ratio", "repetition"]
    assert (page[0].segments, page[0].approved) == (3, 0)
    revise_segment(store, ids[0], "b0s0", target=None, status="approved")
    page, count = store.articles(status="in_review", flag=None, limit=10, offset=0)
    assert count == 1 and page[0].id == ids[0] and page[0].approved == 1


def test_an_edit_keeps_the_previous_target_in_the_history(store: Store) -> None:
    article_id = add(store)
    revise_segment(store, article_id, "b0s1", target="Second sentence.", status=None)
    edited = revise_segment(
        store, article_id, "b0s1", target="The second sentence.", status="approved"
    )
    assert edited.segment.target == "The second sentence."
    assert (edited.segment.status, edited.segment.origin) == ("approved", "approved")
    assert [entry.target for entry in edited.history] == ["Sentence 1.", "Second sentence."]
    assert [entry.status for entry in edited.history] == ["draft", "draft"]
    article = read_article(store, article_id)
    assert article.status == "in_review"
    assert article.document.target_text == "Sentence 0. The second sentence.\n\nSentence 2."
    assert article.document.target_document == article.document.target_text
    assert article.updated > article.created


def test_a_reviewed_target_drops_the_model_output_flags(store: Store) -> None:
    flags = ([], ["length_ratio", "repetition"], ["repetition"])
    article_id = add(store, flags=flags)
    revise_segment(store, article_id, "b0s1", target="Sentence one.", status=None)
    revise_segment(store, article_id, "b1s0", target=None, status="approved")
    document = store.article(article_id).document
    assert [segment.flags for segment in document.segments()] == [[], [], []]
    page, count = store.articles(status=None, flag="repetition", limit=10, offset=0)
    assert (page, count) == ([], 0)
    # Taking an approval back does not bring the old warnings back either.
    revise_segment(store, article_id, "b1s0", target=None, status="draft")
    assert store.article(article_id).document.segments()[2].flags == []


def test_approving_every_segment_approves_the_article(store: Store) -> None:
    article_id = add(store)
    for segment_id in ("b0s0", "b0s1", "b1s0"):
        revise_segment(store, article_id, segment_id, target=None, status="approved")
    assert store.article(article_id).status == "approved"


def test_approved_edits_go_to_the_memory_and_win(store: Store) -> None:
    article_id = add(store)
    keys = {"model-key"}
    store.memory_add({"model-key": ("Zweiter Satz.", "Model output.", -0.2)}, "toy", "")
    assert store.memory_lookup(keys, "toy", "")["model-key"].origin == "memory"
    revise_segment(store, article_id, "b0s1", target="Approved.", status="approved")
    approved = store.memory_lookup({memory_key("Zweiter Satz.")}, "toy", "")
    assert [(hit.target, hit.origin) for hit in approved.values()] == [("Approved.", "approved")]
    store.memory_add(
        {memory_key("Zweiter Satz."): ("Zweiter Satz.", "Later model.", -0.1)}, "toy", ""
    )
    again = store.memory_lookup({memory_key("Zweiter Satz.")}, "toy", "")
    assert [hit.target for hit in again.values()] == ["Approved."]  # not overwritten


def test_unknown_ids_are_not_found_and_change_nothing(store: Store) -> None:
    article_id = add(store)
    with pytest.raises(NotFound, match="no article"):
        store.article("0" * 16)
    with pytest.raises(NotFound, match="no article"):
        revise_segment(store, "0" * 16, "b0s0", target="x", status=None)
    with pytest.raises(NotFound, match="has no segment 'b9s9'"):
        revise_segment(store, article_id, "b9s9", target="x", status=None)
    with pytest.raises(NotFound):
        store.delete_article("0" * 16)
    assert store.article(article_id).document.segments()[0].target == "Sentence 0."
    with store.engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(segment_history)).scalar() == 0


def test_a_failed_write_leaves_nothing_behind(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    article_id = add(store)

    def fail(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(memory_rows, "approve", fail)
    with pytest.raises(RuntimeError, match="disk full"):
        revise_segment(store, article_id, "b0s0", target="Edited.", status="approved")
    article = store.article(article_id)
    assert article.document.segments()[0].target == "Sentence 0." and article.status == "draft"
    with store.engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(segment_history)).scalar() == 0
        assert connection.execute(select(func.count()).select_from(memory)).scalar() == 0


def test_delete_removes_the_article_and_its_segments(store: Store) -> None:
    article_id = add(store)
    revise_segment(store, article_id, "b0s0", target="x", status=None)
    kept = add(store)
    store.delete_article(article_id)
    with pytest.raises(NotFound):
        store.article(article_id)
    assert store.article(kept).id == kept
    with store.engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(articles)).scalar() == 1
        assert connection.execute(select(func.count()).select_from(segment_history)).scalar() == 0


def test_concurrent_writers_all_succeed(store: Store) -> None:
    article_id = add(store)
    errors: list[BaseException] = []

    def work(i: int) -> None:
        try:
            add(store, title=f"t{i}")
            revise_segment(store, article_id, "b0s0", target=f"edit {i}", status=None)
        except BaseException as error:  # collected: a thread's exception would be lost
            errors.append(error)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert store.articles(status=None, flag=None, limit=100, offset=0)[1] == 9
    assert len(store.segment(article_id, "b0s0").history) == 8


def test_two_stores_approving_sibling_segments_at_once_agree_on_the_status(
    database_url: str,
) -> None:
    """Two processes on one database (two stores here): the last edit's count sees the other's."""
    stores = [Store(database_url), Store(database_url)]
    article_id = add(stores[0])
    shares = [("b0s0", "b1s0"), ("b0s1",)]  # each store reviews its own segments

    def review(k: int, status: SegmentStatus, barrier: threading.Barrier) -> None:
        barrier.wait()
        for segment_id in shares[k]:
            revise_segment(stores[k], article_id, segment_id, target=None, status=status)

    statuses: list[SegmentStatus] = ["approved", "draft"] * 50
    try:
        with ThreadPoolExecutor(2) as pool:
            for status in statuses:
                barrier = threading.Barrier(2)
                for future in [pool.submit(review, k, status, barrier) for k in range(2)]:
                    future.result()
                assert stores[1].article(article_id).status == status
    finally:
        for store in stores:
            store.close()
