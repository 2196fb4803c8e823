"""Stored articles: translate and store one, read one as reviewed so far (its English
rendered from the reviewed targets), list, delete."""

from __future__ import annotations

from dataclasses import replace

from starlette.concurrency import run_in_threadpool

from service.compose import Runtime
from service.desk.translating import Ask, translate
from service.document import AlignedDocument
from service.markup.render import rendered
from service.store.articles import (
    ArticleStatus,
    ArticleSummary,
    HistoryEntry,
    Store,
    StoredArticle,
)


async def create_article(runtime: Runtime, ask: Ask, title: str | None) -> StoredArticle:
    """Translate and store an article (the API's and the paste form's one path); stored
    articles always have their word pairs, for the review page."""
    document = await translate(runtime, with_alignment(ask))
    return await store_document(runtime, ask, document, title)


def with_alignment(ask: Ask) -> Ask:
    return Ask(**{**vars(ask), "alignment": True})


async def store_document(
    runtime: Runtime, ask: Ask, document: AlignedDocument, title: str | None
) -> StoredArticle:
    """Store a translated document (``ask`` is what was translated); the headline is
    the title when none is given."""
    stored = await run_in_threadpool(
        lambda: runtime.store.add_article(
            document, title=title or title_of(document), source_text=ask.text, fmt=ask.format
        )
    )
    return rendered_article(stored)


def title_of(document: AlignedDocument) -> str | None:
    """The headline, when the reader found one."""
    block = next((block for block in document.blocks if block.kind == "title"), None)
    return " ".join(segment.source for segment in block.segments) if block else None


def read_article(store: Store, article_id: str) -> StoredArticle:
    """An article as reviewed so far: every segment's current target and status, and both
    English texts rendered from them."""
    return rendered_article(store.article(article_id))


def rendered_article(article: StoredArticle) -> StoredArticle:
    """Both English texts follow the reviewed targets; markup is rebuilt from the source."""
    document = article.document
    target_text, target_document = rendered(article.source_text, article.format, document.blocks)
    return replace(
        article,
        document=document.model_copy(
            update={"target_text": target_text, "target_document": target_document}
        ),
    )


def list_articles(
    store: Store,
    *,
    status: ArticleStatus | None = None,
    flag: str | None = None,
    text: str | None = None,
    limit: int,
    offset: int,
) -> tuple[list[ArticleSummary], int]:
    """A page of articles, newest first, and how many match in all."""
    return store.articles(status=status, flag=flag, text=text, limit=limit, offset=offset)


def histories(store: Store, article_id: str) -> dict[str, list[HistoryEntry]]:
    """Every segment's earlier targets (oldest first), by segment id."""
    return store.histories(article_id)


def delete_article(store: Store, article_id: str) -> None:
    store.delete_article(article_id)
