"""``/v1/glossaries``: stored glossaries of names and terms, read and written as files.

PUT takes a whole glossary as TSV, CSV or TBX (by content type) or as JSON
entries, and replaces the stored one in one transaction: a bad file changes
nothing. The shipped default (``news-de-en``) can be read but not replaced.
"""

from __future__ import annotations

from email.message import Message as MimeHeader
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Query, Request, Response
from pydantic import BaseModel, Field, ValidationError
from starlette.concurrency import run_in_threadpool

from glossary import (
    Glossary,
    GlossaryError,
    GlossaryFormatError,
    dump_glossary,
    parse_glossary,
)
from service.errors import GlossaryInvalid, NotFound, UnsupportedMediaType
from service.http.deps import PagingDep, StoreDep, require_api_key
from service.http.schemas import GlossaryInline, Page, error_responses, inline_glossary
from service.pipeline.glossaries import DEFAULT_NAME, error_detail, resolve_glossary
from service.store.articles import Store

GlossaryName = Annotated[str, Path(min_length=1, max_length=100, pattern=r"^[\w.-]+$")]
FileFormat = Literal["tsv", "csv", "tbx"]
MEDIA_TYPES: dict[str, FileFormat] = {
    "text/tab-separated-values": "tsv",
    "text/csv": "csv",
    "application/x-tbx+xml": "tbx",
    "application/x-tbx": "tbx",
    "application/xml": "tbx",
    "text/xml": "tbx",
}
FILE_MEDIA_TYPE = {"tsv": "text/tab-separated-values", "csv": "text/csv", "tbx": "application/xml"}

router = APIRouter(
    prefix="/v1/glossaries",
    tags=["glossaries"],
    dependencies=[Depends(require_api_key)],
    responses=error_responses(401, 404, 422),
)


class GlossaryInfoPublic(BaseModel):
    name: str
    version: str = Field(description="sha256 of the entries; recorded in aligned documents")
    entries: int


class GlossaryPublic(GlossaryInfoPublic):
    items: list[dict[str, object]] = Field(description="The entries")


def info(glossary: Glossary) -> GlossaryInfoPublic:
    return GlossaryInfoPublic(name=glossary.name, version=glossary.version, entries=len(glossary))


class GlossariesPublic(Page[GlossaryInfoPublic]):
    """The shipped default first, then the stored ones by name."""


@router.get("", summary="List glossaries")
async def list_glossaries(store: StoreDep, paging: PagingDep) -> GlossariesPublic:
    stored = await run_in_threadpool(store.glossaries)
    default = info(resolve_glossary(DEFAULT_NAME))
    others = [GlossaryInfoPublic(**vars(row)) for row in stored if row.name != DEFAULT_NAME]
    every = [default, *others]
    return GlossariesPublic.of(paging.window(every), len(every), paging)


@router.get(
    "/{name}",
    summary="Read a glossary",
    response_model=GlossaryPublic,
    responses={200: {"content": {media: {} for media in FILE_MEDIA_TYPE.values()}}},
)
async def read_glossary(
    store: StoreDep,
    name: GlossaryName,
    format: Annotated[Literal["json", "tsv", "csv", "tbx"], Query()] = "json",
) -> Response | GlossaryPublic:
    glossary = await run_in_threadpool(find, store, name)
    if format == "json":
        return GlossaryPublic(
            **info(glossary).model_dump(), items=[entry.as_dict() for entry in glossary.entries]
        )
    data = dump_glossary(glossary, format)
    return Response(data, media_type=FILE_MEDIA_TYPE[format])


@router.put(
    "/{name}",
    summary="Create or replace a glossary",
    openapi_extra={
        "requestBody": {
            "content": {
                **{media: {"schema": {"type": "string"}} for media in MEDIA_TYPES},
                "application/json": {"schema": GlossaryInline.model_json_schema()},
            }
        }
    },
    responses=error_responses(415),
)
async def put_glossary(
    store: StoreDep, name: GlossaryName, request: Request, response: Response
) -> GlossaryInfoPublic:
    if name == DEFAULT_NAME:
        raise GlossaryInvalid(
            f"{DEFAULT_NAME!r} is the shipped glossary; store yours by another name"
        )
    glossary = parse_body(name, request.headers.get("content-type", ""), await request.body())
    created = await run_in_threadpool(store.put_glossary, glossary)
    response.status_code = 201 if created else 200
    return info(glossary)


@router.delete("/{name}", status_code=204, summary="Delete a glossary")
async def delete_glossary(store: StoreDep, name: GlossaryName) -> Response:
    if not await run_in_threadpool(store.delete_glossary, name):
        raise NotFound(f"no stored glossary {name!r}")
    return Response(status_code=204)


def find(store: Store, name: str) -> Glossary:
    if name == DEFAULT_NAME:
        return resolve_glossary(DEFAULT_NAME)
    glossary = store.glossary(name)
    if glossary is None:
        raise NotFound(f"no stored glossary {name!r}")
    return glossary


def parse_body(name: str, content_type: str, body: bytes) -> Glossary:
    header = MimeHeader()
    header["content-type"] = content_type
    media_type = header.get_content_type()
    if media_type == "application/json":
        try:
            inline = GlossaryInline.model_validate_json(body)
        except ValidationError as error:
            raise GlossaryInvalid(
                f"{name}: not a list of glossary entries",
                detail=error.errors(include_url=False, include_context=False),
            ) from None
        return inline_glossary(inline, name)
    fmt = MEDIA_TYPES.get(media_type)
    if fmt is None:
        raise UnsupportedMediaType(media_type)
    try:
        return parse_glossary(body, fmt, name, source_name=f"{name}.{fmt}")
    except GlossaryFormatError as error:
        raise GlossaryInvalid(str(error), detail=error_detail(error)) from None
    except GlossaryError as error:
        raise GlossaryInvalid(f"{name}: {error}") from None
