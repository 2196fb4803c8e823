"""``POST /v1/check``: flags and findings for any German→English sentence pairs, a
translator's or another engine's; no model is needed unless a score is asked for."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from glossary import Glossary
from service.compose import Runtime, thresholds
from service.desk.check import Pair, check_input, check_pairs
from service.document import Finding
from service.http.deps import RuntimeDep, require_api_key
from service.http.schemas import (
    GlossaryEntryIn,
    GlossaryInline,
    StrictModel,
    error_responses,
    inline_glossary,
)
from service.localise import check_target

MAX_PAIRS = 10_000

router = APIRouter(
    prefix="/v1",
    tags=["check"],
    dependencies=[Depends(require_api_key)],
    responses=error_responses(401, 413, 422, 503),
)


class PairIn(StrictModel):
    source: str = Field(description="The German sentence")
    target: str = Field(description="Its English, as translated by anyone")


class CheckRequest(StrictModel):
    """Sentence pairs to check (MTDESK_MAX_CHARS characters at most, all pairs together)."""

    pairs: list[PairIn] = Field(min_length=1, max_length=MAX_PAIRS)
    source_lang: Literal["de"] = "de"
    target_lang: str = Field(
        default="en", description="`en`, `en-GB` or `en-US`: the English's conventions"
    )
    glossary: Annotated[str, Field(max_length=200)] | list[GlossaryEntryIn] | None = Field(
        default=None,
        description="A stored glossary by name, or entries as `/v1/translate` takes them "
        "(`[]`: none); default MTDESK_GLOSSARY",
    )
    score: bool = Field(
        default=False,
        description="Score each target with the model (`low_confidence`, word alignment); "
        "needs the model loaded",
    )


class PairResult(BaseModel):
    flags: list[str]
    findings: list[Finding]


class CheckResponse(BaseModel):
    results: list[PairResult] = Field(description="One per pair, in order")


@router.post("/check", summary="Check translations")
async def check_translations(runtime: RuntimeDep, request: CheckRequest) -> CheckResponse:
    """The flags and findings each pair's English would get in mtdesk: glossary, protected
    spans, quality and fact checks (numbers, names, negation, quotations, omissions)."""
    pairs = [Pair(pair.source, pair.target) for pair in request.pairs]
    check_input(pairs, runtime.settings.max_chars)
    check_target(request.target_lang)
    engine = runtime.ready_engine() if request.score else None
    glossary = await run_in_threadpool(request_glossary, runtime, request)
    results = await run_in_threadpool(
        check_pairs,
        pairs,
        glossary=glossary,
        thresholds=thresholds(runtime.settings),
        target_lang=request.target_lang,
        engine=engine,
    )
    return CheckResponse(
        results=[PairResult(flags=result.flags, findings=result.findings) for result in results]
    )


def request_glossary(runtime: Runtime, request: CheckRequest) -> Glossary | None:
    if request.glossary is None:
        return runtime.default_glossary()
    if isinstance(request.glossary, str):
        return runtime.named_glossary(request.glossary)
    if not request.glossary:
        return None
    return inline_glossary(GlossaryInline(entries=request.glossary))
