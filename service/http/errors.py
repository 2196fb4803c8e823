"""One JSON shape for every failure: ``{"error": {"code", "message", "detail"}}``.

Exceptions no handler here takes become a 500 in ``middleware.UnhandledErrors``.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.exceptions import HTTPException

from service.errors import DatabaseBusy, MtdeskError

log = logging.getLogger("mtdesk.api")

# Codes for the errors Starlette raises itself (routing, body limit).
HTTP_CODES = {
    400: "bad_request",
    404: "not_found",
    405: "method_not_allowed",
    413: "input_too_large",
    415: "unsupported_media_type",
}
# Validation-error keys worth sending back: "input" may echo a whole article.
VALIDATION_KEYS = ("type", "loc", "msg", "ctx")


def error_response(
    status: int,
    code: str,
    message: str,
    detail: Any = None,
    headers: Mapping[str, str] | None = None,
) -> JSONResponse:
    body = {"error": {"code": code, "message": message, "detail": jsonable_encoder(detail)}}
    return JSONResponse(body, status_code=status, headers=headers)


async def handle_mtdesk_error(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, MtdeskError)
    return error_response(error.status, error.code, error.message, error.detail, error.headers)


async def handle_validation_error(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, RequestValidationError)
    problems = [
        {key: problem[key] for key in VALIDATION_KEYS if key in problem}
        for problem in error.errors()
    ]
    first = problems[0] if problems else {"loc": (), "msg": "invalid request"}
    where = ".".join(str(part) for part in first.get("loc", ()))
    message = f"{where}: {first['msg']}" if where else str(first["msg"])
    return error_response(422, "validation_error", message, problems)


async def handle_http_error(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, HTTPException)
    code = HTTP_CODES.get(error.status_code, "http_error")
    return error_response(error.status_code, code, str(error.detail), headers=error.headers)


async def handle_database_busy(request: Request, error: Exception) -> JSONResponse:
    """A lock held past the busy timeout (SQLite: "database is locked"; PostgreSQL:
    lock_timeout), a server that does not answer, no free connection: 503, and the
    request's transaction was rolled back whole (``Store.writing``)."""
    log.warning(
        "%s %s: the database is busy or unreachable: %s",
        request.method,
        request.url.path,
        str(getattr(error, "orig", error)).splitlines()[0][:200],  # no statement, no values
    )
    busy = DatabaseBusy()
    return error_response(busy.status, busy.code, busy.message, None, busy.headers)


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(MtdeskError, handle_mtdesk_error)
    app.add_exception_handler(OperationalError, handle_database_busy)
    app.add_exception_handler(PoolTimeout, handle_database_busy)
    app.add_exception_handler(RequestValidationError, handle_validation_error)
    app.add_exception_handler(HTTPException, handle_http_error)
