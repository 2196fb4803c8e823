"""Every error mtdesk reports to a user.

MtdeskError                     base; ``code``, ``status`` and ``headers`` drive the API's
 │                                   JSON error ``{"error": {"code", "message", "detail"}}``
 ├── InputError                 422  the article cannot be translated as given
 │    ├── EmptyInput            422  nothing but whitespace
 │    ├── UndecodableInput      422  bytes that are not UTF-8
 │    ├── MarkupTooDeep         422  HTML or Markdown nested deeper than its parser reads
 │    ├── MarkdownOnlyHtml      422  Markdown whose text is all in raw HTML blocks (not read)
 │    ├── UnsupportedFormat     422  an input format that has no reader yet
 │    ├── GlossaryInvalid       422  a glossary file or combination that cannot be used
 │    ├── NotGerman             422  an article in another language (unless ``source_lang`` is auto)
 │    ├── UnknownLocale         422  a target locale other than en, en-GB or en-US
 │    ├── ProfileInvalid        422  a localisation profile file that cannot be read or used
 │    ├── InvalidResegment      422  a split offset or merge the segment does not allow
 │    └── ArchiveInvalid        422  a batch input that is no archive, or one that is unsafe
 │                                   (paths escaping it, links, too many or too large members)
 ├── InputTooLarge              413  more characters than MTDESK_MAX_CHARS
 ├── UnsupportedMediaType       415  a request body that is neither JSON nor plain text
 ├── Unauthorized               401  MTDESK_API_KEY is set and the bearer token is not it
 ├── Forbidden                  403  a review page's form without its CSRF token
 ├── NotFound                   404  unknown article, segment, job or glossary
 ├── EditConflict               409  the article changed between reading and writing
 ├── PreconditionFailed         412  an edit's If-Match names a version that is not current
 ├── JobConflict                409  a job's output directory already holds another job
 ├── ModelUnavailable           503  the model is absent locally and cannot be fetched
 ├── RayUnavailable             500  ``--executor ray`` without Ray installed
 ├── ModelNotReady              503  the model is still loading (``Retry-After`` says when to retry)
 └── DatabaseBusy               503  the database is locked or unreachable; nothing was written

The ``models`` and ``glossary`` rooms raise their own errors (they import
nothing of ours); the service translates them into these at its boundary.
"""

from __future__ import annotations

import re
from typing import Any


class MtdeskError(Exception):
    code = "error"
    status = 500

    def __init__(self, message: str, detail: Any = None) -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail

    @property
    def headers(self) -> dict[str, str]:
        """HTTP headers the API sends with this error."""
        return {}


class InputError(MtdeskError):
    code = "invalid_input"
    status = 422


class UnknownGlossary(InputError):
    """A request names a glossary the service does not hold (a request never names a file)."""

    code = "unknown_glossary"

    def __init__(self, name: str) -> None:
        super().__init__(
            f"the glossary {name!r} is not stored here: name one that GET /v1/glossaries "
            "lists, or store it with PUT /v1/glossaries/{name}",
            detail={"field": "glossary", "name": name},
        )


class EmptyInput(InputError):
    code = "empty_input"

    def __init__(self) -> None:
        super().__init__("nothing to translate: the input is empty or only whitespace")


class MarkupTooDeep(InputError):
    code = "markup_too_deep"

    def __init__(self, fmt: str, limit: int) -> None:
        super().__init__(
            f"the {fmt} nests more than {limit} levels deep, and text inside would be lost; "
            "flatten the markup or send the article as text",
            detail={"format": fmt, "limit": limit},
        )


class MarkdownOnlyHtml(InputError):
    code = "markdown_only_html"

    def __init__(self) -> None:
        super().__init__(
            "the Markdown holds its text only in raw HTML blocks, which Markdown input keeps "
            'as they are; send the article as HTML (--input-format html, "format": "html")'
        )


class UndecodableInput(InputError):
    code = "not_utf8"

    def __init__(self, error: UnicodeDecodeError) -> None:
        byte = error.object[error.start : error.start + 1].hex()
        super().__init__(
            f"the input is not valid UTF-8 (byte 0x{byte} at offset {error.start}); "
            "convert it first, e.g. `iconv -f latin1 -t utf-8`",
            detail={"offset": error.start},
        )


class UnsupportedFormat(InputError):
    code = "unsupported_format"

    def __init__(self, fmt: str, supported: tuple[str, ...]) -> None:
        super().__init__(
            f"input format {fmt!r} is not supported yet; send one of: {', '.join(supported)}",
            detail={"format": fmt, "supported": list(supported)},
        )


class InputTooLarge(MtdeskError):
    code = "input_too_large"
    status = 413

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(
            f"the input has {size} characters, more than the limit of {limit} "
            "(MTDESK_MAX_CHARS); split the article or raise the limit",
            detail={"size": size, "limit": limit},
        )


