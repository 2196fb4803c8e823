"""Probes and metrics (never behind the API key); the home page is the review pages' list."""

from __future__ import annotations

from fastapi import APIRouter, Response

from service.http.deps import RuntimeDep
from service.http.schemas import HealthPublic, ReadyPublic, error_responses

router = APIRouter(tags=["operations"])


@router.get("/health", summary="The process is up")
async def read_health() -> HealthPublic:
    return HealthPublic()


@router.get("/ready", summary="The model is loaded", responses=error_responses(503))
async def read_ready(runtime: RuntimeDep) -> ReadyPublic:
    """503 with ``Retry-After`` while the model loads; 503 without it if loading failed."""
    runtime.ready_engine()
    return ReadyPublic(model=runtime.settings.model)


@router.get(
    "/metrics",
    summary="Prometheus metrics",
    response_class=Response,
    responses={200: {"content": {"text/plain": {}}}},
)
async def read_metrics(runtime: RuntimeDep) -> Response:
    return Response(runtime.metrics.render(), media_type=runtime.metrics.content_type)
