"""``POST /v1/localise``: English text in, the same in en-GB or en-US conventions out."""

from __future__ import annotations

from fastapi import APIRouter, Depends
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from service.compose import profile
from service.document import Localisation
from service.errors import EmptyInput, InputTooLarge, UnknownLocale
from service.http.deps import RuntimeDep, require_api_key
from service.http.schemas import StrictModel, UserText, error_responses
from service.localise import TARGETS, localise

router = APIRouter(
    prefix="/v1",
    tags=["localise"],
    dependencies=[Depends(require_api_key)],
    responses=error_responses(401, 413, 422),
)


class LocaliseRequest(StrictModel):
    text: UserText = Field(description="English text (MTDESK_MAX_CHARS at most)")
    target_lang: str = Field(description="`en-GB` or `en-US`", examples=["en-GB"])


class LocaliseResponse(BaseModel):
    target_lang: str
    text: str = Field(description="The text in the locale's conventions")
    changes: list[Localisation] = Field(description="Each change; spans index `text`")
    flags: list[str] = Field(description="`ambiguous_date`: a numeric date left unguessed")


@router.post("/localise", summary="Localise English text")
async def localise_text(runtime: RuntimeDep, request: LocaliseRequest) -> LocaliseResponse:
    """Spelling, dates, times, money, units and quotation marks in the locale's conventions."""
    if len(request.text) > runtime.settings.max_chars:
        raise InputTooLarge(len(request.text), runtime.settings.max_chars)
    if not request.text.strip():
        raise EmptyInput()
    if request.target_lang not in TARGETS[1:]:
        raise UnknownLocale(request.target_lang, TARGETS[1:])
    chosen = profile(runtime.settings, request.target_lang)
    assert chosen is not None
    result = await run_in_threadpool(localise, request.text, chosen)
    return LocaliseResponse(
        target_lang=request.target_lang,
        text=result.text,
        changes=result.changes,
        flags=result.flags,
    )
