"""A new German version of a story: the reviewers' work on unchanged sentences carries over.

``carry_over(translator, article, previous)`` is the story update path's core,
shared by the API, the pages and the CLI (``--previous``):

1. The new German is split as any article is (``Translator.plan``), and its
   sentences are matched to the previous document's
   (``service.desk.revisions_match``).
2. ``kept`` sentences take the previous segment whole (target, status,
   origin, terms, flags, findings, alignment …), under their new id and span.
3. ``changed`` and ``new`` ones go through the pipeline (memory first, then
   the engine); a changed one is a draft again, whatever the memory says:
   its German moved under the reviewer's English, and a human must look.
4. The document is assembled as a fresh one, with ``revised`` on every
   segment, ``revision`` and ``revision_summary`` (``translated`` counts the
   sentences the engine translated).

``revise_article`` stores it over an article (``service.store.revisions``):
the article's ETag is checked before the work and again, under the article's
lock, in the one transaction that writes it. With ``expected`` (If-Match) a
stale article is ``PreconditionFailed``; without, an update that another one
overtook is built again on the newer version (updates of one article in one
process queue for a lock first, so the second is built on what the first stored).
"""

from __future__ import annotations

import difflib
import threading
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import cast

from starlette.concurrency import run_in_threadpool

from service.checks.reading import read_checked
from service.compose import Runtime
from service.desk.articles import rendered_article
from service.desk.revisions_match import match_sentences
from service.desk.translating import READABLE_FORMATS, readable
from service.document import AlignedDocument, RevisionSummary, Segment
from service.errors import (
    EmptyInput,
    InputTooLarge,
    PreconditionFailed,
    UnsupportedFormat,
)
from service.markup.article import Article, Format
from service.pipeline.guard import about_article
from service.pipeline.translator import Translator, protected_spans
from service.store import revisions as stored_revisions
from service.store.articles import Store, StoredArticle
from service.store.revisions import NewVersion, RevisionInfo, stale_article


@dataclass(frozen=True)
class Revision:
    """A new version's document and where each of its segments came from."""

    document: AlignedDocument
    previous: dict[str, Segment]  # new segment id -> the previous segment it continues
    summary: RevisionSummary

    def changed(self) -> frozenset[str]:
        return frozenset(s.id for s in self.document.segments() if s.revised == "changed")


def carry_over(
    translator: Translator, article: Article, previous: AlignedDocument, *, alignment: bool
) -> Revision:
    """The document of ``article`` (a new version of ``previous``'s German, read and
    checked), the previous segments carried over where their German is unchanged."""
    planned = translator.plan(article)
    old = previous.segments()
    matching = match_sentences(
        [segment.source for segment in old],
        [article.text[plan.start : plan.end] for plan in planned],
    )
    earlier: dict[str, Segment] = {}
    fresh = []
    for plan, match in zip(planned, matching.sentences, strict=True):
        if match.old is not None:
            earlier[plan.id] = old[match.old]
        if match.revised != "kept":
            fresh.append(plan)
    protected = protected_spans(article, planned)
    translated, aligned = translator.translate_planned(article, fresh, protected, None, alignment)
    by_id = {segment.id: segment for segment in translated}
    segments = []
    for plan, match in zip(planned, matching.sentences, strict=True):
        if match.revised == "kept":
            segment = moved(earlier[plan.id], plan.id, article.text, (plan.start, plan.end))
        elif match.revised == "changed":
            segment = back_to_draft(by_id[plan.id])
        else:
            segment = by_id[plan.id]
        segments.append(segment.model_copy(update={"revised": match.revised}))
    summary = RevisionSummary(
        kept=matching.count("kept"),
        changed=matching.count("changed"),
        new=matching.count("new"),
        removed=len(matching.removed),
        translated=sum(segment.origin == "model" for segment in translated),
    )
    document = translator.document(article, planned, segments, aligned)
    document = document.model_copy(
        update={"revision": (previous.revision or 1) + 1, "revision_summary": summary}
    )
    return Revision(document, earlier, summary)


def moved(segment: Segment, new_id: str, text: str, span: tuple[int, int]) -> Segment:
    """A kept segment under its new id and span. Its German may differ in whitespace or
    Unicode form alone (the matcher ignores those): then the spans into it (terms,
    findings, localisation, alignment) are mapped onto the new German."""
    source = text[span[0] : span[1]]
    update: dict[str, object] = {"id": new_id, "source": source, "source_span": span}
    if source != segment.source:
        at = offset_map(segment.source, source)

        def mapped(old: tuple[int, int] | None) -> tuple[int, int] | None:
            return None if old is None else (at[old[0]], at[old[1]])

        update |= {
            "terms": [
                term.model_copy(update={"source_span": mapped(term.source_span)})
                for term in segment.terms
            ],
            "findings": [
                finding.model_copy(update={"source_span": mapped(finding.source_span)})
                for finding in segment.findings
            ],
            "localisation": [
                change.model_copy(update={"source_span": mapped(change.source_span)})
                for change in segment.localisation
            ],
            "alignment": [
                (at_pair, target)
                for source_pair, target in segment.alignment or []
                if (at_pair := mapped(source_pair)) is not None
            ]
            if segment.alignment is not None
            else None,
        }
    return segment.model_copy(update=update)


