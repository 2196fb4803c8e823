"""Request and response bodies of the HTTP API (the aligned document itself is in
``service.document``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any, Generic, Literal, Self, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from glossary import Entry, Glossary, GlossaryError
from glossary import Kind as EntryKind
from service.compose import UNSET
from service.desk.translating import Ask
from service.document import AlignedDocument, Origin, Segment, SegmentStatus
from service.errors import GlossaryInvalid, unstorable
from service.store.articles import ArticleStatus, StoredArticle

InputFormat = Literal["text", "markdown", "html"]


def storable(value: str) -> str:
    if problem := unstorable(value):
        raise ValueError(problem)
    return value


UserText = Annotated[str, AfterValidator(storable)]

Item = TypeVar("Item")


@dataclass(frozen=True)
class Paging:
    """Which page of a list a request asks for (``service.http.deps.PagingDep``)."""

    limit: int
    offset: int

    def window(self, items: Sequence[Item]) -> list[Item]:
        """This page of a list held whole in memory."""
        return list(items[self.offset : self.offset + self.limit])


class Page(BaseModel, Generic[Item]):
    """The one envelope of every list the API answers: a page of ``items`` and where it
    lies among all that match."""

    items: list[Item]
    total: int = Field(description="Items matching the request's filters, over all pages")
    limit: int = Field(description="The most items a page holds: the `limit` asked for")
    offset: int = Field(description="Matching items before this page: the `offset` asked for")

    @classmethod
    def of(cls, items: list[Item], total: int, paging: Paging) -> Self:
        return cls(items=items, total=total, limit=paging.limit, offset=paging.offset)


class StrictModel(BaseModel):
    model_config = ConfigDict(extra="forbid")  # a misspelt field is an error, not a no-op


class GlossaryEntryIn(StrictModel):
    source: UserText = Field(min_length=1, max_length=200, description="German base form")
    target: UserText = Field(min_length=1, max_length=200, description="English rendering")
    kind: EntryKind = "term"
    case_sensitive: bool = False
    context: list[UserText] = Field(
        default_factory=list, description="Words one of which must appear in the sentence"
    )
    note: UserText | None = None


class GlossaryInline(StrictModel):
    entries: list[GlossaryEntryIn] = Field(max_length=10_000)


class TranslateOptions(StrictModel):
    beam_size: int | None = Field(
        default=None, ge=1, le=16, description="Beam width; default MTDESK_BEAM_SIZE"
    )
    alignment: bool = Field(
        default=False,
        description="Word pairs (`alignment`) for every segment; stored articles always have them",
    )


class TranslateRequest(StrictModel):
    """A German article to translate. ``text/plain`` bodies are the ``text`` alone."""

    text: UserText = Field(
        description="The article; blank lines separate paragraphs (MTDESK_MAX_CHARS at most)",
        examples=["Blinken trifft Lawrow in Genf.\n\nDie Gespräche dauerten zwei Stunden."],
    )
    format: InputFormat = Field(default="text", description="How `text` is marked up")
    source_lang: Literal["de", "auto"] = Field(
        default="de",
        description=(
            "`de`: an article that is not German is refused (422 `not_german`); `auto`: "
            "any article is taken, its German sentences translated and the others kept"
        ),
    )
    title: UserText | None = Field(default=None, max_length=1000)
    target_lang: str | None = Field(
        default=None,
        description="`en` (the model's English as it is), `en-GB` or `en-US` (that locale's "
        "conventions applied, each change under the segment's `localisation`); default "
        "MTDESK_TARGET_LANG",
    )
    style: str | None = Field(
        default=None,
        description="House style on top of `target_lang`: `ap`, `reuters` (en-US), `guardian`, "
        "`bbc` (en-GB); default MTDESK_STYLE where it is that locale's",
        examples=["guardian"],
    )
    glossary: Annotated[str, Field(max_length=200)] | GlossaryInline | None = Field(
        default=None, description="A stored glossary by name, or entries for this request"
    )
    options: TranslateOptions = Field(default_factory=TranslateOptions)

    def ask(self, *, alignment: bool = False) -> Ask:
        """The request as the use case takes it (``alignment``: word pairs whatever the
        options say)."""
        inline = self.glossary
        return Ask(
            text=self.text,
            format=self.format,
            source_lang=self.source_lang,
            target_lang=self.target_lang,
            style=self.style,
            beam_size=self.options.beam_size,
            alignment=alignment or self.options.alignment,
            glossary=(
                UNSET
                if inline is None
                else inline
                if isinstance(inline, str)
                else (lambda: inline_glossary(inline) if inline.entries else None)
            ),
        )


class ArticleCreate(TranslateRequest):
    """An article to translate and store, for review and export."""


class ArticleSummaryPublic(BaseModel):
    id: str
    title: str | None
    created: datetime
    updated: datetime
    status: ArticleStatus
    format: str
    model: str
    segments: int = Field(description="Segments in all")
    approved: int = Field(description="Segments a reviewer approved")
    flags: list[str] = Field(description="Quality flags raised on any of its segments")


class ArticlePublic(AlignedDocument):
    """A stored article: the aligned document as reviewed so far, and its metadata."""

    title: str | None
    created: datetime
    updated: datetime
    status: ArticleStatus
    format: str
    version: int = Field(description="Grows with every change to its segments (its ETag)")


class ArticlesPublic(Page[ArticleSummaryPublic]):
    """Stored articles, newest first."""


class SegmentUpdate(StrictModel):
    """A reviewer's edit: a new target, a new status, or both."""

    target: UserText | None = Field(default=None, min_length=1, max_length=20_000)
    status: SegmentStatus | None = None

    @model_validator(mode="after")
    def changes_something(self) -> SegmentUpdate:
        if self.target is None and self.status is None:
            raise ValueError("send `target`, `status` or both")
        return self


