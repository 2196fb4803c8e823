"""Files to download: an export as an attachment."""

from __future__ import annotations

from fastapi import Response

from service.markup.exports import Export


def attachment(exported: Export) -> Response:
    """The exported file as a download."""
    return Response(
        exported.content,
        media_type=exported.media_type,
        headers={"Content-Disposition": f'attachment; filename="{exported.filename}"'},
    )
