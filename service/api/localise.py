"""``POST /v1/localise``: English text in, the same in en-GB or en-US conventions out.

The localisation ``mtdesk localise`` and the pipeline apply: the same protected spans,
a house ``style`` on top of the locale, a first-line ``headline`` and ``published``.
"""

from __future__ import annotations

import datetime
from functools import partial

from fastapi import APIRouter, Depends
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from service.compose import profile
from service.document import Localisation
from service.errors import EmptyInput, InputTooLarge, UnknownLocale
from service.http.deps import RuntimeDep, require_api_key
from service.http.schemas import StrictModel, UserText, error_responses
from service.localise import TARGETS, localise
from service.pipeline.guard import article_step
from service.pipeline.localising import english_protected

router = APIRouter(
    prefix="/v1",
    tags=["localise"],
    dependencies=[Depends(require_api_key)],
    responses=error_responses(401, 413, 422),
)


class LocaliseRequest(StrictModel):
    text: UserText = Field(description="English text (MTDESK_MAX_CHARS at most)")
    target_lang: str = Field(description="`en-GB` or `en-US`", examples=["en-GB"])
    style: str | None = Field(
        default=None,
        description="House style on top of the locale: `ap`, `reuters` (en-US), `guardian`, "
        "`bbc` (en-GB); default MTDESK_STYLE where it is that locale's",
        examples=["guardian"],
    )
    headline: bool = Field(
        default=False,
        description="The first line is a headline: the style's headline case, names kept",
    )
    published: datetime.date | None = Field(
        default=None,
        description="The article's date: where the style says so (bbc), yesterday, today "
        "and tomorrow become the day's name",
        examples=["2025-10-03"],
    )


class Note(BaseModel):
    note: str = Field(description="`number_too_large`: a figure no rule converts")
    text: str
    span: tuple[int, int] = Field(description="Offsets in the text sent")
    message: str


class LocaliseResponse(BaseModel):
    target_lang: str
    text: str = Field(description="The text in the locale's conventions")
    changes: list[Localisation] = Field(description="Each change; spans index `text`")
    flags: list[str] = Field(description="`ambiguous_date`: a numeric date left unguessed")
    style: str | None = Field(default=None, description="The house style applied")
    notes: list[Note] = Field(default=[], description="What was left as it is, and why")


@router.post("/localise", summary="Localise English text")
async def localise_text(runtime: RuntimeDep, request: LocaliseRequest) -> LocaliseResponse:
    """Spelling, dates, times, money, units and quotation marks in the locale's conventions."""
    if len(request.text) > runtime.settings.max_chars:
        raise InputTooLarge(len(request.text), runtime.settings.max_chars)
    if not request.text.strip():
        raise EmptyInput()
    if request.target_lang not in TARGETS[1:]:
        raise UnknownLocale(request.target_lang, TARGETS[1:])
    chosen = profile(runtime.settings, request.target_lang, request.style)
    assert chosen is not None
    work = partial(
        article_step("localisation")(localise),
        request.text,
        chosen,
        protected=english_protected(request.text),
        first_line_headline=request.headline,
        published=request.published,
    )
    result = await run_in_threadpool(work)
    return LocaliseResponse(
        target_lang=request.target_lang,
        text=result.text,
        changes=result.changes,
        flags=result.flags,
        style=chosen.style or None,
        notes=[Note(**vars(note)) for note in result.notes],
    )