class HistoryEntryPublic(BaseModel):
    target: str
    status: SegmentStatus
    origin: Origin
    replaced: datetime = Field(description="When a later edit replaced this target")
    source: str | None = Field(
        default=None,
        description="The German this target translated, when a new version of the story "
        "changed the sentence (none: the segment's own `source`)",
    )


class SegmentPublic(Segment):
    history: list[HistoryEntryPublic] = Field(description="Earlier targets, oldest first")


class HealthPublic(BaseModel):
    status: Literal["ok"] = "ok"


class ReadyPublic(BaseModel):
    status: Literal["ready"] = "ready"
    model: str


class ErrorBody(BaseModel):
    code: str = Field(description="Stable, machine-readable: `not_found`, `input_too_large`, …")
    message: str = Field(description="What went wrong and what to do, for people")
    detail: Any = None


class ErrorPublic(BaseModel):
    error: ErrorBody


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI entries for the errors an operation answers, all in the one error shape."""
    return {status: {"model": ErrorPublic} for status in statuses}


def inline_glossary(inline: GlossaryInline, name: str = "inline") -> Glossary:
    """A glossary from JSON entries (a request's own, or a PUT body)."""
    try:
        return Glossary(
            name,
            tuple(
                Entry(
                    source=entry.source,
                    target=entry.target,
                    kind=entry.kind,
                    case_sensitive=entry.case_sensitive,
                    context=tuple(entry.context),
                    note=entry.note or "",
                )
                for entry in inline.entries
            ),
            cached=False,  # a request's own entries are never written to the disk cache
        )
    except GlossaryError as error:
        raise GlossaryInvalid(f"{name}: {error}") from None


class SplitRequest(StrictModel):
    offset: int = Field(
        ge=1,
        le=1_000_000,
        description="Where the second sentence starts: a character offset into the source",
    )


def article_public(article: StoredArticle) -> ArticlePublic:
    return ArticlePublic.model_validate(
        {
            **article.document.model_dump(),
            "title": article.title,
            "created": article.created,
            "updated": article.updated,
            "status": article.status,
            "format": article.format,
            "version": article.version,
        }
    )
