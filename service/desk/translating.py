"""Translating an article on request: the request checked, the translator it asks for,
the document whole or streamed segment by segment (nothing is stored here)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TypeGuard, cast, get_args

from starlette.concurrency import run_in_threadpool

from glossary import Glossary, compile_glossary
from service.compose import UNSET, Runtime, Unset
from service.document import AlignedDocument
from service.errors import EmptyInput, InputTooLarge, UnsupportedFormat
from service.localise import check_target
from service.markup.article import Format
from service.pipeline.translator import Streamed, Translator, read_checked

READABLE_FORMATS: tuple[str, ...] = get_args(Format)  # grows as service.markup.formats does


@dataclass(frozen=True)
class Ask:
    """What to translate, and how (the API's and the paste form's request, parsed)."""

    text: str
    format: str = "text"
    source_lang: str = "de"
    target_lang: str | None = None  # None: MTDESK_TARGET_LANG
    style: str | None = None  # a house style on top of it; None: MTDESK_STYLE's, if any
    beam_size: int | None = None
    alignment: bool = False
    # A stored glossary's name, a request's own entries (built off the event loop, after
    # the plain checks), none at all, or the default.
    glossary: str | Callable[[], Glossary | None] | None | Unset = UNSET


def readable(fmt: str) -> TypeGuard[Format]:
    return fmt in READABLE_FORMATS


async def translate(runtime: Runtime, ask: Ask) -> AlignedDocument:
    """Check the request, then run the pipeline in a worker thread (never on the event loop)."""
    translator = await ask_translator(runtime, ask)
    document = await run_in_threadpool(
        translator.translate,
        ask.text,
        cast(Format, ask.format),  # checked by ask_translator
        source_lang=ask.source_lang,
        alignment=ask.alignment,
    )
    runtime.metrics.observe_document(document)
    return document


async def translating(runtime: Runtime, ask: Ask) -> Iterator[Streamed | AlignedDocument]:
    """As ``translate``, segment by segment: the items ``Translator.stream_article`` yields
    (pass the finished document to ``finished``)."""
    translator = await ask_translator(runtime, ask)
    fmt = cast(Format, ask.format)
    article = await run_in_threadpool(read_checked, ask.text, fmt, ask.source_lang)
    return translator.stream_article(article, alignment=ask.alignment)


def finished(runtime: Runtime, document: AlignedDocument) -> None:
    """A streamed translation is done: count it as ``translate`` does."""
    runtime.metrics.observe_document(document)


async def ask_translator(runtime: Runtime, ask: Ask) -> Translator:
    """The request checked (the plain mistakes answered before the model is needed), and
    the translator it asks for."""
    if len(ask.text) > runtime.settings.max_chars:
        raise InputTooLarge(len(ask.text), runtime.settings.max_chars)
    if not ask.text.strip():  # before the model is needed: a plain mistake, answered now
        raise EmptyInput()
    if not readable(ask.format):
        raise UnsupportedFormat(ask.format, READABLE_FORMATS)
    if ask.target_lang is not None:
        check_target(ask.target_lang)
    glossary = await run_in_threadpool(ask_glossary, runtime, ask)
    return runtime.translator(ask.beam_size, glossary, ask.target_lang, ask.style)


def ask_glossary(runtime: Runtime, ask: Ask) -> Glossary | None | Unset:
    """A stored glossary by name, the request's own entries, none, or the default."""
    if isinstance(ask.glossary, str):
        return runtime.named_glossary(ask.glossary)
    if callable(ask.glossary):
        glossary = ask.glossary()
        if glossary is not None:  # compiled here, in a worker thread, not on the event loop:
            compile_glossary(glossary)  # 10,000 entries take seconds
        return glossary
    return ask.glossary
