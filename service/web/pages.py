"""The pages: the article list, an article's review page, new articles, bulk approval, export."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal, get_args

from fastapi import APIRouter, Depends, Form, Query, Request, Response
from fastapi.responses import RedirectResponse
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from service.desk import articles, segments
from service.desk.exports import export_article as exported
from service.desk.revisions import changed_since_approval
from service.document import Block, Flag
from service.errors import InputError
from service.http.deps import ArticleId, RuntimeDep, StoreDep
from service.http.download import attachment
from service.http.schemas import ArticleCreate
from service.markup.exports import ExportFormat
from service.store.articles import HistoryEntry, StoredArticle
from service.web.auth import require_csrf_form, require_login
from service.web.highlight import Row, row_view, term_colours
from service.web.render import PageRoute, render

PAGE_SIZE = 50
FLAGS: tuple[str, ...] = get_args(Flag)  # offered by the list's filter
EXPORTS: tuple[tuple[ExportFormat, str], ...] = (
    ("tmx", "TMX"),
    ("xliff", "XLIFF"),
    ("txt", "English text"),
)

router = APIRouter(route_class=PageRoute, include_in_schema=False)


@dataclass(frozen=True)
class BlockView:
    block: Block
    rows: list[Row]


@router.get("/", name="index", dependencies=[Depends(require_login)])
def read_index(
    request: Request,
    store: StoreDep,
    status: Literal["", "draft", "in_review", "approved"] = "",
    flag: Annotated[str, Query(max_length=64, pattern=r"^\w*$")] = "",
    q: Annotated[str, Query(max_length=200)] = "",
    page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
) -> Response:
    summaries, count = articles.list_articles(
        store,
        status=status or None,
        flag=flag or None,
        text=q.strip() or None,
        limit=PAGE_SIZE,
        offset=(page - 1) * PAGE_SIZE,
    )
    context = {
        "articles": summaries,
        "count": count,
        "page": page,
        "pages": max(1, -(-count // PAGE_SIZE)),
        "filters": {"status": status, "flag": flag, "q": q},
        "flags": FLAGS,
    }
    return render(request, "index.html", context)


def article_context(
    article: StoredArticle,
    histories: dict[str, list[HistoryEntry]] | None = None,
    *,
    only_changed: bool = False,
) -> dict[str, object]:
    """``only_changed``: the rows of sentences changed or new since their last approval."""
    histories = histories or {}
    document = article.document
    colours = term_colours(document)
    segments = document.segments()
    terms = {
        term.entry: (term.target, colours[term.entry])
        for segment in segments
        for term in segment.terms
        if term.kind != "protected"  # the legend is the glossary's; spans are marked in place
    }
    return {
        "article": article,
        "blocks": [
            BlockView(
                block,
                [
                    row_view(segment, colours, histories.get(segment.id))
                    for segment in block.segments
                    if not only_changed or changed_since_approval(segment)
                ],
            )
            for block in document.blocks
            if not only_changed or any(map(changed_since_approval, block.segments))
        ],
        "only_changed": only_changed,
        "counts": {
            "segments": len(segments),
            "approved": sum(segment.status == "approved" for segment in segments),
            "flagged": sum(bool(segment.flags) for segment in segments),
            "changed": sum(map(changed_since_approval, segments)),
        },
        "terms": terms,
        "exports": EXPORTS,
    }


@router.get("/articles/{article_id}", name="article", dependencies=[Depends(require_login)])
def read_article(
    request: Request, store: StoreDep, article_id: ArticleId, changed: bool = False
) -> Response:
    """``?changed=1``: only the sentences changed or new since their last approval."""
    article = articles.read_article(store, article_id)
    context = article_context(article, articles.histories(store, article_id), only_changed=changed)
    return render(request, "article.html", context)


@router.post("/articles", dependencies=[Depends(require_login), Depends(require_csrf_form)])
async def translate_new_article(
    runtime: RuntimeDep,
    text: Annotated[str, Form()] = "",
    title: Annotated[str, Form(max_length=1000)] = "",
) -> Response:
    """Translate and store pasted German, then open its review page."""
    try:
        request = ArticleCreate(text=text, title=title.strip() or None)
    except ValidationError as error:
        raise InputError(f"the article cannot be stored: {error.errors()[0]['msg']}") from None
    article = await articles.create_article(runtime, request.ask(), request.title)
    return RedirectResponse(f"/articles/{article.id}", status_code=303)


@router.post(
    "/articles/{article_id}/approve-unflagged",
    dependencies=[Depends(require_login), Depends(require_csrf_form)],
)
async def approve_all_unflagged(runtime: RuntimeDep, article_id: ArticleId) -> Response:
    await run_in_threadpool(segments.approve_unflagged, runtime, article_id)
    return RedirectResponse(f"/articles/{article_id}", status_code=303)


@router.get("/articles/{article_id}/export", dependencies=[Depends(require_login)])
def export_article(
    store: StoreDep,
    article_id: ArticleId,
    fmt: Annotated[ExportFormat, Query(alias="format")] = "tmx",
) -> Response:
    return attachment(exported(store, article_id, fmt))
