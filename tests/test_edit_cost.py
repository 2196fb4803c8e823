"""What an edit costs later: localisation spans move once, when the edit is written (reads
never diff), by a linear rule; the review page's word diff of the history is bounded."""

from __future__ import annotations

import difflib
import time
from collections.abc import Iterator

import pytest

from service.desk.segments import carried, revise_segment
from service.document import AlignedDocument, Block, Localisation, Segment
from service.store import articles
from service.store.articles import Store
from service.web.diff import TOO_LONG, word_diff


def change(target: str, after: str, before: str = "color") -> Localisation:
    start = target.index(after)
    return Localisation(
        rule="spelling", before=before, after=after, target_span=(start, start + len(after))
    )


def spans(changes: list[Localisation], text: str) -> list[str]:
    return [text[start:end] for start, end in (c.target_span for c in changes)]


def test_changes_before_and_after_an_edit_keep_their_text() -> None:
    before = "The colour of the centre is grey."
    changes = [change(before, "colour"), change(before, "centre"), change(before, "grey")]
    after = "The colour of the new centre is grey."
    kept = carried(changes, before, after)
    assert spans(kept, after) == ["colour", "centre", "grey"]


def test_an_edit_that_rewrites_a_change_drops_it() -> None:
    before = "The colour of the centre is grey."
    changes = [change(before, "colour"), change(before, "centre")]
    after = "The color of the centre is grey."
    assert spans(carried(changes, before, after), after) == ["centre"]


def test_edits_on_both_sides_keep_a_change_between_them() -> None:
    before = "Old start, and the colour stays; old end."
    changes = [change(before, "colour")]
    after = "A new start, and the colour stays; a new end!"
    assert spans(carried(changes, before, after), after) == ["colour"]


def test_a_change_whose_text_repeats_in_the_edit_is_dropped_rather_than_guessed() -> None:
    before = "Start colour end."
    changes = [change(before, "colour")]
    after = "Begin colour, colour finish."
    assert carried(changes, before, after) == []


def test_moving_spans_is_linear_in_the_text() -> None:
    """difflib's SequenceMatcher(autojunk=False) took seconds for one 5,000-character edit;
    here the longest target an edit may send (20,000 characters) with 280 changes,
    edited in two places, takes a fraction of a second."""
    units = [f"Item {i}: the colour of the centre. " for i in range(560)]
    before = "".join(units)
    changes = []
    for i in range(0, 560, 2):
        start = before.index(f"Item {i}:")
        changes.append(
            Localisation(
                rule="spelling",
                before=f"item {i}:",
                after=f"Item {i}:",
                target_span=(start, start + len(f"Item {i}:")),
            )
        )
    half = len(before) // 2
    after = "Edited. " + before[:half] + "A rewrite. " + before[half:]
    started = time.perf_counter()
    kept = carried(changes, before, after)
    assert time.perf_counter() - started < 0.5
    assert len(before) > 20_000
    assert spans(kept, after) == [c.after for c in changes]


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    store = Store(database_url)
    yield store
    store.close()


def localised_article(store: Store, target: str) -> str:
    segment = Segment(
        id="b0s0",
        source="Die Farbe.",
        target=target,
        source_span=(0, 10),
        score=-0.5,
        localisation=[change(target, "colour")],
    )
    document = AlignedDocument(
        id="x",
        model="toy",
        blocks=[Block(index=0, kind="paragraph", segments=[segment])],
        target_text=target,
        target_document=target,
    )
    return store.add_article(document, title=None, source_text="Die Farbe.", fmt="text").id


def test_reads_after_an_edit_do_not_diff(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """The spans are moved when the edit is written; reading the article or the segment
    afterwards compares no texts (a 5,000-character edit made every read take 5.6 s)."""
    target = "The colour. " + "More words here. " * 300
    article_id = localised_article(store, target)
    revise_segment(store, article_id, "b0s0", target="Now: " + target, status=None)

    def no_diffing(*args: object, **kwargs: object) -> None:
        raise AssertionError("a read diffed the texts")

    monkeypatch.setattr(difflib, "SequenceMatcher", no_diffing)
    monkeypatch.setattr(articles, "SequenceMatcher", no_diffing, raising=False)
    segment = store.segment(article_id, "b0s0").segment
    assert spans(segment.localisation, segment.target) == ["colour"]
    assert segment.localisation[0].target_span == (9, 15)
    assert store.article(article_id).document.segments()[0].localisation == segment.localisation


def test_an_edit_rewriting_the_change_leaves_no_mark(store: Store) -> None:
    article_id = localised_article(store, "The colour is grey.")
    edited = revise_segment(store, article_id, "b0s0", target="The color is grey.", status=None)
    assert edited.segment.localisation == []
    assert store.segment(article_id, "b0s0").segment.localisation == []


def test_the_history_diff_of_long_rewrites_is_bounded() -> None:
    """Two 12,000-character rewrites took 7.4 s to diff word by word; past the bound the
    page shows both texts whole, marked too long to compare."""
    before = " ".join(f"w{i}" for i in range(3_000))[:12_000]
    after = " ".join(f"v{i}" for i in range(3_000))[:12_000]
    started = time.perf_counter()
    pieces = word_diff("Same start. " + before, "Same start. " + after)
    assert time.perf_counter() - started < 1.0
    assert [piece.kind for piece in pieces][:4] == ["same", "note", "del", "ins"]
    assert pieces[1].text == TOO_LONG
    assert pieces[2].text.startswith("w0") and pieces[3].text.startswith("v0")


def test_short_edits_are_still_diffed_word_by_word() -> None:
    pieces = word_diff("The talks went on today.", "The talks continued today.")
    assert [(piece.kind, piece.text) for piece in pieces] == [
        ("same", "The talks "),
        ("del", "went on"),
        ("ins", "continued"),
        ("same", " today."),
    ]
