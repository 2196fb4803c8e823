"""Versions over HTTP: ``ETag`` on reads, ``If-Match`` on edits (RFC 9110 §13.1.1).

An article's and a segment's ETag is its ``version`` in quotes (``"3"``). An
edit with ``If-Match`` changes the segment only if it is still at that version,
and answers 412 ``precondition_failed`` with the current version and target
otherwise. Without ``If-Match`` the last write wins.
"""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import Depends, Header, Response

# One entity tag as this service sends it: "3", also weak (W/"3") or bare (3).
ONE_TAG = re.compile(r'^\s*(?:W/)?"?(\d{1,18})"?\s*$')
NEVER = -1  # no version has it: a malformed tag matches nothing, as the RFC says


def etag(version: int | None) -> str:
    return f'"{version}"'


def set_etag(response: Response, version: int | None) -> None:
    if version is not None:
        response.headers["ETag"] = etag(version)


async def expected_version(
    if_match: Annotated[
        str | None,
        Header(
            max_length=100,
            description='The ETag the editor read (`"3"`); a stale one answers 412',
        ),
    ] = None,
) -> int | None:
    """The version an edit expects, or None (no If-Match, or ``*``): last write wins."""
    if if_match is None or if_match.strip() == "*":
        return None
    found = ONE_TAG.match(if_match)
    return int(found.group(1)) if found else NEVER


IfMatch = Annotated[int | None, Depends(expected_version)]
