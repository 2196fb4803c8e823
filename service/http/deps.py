"""Dependencies of the handlers, as ``Annotated`` aliases (swap them in tests with
``app.dependency_overrides``). They do no I/O, so they run on the event loop."""

from __future__ import annotations

import hmac
from typing import Annotated, cast

from fastapi import Depends, Path, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from service.compose import Runtime
from service.errors import Unauthorized
from service.http.schemas import Paging
from service.store.articles import Store

# Ids are generated hex; the bound keeps odd bytes (NUL, megabytes) away from the database.
ArticleId = Annotated[str, Path(max_length=64, pattern=r"^[\w-]+$")]
SegmentId = Annotated[str, Path(max_length=64, pattern=r"^\w+$")]

# Every list: one page of at most MAX_LIMIT items (a bad limit or offset is a 422).
DEFAULT_LIMIT = 50
MAX_LIMIT = 500
MAX_OFFSET = 1_000_000_000

bearer = HTTPBearer(
    auto_error=False,  # no key configured: no header needed
    description="The server's MTDESK_API_KEY, when it sets one",
)


async def get_runtime(request: Request) -> Runtime:
    return cast(Runtime, request.app.state.runtime)


RuntimeDep = Annotated[Runtime, Depends(get_runtime)]


async def get_store(runtime: RuntimeDep) -> Store:
    return runtime.store


StoreDep = Annotated[Store, Depends(get_store)]


async def get_paging(
    limit: Annotated[
        int, Query(ge=1, le=MAX_LIMIT, description=f"Items per page, 1 to {MAX_LIMIT}")
    ] = DEFAULT_LIMIT,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Matching items to skip")] = 0,
) -> Paging:
    return Paging(limit=limit, offset=offset)


PagingDep = Annotated[Paging, Depends(get_paging)]


async def require_api_key(
    runtime: RuntimeDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> None:
    key = runtime.settings.api_key
    if key is None:
        return
    given = credentials.credentials if credentials else ""
    # Constant time: how much of a guess matched must not show in the response time.
    if not hmac.compare_digest(given.encode(), key.get_secret_value().encode()):
        raise Unauthorized()
