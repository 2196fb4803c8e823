"""Story updates stored: carry-over of reviewed work, revisions kept, If-Match, concurrency."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from service.desk.revisions import list_revisions, read_revision, revise_article
from service.desk.segments import revise_segment
from service.errors import EmptyInput, NotFound, NotGerman, PreconditionFailed, UnstorableText
from service.pipeline.translator import Translator
from service.store.articles import Store, StoredArticle
from service.store.schema import segment_history
from tests.fakes import FakeEngine
from tests.test_revisions_carry import FIRST, SECOND


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    store = Store(database_url)
    try:
        yield store
    finally:
        store.close()


def first_version(store: Store, translator: Translator) -> StoredArticle:
    """Seven sentences; the third edited, the fifth approved."""
    stored = store.add_article(
        translator.translate(FIRST, alignment=True), title=None, source_text=FIRST, fmt="text"
    )
    ids = [segment.id for segment in stored.document.segments()]
    revise_segment(
        store, stored.id, ids[2], target="The fire broke out early on Tuesday.", status=None
    )
    revise_segment(
        store, stored.id, ids[2], target="The blaze broke out early on Tuesday.", status=None
    )
    revise_segment(store, stored.id, ids[4], target=None, status="approved")
    return store.article(stored.id)


def history_rows(store: Store, article_id: str, segment_id: str) -> list[tuple[str, str | None]]:
    with store.reading() as connection:
        rows = connection.execute(
            select(segment_history.c.target, segment_history.c.source)
            .where(
                segment_history.c.article_id == article_id,
                segment_history.c.segment_id == segment_id,
            )
            .order_by(segment_history.c.id)
        ).all()
    return [(row.target, row.source) for row in rows]


def test_an_update_keeps_review_work_and_translates_only_what_changed(store: Store) -> None:
    engine = FakeEngine()
    translator = Translator(engine)
    before = first_version(store, translator)
    old = before.document.segments()
    engine.seen.clear()

    after = revise_article(store, translator, before.id, SECOND)

    document = after.document
    segments = document.segments()
    assert document.revision == 2
    assert [segment.revised for segment in segments] == [
        "kept",
        "changed",
        "kept",
        "changed",
        "kept",
        "new",
        "kept",
    ]
    assert document.revision_summary is not None
    assert document.revision_summary.model_dump() == {
        "kept": 4,
        "changed": 2,
        "new": 1,
        "removed": 1,
        "translated": 3,
    }
    assert len(engine.seen) == 3
    assert after.source_text == SECOND and after.version == before.version + 1
    for segment in segments:
        assert SECOND[segment.source_span[0] : segment.source_span[1]] == segment.source
    # kept: every field as it was, the edit and the approval included
    kept_fields = {"id", "source_span", "revised"}
    for new, previous in [(0, 0), (2, 2), (4, 4), (6, 6)]:
        assert segments[new].model_dump(exclude=kept_fields) == old[previous].model_dump(
            exclude=kept_fields | {"revised"}
        )
    assert segments[2].target == "The blaze broke out early on Tuesday."
    assert (segments[2].origin, segments[2].version) == ("edited", 3)
    assert segments[4].status == "approved"
    histories = store.histories(after.id)
    assert [entry.target for entry in histories[segments[2].id]] == [
        f"EN({old[2].source})",
        "The fire broke out early on Tuesday.",
    ]
    # changed: drafts again, the previous English and German in the history
    for index in (1, 3, 5):
        assert segments[index].status == "draft"
        assert segments[index].target == f"EN({segments[index].source})"
    assert history_rows(store, after.id, segments[1].id) == [(old[1].target, old[1].source)]
    assert segments[1].version == 2 and segments[5].version == 1
    assert after.status == "in_review"

    listing = list_revisions(store, after.id)
    assert [(info.number, info.summary) for info in listing] == [
        (1, None),
        (2, document.revision_summary),
    ]
    assert listing[0].created == before.created
    first = read_revision(store, after.id, 1)
    assert [segment.target for segment in first.segments()] == [s.target for s in old]
    assert first.segments()[4].status == "approved"
    assert read_revision(store, after.id, 2).revision == 2
    with pytest.raises(NotFound):
        read_revision(store, after.id, 3)


def test_a_never_updated_article_has_one_revision(store: Store) -> None:
    translator = Translator(FakeEngine())
    stored = store.add_article(
        translator.translate(FIRST), title=None, source_text=FIRST, fmt="text"
    )
    assert [info.number for info in list_revisions(store, stored.id)] == [1]
    assert read_revision(store, stored.id, 1).revision == 1


def test_bad_updates_change_nothing(store: Store) -> None:
    translator = Translator(FakeEngine())
    before = first_version(store, translator)
    for text, error in [
        ("", EmptyInput),
        ("   \n", EmptyInput),
        ("Ein Satz.\x00", UnstorableText),
        ("The quick brown fox jumps over the lazy dog. It was a sunny day in London.", NotGerman),
    ]:
        with pytest.raises(error):
            revise_article(store, translator, before.id, text)
    with pytest.raises(NotFound):
        revise_article(store, translator, "0123456789abcdef", SECOND)
    with pytest.raises(PreconditionFailed):
        revise_article(
            store, translator, before.id, SECOND, expected=frozenset({before.version - 1})
        )
    assert store.article(before.id) == before
    assert [info.number for info in list_revisions(store, before.id)] == [1]


def test_an_update_overtaken_by_an_edit_is_412_with_if_match_and_rebuilt_without(
    store: Store,
) -> None:
    """An edit lands while the update translates: with If-Match the update fails whole;
    without, it is built again on the edited article and the edit is kept."""
    translator = Translator(FakeEngine())
    before = first_version(store, translator)
    kept_id = before.document.segments()[6].id

    class EditingEngine(FakeEngine):
        edits = 0

        def translate(self, sentences, **options):  # type: ignore[no-untyped-def]
            if not self.edits:
                self.edits += 1
                revise_segment(store, before.id, kept_id, target="Edited meanwhile.", status=None)
            return super().translate(sentences, **options)

    racing = Translator(EditingEngine())
    with pytest.raises(PreconditionFailed):
        revise_article(store, racing, before.id, SECOND, expected=frozenset({before.version}))
    unchanged = store.article(before.id)
    assert unchanged.source_text == FIRST and unchanged.version == before.version + 1

    racing = Translator(EditingEngine())
    after = revise_article(store, racing, before.id, SECOND)
    assert after.document.revision == 2
    assert after.document.segments()[6].target == "Edited meanwhile."


def test_concurrent_updates_one_wins_the_other_412_or_waits(store: Store) -> None:
    translator = Translator(FakeEngine())
    before = first_version(store, translator)
    third = SECOND.replace("Bremen", "Kiel")
    start = threading.Barrier(2)
    results: list[object] = []

    def update(text: str, expected: frozenset[int] | None) -> None:
        start.wait()
        try:
            results.append(revise_article(store, translator, before.id, text, expected=expected))
        except PreconditionFailed as error:
            results.append(error)

    threads = [
        threading.Thread(target=update, args=(SECOND, frozenset({before.version}))),
        threading.Thread(target=update, args=(third, frozenset({before.version}))),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(type(result).__name__ for result in results) == [
        "PreconditionFailed",
        "StoredArticle",
    ]
    assert store.article(before.id).document.revision == 2

    threads = [
        threading.Thread(target=update, args=(SECOND, None)),
        threading.Thread(target=update, args=(third, None)),
    ]
    results.clear()
    start.reset()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(isinstance(result, StoredArticle) for result in results)
    final = store.article(before.id)
    assert final.document.revision == 4
    assert [info.number for info in list_revisions(store, before.id)] == [1, 2, 3, 4]