class UnsupportedMediaType(MtdeskError):
    code = "unsupported_media_type"
    status = 415

    def __init__(self, media_type: str) -> None:
        super().__init__(
            f"cannot read a request body of type {media_type or '(none given)'}; "
            "send application/json, or text/plain in UTF-8 where the article alone will do",
            detail={"content_type": media_type},
        )


class Unauthorized(MtdeskError):
    code = "unauthorized"
    status = 401

    def __init__(self) -> None:
        super().__init__("a valid API key is required: send `Authorization: Bearer <key>`")

    @property
    def headers(self) -> dict[str, str]:
        return {"WWW-Authenticate": "Bearer"}


class NotFound(MtdeskError):
    code = "not_found"
    status = 404


class GlossaryInvalid(InputError):
    code = "invalid_glossary"


class InvalidResegment(InputError):
    code = "invalid_resegment"


class Forbidden(MtdeskError):
    code = "forbidden"
    status = 403


class EditConflict(MtdeskError):
    code = "edit_conflict"
    status = 409


class PreconditionFailed(MtdeskError):
    """Another editor changed the segment since this one read it (``If-Match``)."""

    code = "precondition_failed"
    status = 412


class ModelUnavailable(MtdeskError):
    code = "model_unavailable"
    status = 503


class ModelNotReady(MtdeskError):
    code = "model_loading"
    status = 503

    def __init__(self, model: str, retry_after: int) -> None:
        super().__init__(
            f"the model {model!r} is still loading; retry in {retry_after} s",
            detail={"model": model},
        )
        self.retry_after = retry_after

    @property
    def headers(self) -> dict[str, str]:
        return {"Retry-After": str(self.retry_after)}


class DatabaseBusy(MtdeskError):
    """Another connection held the lock past the busy timeout, or the server did not answer:
    the request's transaction was rolled back whole, so it can simply be sent again."""

    code = "database_busy"
    status = 503
    retry_after = 2

    def __init__(self) -> None:
        super().__init__(
            f"the database is busy or unreachable; nothing was changed: retry in "
            f"{self.retry_after} s"
        )

    @property
    def headers(self) -> dict[str, str]:
        return {"Retry-After": str(self.retry_after)}


class DatabaseUrlInvalid(MtdeskError):
    """MTDESK_DB cannot be opened as given; the message never quotes it (it may hold a password)."""

    code = "database_url_invalid"
    status = 500

    def __init__(self, shown: str) -> None:
        super().__init__(
            f"MTDESK_DB is not a database URL that can be opened: {shown} "
            "(expected sqlite:///FILE or postgresql+psycopg://USER:PASSWORD@HOST/NAME)"
        )


# Characters XML 1.0 cannot carry (so no TMX/XLIFF export could hold them; U+0000 is also
# refused by PostgreSQL's text type) and lone surrogates (not encodable as UTF-8, so no
# database could store them). Every entry point checks its text against this, so an input
# is taken or refused the same way whatever the database.
UNSTORABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def unstorable(value: str) -> str | None:
    """Why ``value`` cannot be stored as text, or None when it can."""
    if match := UNSTORABLE.search(value):
        return (
            f"contains U+{ord(match.group()):04X} at offset {match.start()}, a control "
            "character or lone surrogate that is not text"
        )
    return None


class UnstorableText(InputError):
    code = "unstorable_text"

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"the {field} {problem}", detail={"field": field})


def check_storable(value: str, field: str) -> str:
    """``value`` unchanged, or ``UnstorableText`` (422)."""
    if problem := unstorable(value):
        raise UnstorableText(field, problem)
    return value


class ArchiveInvalid(InputError):
    code = "invalid_archive"


class JobConflict(MtdeskError):
    code = "job_conflict"
    status = 409


class NotGerman(InputError):
    code = "not_german"

    def __init__(self, language: str) -> None:
        super().__init__(
            f"the article is not German: it reads as {language!r}; this service translates "
            'German to English (send "source_lang": "auto" to translate its German '
            "sentences and keep the others)",
            detail={"detected": language},
        )


class RayUnavailable(MtdeskError):
    code = "ray_unavailable"

    def __init__(self) -> None:
        super().__init__(
            "--executor ray needs Ray: pip install 'mtdesk[ray]' (or use --executor local)"
        )


class UnknownLocale(InputError):
    code = "unknown_locale"

    def __init__(self, locale: str, known: tuple[str, ...]) -> None:
        super().__init__(
            f"unknown target locale {locale!r}; use one of: {', '.join(known)}",
            detail={"target_lang": locale, "supported": list(known)},
        )


class ProfileInvalid(InputError):
    code = "invalid_profile"

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(
            f"the localisation profile {path} cannot be used: {problem}",
            detail={"profile": path, "problem": problem},
        )
