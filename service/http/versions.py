"""Versions over HTTP: ``ETag`` on reads, ``If-Match`` on edits (RFC 9110 §13.1.1).

An article's and a segment's ETag is its ``version`` in quotes (``"3"``). An
edit with ``If-Match`` changes the segment only if it is still at that version
(or, for a list such as ``"2", "7"``, at any of them), and answers 412
``precondition_failed`` with the current version and target otherwise.
Without ``If-Match``, or with ``*``, the last write wins.
"""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import Depends, Header, Response

# One entity tag as this service sends it: "3", also weak (W/"3") or bare (3).
ONE_TAG = re.compile(r'^\s*(?:W/)?"?(\d{1,18})"?\s*$')
# A list of tags (RFC 9110 §13.1.1): commas separate them; a tag holds no comma.
TAG_LIST = re.compile(r'\s*(?:W/)?"[^"]*"\s*|[^,]+')


def etag(version: int | None) -> str:
    return f'"{version}"'


def set_etag(response: Response, version: int | None) -> None:
    if version is not None:
        response.headers["ETag"] = etag(version)


async def expected_versions(
    if_match: Annotated[
        str | None,
        Header(
            max_length=2000,
            description='The ETag the editor read (`"3"`), or a list (`"2", "7"`): 412 '
            "unless one of them is current",
        ),
    ] = None,
) -> frozenset[int] | None:
    """The versions an edit may find, or None (no If-Match, or ``*``): last write wins.
    A malformed tag matches nothing, as the RFC says; a list of only those gets 412."""
    if if_match is None or if_match.strip() == "*":
        return None
    tags = (ONE_TAG.match(tag.group()) for tag in TAG_LIST.finditer(if_match))
    return frozenset(int(found.group(1)) for found in tags if found)


IfMatch = Annotated[frozenset[int] | None, Depends(expected_versions)]