def offset_map(old: str, new: str) -> list[int]:
    """For each offset 0..len(old) in ``old``, the offset of the same place in ``new``
    (two spellings of one sentence that differ in whitespace or Unicode form)."""
    at = [0] * (len(old) + 1)
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        for offset in range(a1, a2 + 1):
            # inside a replaced run, offsets keep their place proportionally
            share = (offset - a1) / (a2 - a1) if a2 > a1 else 0.0
            at[offset] = b1 + (offset - a1 if tag == "equal" else round(share * (b2 - b1)))
    return at


def changed_since_approval(segment: Segment) -> bool:
    """A sentence a story update changed or added that no reviewer has approved since."""
    return segment.revised in ("changed", "new") and segment.status != "approved"


def back_to_draft(segment: Segment) -> Segment:
    """A changed sentence's new English waits for a reviewer, even a remembered approval."""
    if segment.status == "draft":
        return segment
    return segment.model_copy(update={"status": "draft", "origin": "memory"})


ATTEMPTS = 5  # builds of one update that other writers may overtake before it gives up


def revise_article(
    store: Store,
    translator: Translator,
    article_id: str,
    text: str,
    *,
    fmt: Format | None = None,
    title: str | None = None,
    expected: frozenset[int] | None = None,
) -> StoredArticle:
    """Store ``text`` as the article's next German version; the article as it is then.

    ``fmt`` defaults to the article's format. The text is checked as a new article's
    is (empty, NUL, not German) before anything is read or written.
    """
    with article_turn(article_id), about_article(article_id):
        for _attempt in range(ATTEMPTS):
            stored = rendered_article(store.article(article_id))  # NotFound: unknown article
            if expected is not None and stored.version not in expected:
                raise stale_article(article_id, stored.version)
            article = read_checked(text, fmt or cast(Format, stored.format))
            revision = carry_over(translator, article, stored.document, alignment=True)
            new = NewVersion(
                base_version=stored.version,
                previous=stored.document,
                document=revision.document.model_copy(update={"id": article_id}),
                source_text=text,
                fmt=article.format,
                title=title,
                continues={new_id: old.id for new_id, old in revision.previous.items()},
                changed=revision.changed(),
            )
            try:
                with store.writing() as connection:
                    stored_revisions.replace_version(connection, article_id, new, datetime.now(UTC))
            except PreconditionFailed:
                if expected is not None:
                    raise
                continue  # overtaken by another writer: build again on what it wrote
            return rendered_article(store.article(article_id))
        raise stale_article(article_id, store.article(article_id).version)


def list_revisions(store: Store, article_id: str) -> list[RevisionInfo]:
    """The article's versions, oldest first (number, when made, what each changed)."""
    with store.reading() as connection:
        return stored_revisions.listing(connection, article_id)


def read_revision(store: Store, article_id: str, number: int) -> AlignedDocument:
    """Version ``number`` of the article as it was when the next replaced it (the current
    one as it is now)."""
    with store.reading() as connection:
        document = stored_revisions.stored_revision(connection, article_id, number)
    if document is not None:
        return document
    current = rendered_article(store.article(article_id)).document
    return current.model_copy(update={"revision": current.revision or 1})


_turns: dict[str, threading.Lock] = defaultdict(threading.Lock)
_waiting: dict[str, int] = defaultdict(int)
_turns_lock = threading.Lock()


@contextmanager
def article_turn(article_id: str) -> Iterator[None]:
    """Updates of one article in this process one after another (a lock per article,
    dropped when nobody waits for it)."""
    with _turns_lock:
        _waiting[article_id] += 1
        lock = _turns[article_id]
    try:
        with lock:
            yield
    finally:
        with _turns_lock:
            _waiting[article_id] -= 1
            if not _waiting[article_id]:
                del _waiting[article_id], _turns[article_id]


async def update_article(
    runtime: Runtime,
    article_id: str,
    text: str,
    *,
    fmt: str | None = None,
    title: str | None = None,
    expected: frozenset[int] | None = None,
) -> StoredArticle:
    """The API's and the pages' story update: the plain checks of a new article first
    (size, empty, format), then ``revise_article`` in a worker thread with a translator
    like the article's (its glossary, its target language)."""
    if len(text) > runtime.settings.max_chars:
        raise InputTooLarge(len(text), runtime.settings.max_chars)
    if not text.strip():
        raise EmptyInput()
    if fmt is not None and not readable(fmt):
        raise UnsupportedFormat(fmt, READABLE_FORMATS)

    def revise() -> StoredArticle:
        document = runtime.store.article(article_id).document  # NotFound before any work
        glossary = runtime.article_glossary(document)
        translator = runtime.translator(None, glossary, document.target_lang, style=document.style)
        stored = revise_article(
            runtime.store,
            translator,
            article_id,
            text,
            fmt=cast(Format | None, fmt),
            title=title,
            expected=expected,
        )
        return stored

    return await run_in_threadpool(revise)
