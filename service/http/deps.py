"""Dependencies of the handlers, as ``Annotated`` aliases (swap them in tests with
``app.dependency_overrides``). They do no I/O, so they run on the event loop."""

from __future__ import annotations

import hmac
from typing import Annotated, cast

from fastapi import Depends, Path, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from service.compose import Runtime
from service.errors import Unauthorized
from service.store.articles import Store

# Ids are generated hex; the bound keeps odd bytes (NUL, megabytes) away from the database.
ArticleId = Annotated[str, Path(max_length=64, pattern=r"^[\w-]+$")]
SegmentId = Annotated[str, Path(max_length=64, pattern=r"^\w+$")]

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
