"""Rendering pages: the Jinja2 environment (autoescape on), security headers, error pages.

Pages answer failures with the error template and the error's status; a
missing login becomes a redirect to the login form. The API keeps its JSON.
"""

from __future__ import annotations

import logging
import secrets
import unicodedata
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2
import regex
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from service.errors import MtdeskError, Unauthorized

log = logging.getLogger("mtdesk.web")
CSRF_COOKIE = "mtdesk_csrf"
SESSION_COOKIE = "mtdesk_session"
Handler = Callable[[Request], Coroutine[Any, Any, Response]]

# No inline script or style anywhere: a text that slipped through escaping still runs nothing.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}

templates = Jinja2Templates(
    env=jinja2.Environment(
        loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
        autoescape=True,  # every template, whatever its file name
        undefined=jinja2.StrictUndefined,
    )
)


# Invisible format characters: bidi controls (U+202A-U+202E, U+2066-U+2069), zero-width
# spaces and joiners, the soft hyphen, the BOM. A page never renders them: a bidi
# override shows "100" for a stored "001".
INVISIBLE = regex.compile(r"\p{Cf}")


def marker(char: str) -> str:
    return f"\u27e8U+{ord(char):04X}\u27e9"  # ⟨U+202E⟩


def visible(text: str) -> Markup:
    """``text`` escaped for a page, each invisible character shown as a marked ⟨U+202E⟩
    (named in its title), never itself; review.js turns markers back on save."""
    parts, position = [], 0
    for match in INVISIBLE.finditer(text):
        char = match.group()
        name = unicodedata.name(char, "format character").lower()
        parts += [
            escape(text[position : match.start()]),
            Markup('<span class="invisible" title="{}">{}</span>').format(name, marker(char)),
        ]
        position = match.end()
    parts.append(escape(text[position:]))
    return Markup("").join(parts)


def visible_text(text: str) -> str:
    """``text`` with each invisible character as its marker, for attributes (titles)."""
    return INVISIBLE.sub(lambda match: marker(match.group()), text)


templates.env.filters["visible"] = visible
templates.env.filters["visible_text"] = visible_text


def render(
    request: Request, name: str, context: dict[str, Any], *, status_code: int = 200
) -> Response:
    token = csrf_token(request)
    settings = request.app.state.runtime.settings
    base = {
        "csrf_token": token,
        "logged_in": settings.api_key is not None and SESSION_COOKIE in request.cookies,
    }
    response = templates.TemplateResponse(
        request, name, {**context, **base}, status_code=status_code
    )
    response.headers.update(SECURITY_HEADERS)
    if request.cookies.get(CSRF_COOKIE) != token:
        secure = request.url.scheme == "https"  # never sent over plain http then
        response.set_cookie(CSRF_COOKIE, token, samesite="strict", httponly=True, secure=secure)
    return response


def csrf_token(request: Request) -> str:
    """This browser's token: from its cookie, or a new one that the page response sets."""
    token = request.cookies.get(CSRF_COOKIE) or getattr(request.state, "new_csrf", None)
    if not token:
        token = request.state.new_csrf = secrets.token_urlsafe(32)
    return str(token)


def error_page(request: Request, status: int, code: str, message: str) -> Response:
    context = {"status": status, "code": code, "message": message}
    return render(request, "error.html", context, status_code=status)


class PageRoute(APIRoute):
    """A page: failures render the error template instead of the API's JSON."""

    def get_route_handler(self) -> Handler:
        handler = super().get_route_handler()

        async def handle(request: Request) -> Response:
            try:
                return await handler(request)
            except Unauthorized:
                target = quote(request.url.path, safe="/")
                return RedirectResponse(f"/login?next={target}", status_code=303)
            except MtdeskError as error:
                return error_page(request, error.status, error.code, error.message)
            except RequestValidationError as error:
                problems = "; ".join(str(problem.get("msg")) for problem in error.errors())
                return error_page(request, 422, "validation_error", problems)
            except HTTPException as error:
                return error_page(request, error.status_code, "http_error", str(error.detail))
            except Exception:
                log.exception("%s %s failed", request.method, request.url.path)
                message = "internal error; the server log has the details"
                return error_page(request, 500, "internal_error", message)

        return handle
