"""Build the configured engine; the models room's errors become the service's."""

from __future__ import annotations

from models.engine import Engine
from models.errors import ModelNotAvailable
from service.errors import ModelUnavailable
from service.settings import Settings


def load_engine(settings: Settings) -> Engine:
    from models.marian import MarianEngine  # torch is slow to import: only when needed

    try:
        return MarianEngine(
            settings.model,
            device=settings.device,
            threads=settings.threads,
            batch_tokens=settings.batch_tokens,
        )
    except ModelNotAvailable as error:
        raise ModelUnavailable(str(error), detail={"model": error.model}) from None
