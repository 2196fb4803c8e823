"""``GET /v1/articles/{id}/export``: a stored article as JSON, TMX, XLIFF or English text."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response

from service.desk.exports import export_article as exported
from service.http.deps import ArticleId, StoreDep, require_api_key
from service.http.download import attachment
from service.http.schemas import error_responses
from service.markup.exports import WRITERS, ExportFormat

router = APIRouter(
    prefix="/v1/articles",
    tags=["articles"],
    dependencies=[Depends(require_api_key)],
    responses=error_responses(401, 404, 422),
)


@router.get(
    "/{article_id}/export",
    summary="Download an article for a CAT tool or a reader",
    response_class=Response,
    responses={
        200: {
            "description": "The article as a file",
            "content": {media_type: {} for _writer, media_type, _ext in WRITERS.values()},
        }
    },
)
def export_article(
    store: StoreDep,
    article_id: ArticleId,
    fmt: Annotated[ExportFormat, Query(alias="format")] = "json",
) -> Response:
    """One translation unit per segment (TMX, XLIFF), with the targets as reviewed so far."""
    return attachment(exported(store, article_id, fmt))
