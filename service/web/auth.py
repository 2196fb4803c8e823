"""Who may use the pages: a login session when MTDESK_API_KEY is set, and CSRF tokens.

The session cookie is ``expiry.HMAC(key, expiry)`` (HttpOnly, SameSite=Strict):
nothing to store on the server, and changing the key logs everyone out.
Every POST carries the CSRF token of a cookie set by the pages (double
submit: a hidden field or the ``X-CSRF-Token`` header must equal the cookie),
and a cross-site ``Origin`` is refused outright.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import time
from typing import Annotated
from urllib.parse import urlsplit

from fastapi import APIRouter, Depends, Form, Request, Response
from fastapi.responses import RedirectResponse

from service.errors import Forbidden, Unauthorized
from service.web.render import CSRF_COOKIE, SESSION_COOKIE, PageRoute, render

CSRF_HEADER = "x-csrf-token"
LOCAL_PATH = re.compile(r"/(?![/\\])[^\\\x00-\x1f]*")
SESSION_SECONDS = 12 * 3600
EXPIRY = re.compile(r"[0-9]{1,12}")  # a Unix time in seconds: 12 digits last to the year 33658

router = APIRouter(route_class=PageRoute, include_in_schema=False)


def sign(key: str, message: str) -> str:
    return hmac.new(key.encode(), message.encode(), hashlib.sha256).hexdigest()


def session_value(key: str, now: float) -> str:
    expires = int(now) + SESSION_SECONDS
    return f"{expires}.{sign(key, f'session:{expires}')}"


def valid_session(key: str, value: str, now: float) -> bool:
    """Checked as text before any number is made of it: a cookie is the client's to forge,
    and ``int`` of thousands of digits raises (Python caps them at 4,300)."""
    expires, _, signature = value.partition(".")
    if not EXPIRY.fullmatch(expires) or not signature.isascii():
        return False
    expected = sign(key, f"session:{expires}")
    return hmac.compare_digest(signature.encode(), expected.encode()) and int(expires) >= now


def api_key(request: Request) -> str | None:
    secret = request.app.state.runtime.settings.api_key
    return None if secret is None else str(secret.get_secret_value())


async def require_login(request: Request) -> None:
    """Pages need a session when an API key is configured (the pages turn 401 into a login)."""
    key = api_key(request)
    if key is not None and not valid_session(
        key, request.cookies.get(SESSION_COOKIE, ""), time.time()
    ):
        raise Unauthorized()


def check_origin(request: Request) -> None:
    origin = request.headers.get("origin")
    if origin and urlsplit(origin).netloc != request.headers.get("host"):
        raise Forbidden("a page of another site cannot send this form", detail={"origin": origin})


async def require_csrf_header(request: Request) -> None:
    """For the page script's JSON requests."""
    check_origin(request)
    verify(request, request.headers.get(CSRF_HEADER, ""))


def verify(request: Request, given: str) -> None:
    expected = request.cookies.get(CSRF_COOKIE, "")
    if not expected or not hmac.compare_digest(given.encode(), expected.encode()):
        raise Forbidden("the form's security token is missing or stale: reload the page")


async def require_csrf_form(request: Request, csrf_token: Annotated[str, Form()] = "") -> None:
    """For the pages' HTML forms."""
    check_origin(request)
    verify(request, csrf_token)


def local_path(target: str) -> str:
    """Only a path of this site to go to after login (no open redirect)."""
    parts = urlsplit(target)
    # Browsers read "/\host" as "//host": no backslash, no control character.
    if parts.scheme or parts.netloc or not LOCAL_PATH.fullmatch(target):
        return "/"
    return target


@router.get("/login", name="login")
def login_page(request: Request, next: str = "/") -> Response:
    return render(request, "login.html", {"next": local_path(next), "failed": False})


@router.post("/login", dependencies=[Depends(require_csrf_form)])
def log_in(
    request: Request,
    key: Annotated[str, Form(max_length=1000)] = "",
    next: Annotated[str, Form(max_length=2000)] = "/",
) -> Response:
    expected = api_key(request)
    if expected is not None and not hmac.compare_digest(key.encode(), expected.encode()):
        context = {"next": local_path(next), "failed": True}
        return render(request, "login.html", context, status_code=401)
    response = RedirectResponse(local_path(next), status_code=303)
    if expected is not None:
        response.set_cookie(
            SESSION_COOKIE,
            session_value(expected, time.time()),
            max_age=SESSION_SECONDS,
            httponly=True,
            samesite="strict",
            secure=request.url.scheme == "https",
        )
    return response


@router.post("/logout", dependencies=[Depends(require_csrf_form)])
def log_out(request: Request) -> Response:
    response = RedirectResponse("/login", status_code=303)
    secure = request.url.scheme == "https"
    response.delete_cookie(SESSION_COOKIE, httponly=True, samesite="strict", secure=secure)
    return response
