"""A reviewer's work on segments: edits, approvals, undoing a localisation change.

The review rules live here, and the store only writes what they decide
(``service.store.articles.SegmentWrite``): the origin an edit gives a segment,
its re-audit (terms, flags, findings), where its localisation changes moved, and
whether the translation memory learns an approved target or forgets one no
longer approved. The API and the pages call these functions; neither holds a rule.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from service.compose import Runtime
from service.document import Localisation, Origin, Segment, SegmentStatus
from service.errors import EditConflict
from service.pipeline.guard import about_article
from service.store.articles import SegmentWrite, Store, StoredSegment

# Recomputes an edited segment's terms, flags and findings for its new target
# (``service.pipeline.review.SegmentAudit``, which ``Runtime.segment_audit`` builds).
SegmentCheck = Callable[[Segment], Segment]


def read_segment(store: Store, article_id: str, segment_id: str) -> StoredSegment:
    return store.segment(article_id, segment_id)


def edit_segment(
    runtime: Runtime,
    article_id: str,
    segment_id: str,
    target: str | None,
    status: SegmentStatus | None,
    expected: frozenset[int] | None = None,
) -> StoredSegment:
    """A reviewer's edit, stored with its re-audit (the API's and the pages' one path).
    ``expected``: the version the editor read (If-Match), else the last write wins."""
    return revise_segment(
        runtime.store,
        article_id,
        segment_id,
        target=target,
        status=status,
        check=runtime.segment_audit(article_id),
        expected=expected,
    )


def revise_segment(
    store: Store,
    article_id: str,
    segment_id: str,
    *,
    target: str | None,
    status: SegmentStatus | None,
    check: SegmentCheck | None = None,
    expected: frozenset[int] | None = None,
) -> StoredSegment:
    """Store an edit as the review rules make it (``reviewed``), in one transaction with
    the read of the segment it changes. Without ``check`` the terms stay and a reviewed
    target loses the model output's flags."""
    with about_article(article_id):  # named in the log line of a failing re-audit
        return store.write_segment(
            article_id,
            segment_id,
            lambda current: reviewed(current, target, status, check),
            expected=expected,
        )


def reviewed(
    current: Segment,
    target: str | None,
    status: SegmentStatus | None,
    check: SegmentCheck | None = None,
) -> SegmentWrite:
    """What an edit makes of ``current``: an approved target goes to the memory (where it
    wins over model output for the same sentence), a target no longer approved leaves it;
    the origin becomes ``approved`` or ``edited`` (a reviewer's text); the localisation
    changes the edit left untouched move with the text around them. A reviewer's text has
    no model score."""
    new_target = current.target if target is None else target
    new_status = status or current.status
    changed = new_target != current.target
    reviewed_now = changed or new_status == "approved"
    new = current.model_copy(
        update={
            "target": new_target,
            "status": new_status,
            "origin": origin_after(current, changed, new_status),
            "score": None if changed else current.score,
            "localisation": carried(current.localisation, current.target, new_target),
        }
    )
    if check is not None:
        new = check(new)
    elif reviewed_now:
        new = new.model_copy(update={"flags": [], "findings": []})
    if new_status == "approved":
        return SegmentWrite(new, memory="approve")
    return SegmentWrite(new, memory="withdraw" if current.status == "approved" else None)


def origin_after(current: Segment, changed: bool, status: SegmentStatus) -> Origin:
    if status == "approved":
        return "approved"
    if changed or current.origin == "approved":
        return "edited"  # a reviewer's text, not (or no longer) approved
    return current.origin


def carried(changes: Sequence[Localisation], before: str, after: str) -> list[Localisation]:
    """The changes an edit from ``before`` to ``after`` left untouched, their spans moved;
    an edit that undoes or rewrites a change drops it. Linear in the texts' length.

    The text both share at the start stays where it was, the text both share at the end
    moves by the difference in length (one edit, the review page's and most PATCHes: exact).
    A change inside the edited middle (edits in several places) is kept only where its
    English occurs there exactly once before and after the edit, and in the same order
    as the other kept changes. Each change costs one pass over the middle.
    """
    changes = list(changes)
    if before == after or not changes:
        return changes
    prefix = common_prefix(before, after)
    suffix = common_prefix(before[prefix:][::-1], after[prefix:][::-1])
    shift = len(after) - len(before)
    middle_before = (prefix, len(before) - suffix)
    middle_after = after[prefix : len(after) - suffix]
    kept = []
    last = -1  # kept changes stay in order
    for change in changes:
        start, end = change.target_span
        if not 0 <= start < end <= len(before):
            continue
        if end <= prefix:
            moved = (start, end)
        elif start >= middle_before[1]:
            moved = (start + shift, end + shift)
        else:
            found = unique_move(before, start, end, middle_before, middle_after)
            if found is None:
                continue
            moved = (prefix + found, prefix + found + end - start)
        if moved[0] < last:
            continue
        last = moved[1]
        kept.append(change.model_copy(update={"target_span": moved}))
    return kept


def unique_move(
    before: str, start: int, end: int, middle: tuple[int, int], middle_after: str
) -> int | None:
    """Where ``before[start:end]`` is in the edited middle's new text, if that text is
    there exactly once, before and after the edit (else the change is not guessed at)."""
    if start < middle[0] or end > middle[1]:
        return None  # the change straddles a kept end and the edit
    piece = before[start:end]
    if before[middle[0] : middle[1]].count(piece) != 1 or middle_after.count(piece) != 1:
        return None
    return middle_after.index(piece)


def common_prefix(a: str, b: str) -> int:
    """How many characters ``a`` and ``b`` share at their start (C-speed bisection)."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        mid = (low + high + 1) // 2
        if a[:mid] == b[:mid]:
            low = mid
        else:
            high = mid - 1
    return low


def approve_unflagged(runtime: Runtime, article_id: str) -> int:
    """Approve every draft segment without flags; how many were approved. A sentence whose
    German a story update changed waits for a human (``revised``: its English may no longer
    say what the German now does)."""
    store = runtime.store
    drafts = [
        segment.id
        for segment in store.article(article_id).document.segments()
        if segment.status == "draft" and not segment.flags and segment.revised != "changed"
    ]
    check = runtime.segment_audit(article_id)
    for segment_id in drafts:
        revise_segment(store, article_id, segment_id, target=None, status="approved", check=check)
    return len(drafts)


def undo_localisation(
    runtime: Runtime, article_id: str, segment_id: str, index: int, expected: frozenset[int] | None
) -> StoredSegment:
    """The English before one localisation change, saved as an edit (so into the history);
    ``expected``: the version the page loaded, as for any edit."""
    segment = runtime.store.segment(article_id, segment_id).segment
    if index >= len(segment.localisation):
        raise EditConflict(
            "that localisation change is no longer in the segment; reload the page",
            detail={"change": index, "changes": len(segment.localisation)},
        )
    change = segment.localisation[index]
    start, end = change.target_span
    target = segment.target[:start] + change.before + segment.target[end:]
    return edit_segment(runtime, article_id, segment_id, target, None, expected)
