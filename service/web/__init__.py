"""The review web pages: server-rendered Jinja2 templates, a small static script, no CDN.

``install(app)`` adds the pages and their static files to the HTTP app.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse
from starlette.staticfiles import StaticFiles

from service.web import auth, jobs, pages, paste, review, revisions

STATIC = Path(__file__).parent / "static"


def install(app: FastAPI) -> None:
    for module in (auth, paste, pages, review, revisions, jobs):
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> FileResponse:
        """Browsers ask for it whatever the page says: answer instead of a 404."""
        return FileResponse(STATIC / "favicon.svg", media_type="image/svg+xml")
