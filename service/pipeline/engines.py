"""Build the configured engine; the models room's errors become the service's."""

from __future__ import annotations

from models.engine import Engine
from models.errors import BackendUnavailable, ModelNotAvailable
from service.errors import ModelUnavailable
from service.settings import Settings


def chosen_backend(settings: Settings) -> str:
    """``auto`` means CTranslate2 when it is installed, else transformers."""
    if settings.backend != "auto":
        return settings.backend
    from models.ctranslate import available

    return "ctranslate2" if available() else "transformers"


def load_engine(settings: Settings) -> Engine:
    # Each backend imports its library only when chosen: torch alone is ~200 MB.
    try:
        if chosen_backend(settings) == "ctranslate2":
            from models.ctranslate import CTranslate2Engine

            return CTranslate2Engine(
                settings.model,
                device=settings.device,
                threads=settings.threads,
                batch_tokens=settings.batch_tokens,
                cache_dir=settings.cache_dir,
            )
        from models.marian import MarianEngine

        return MarianEngine(
            settings.model,
            device=settings.device,
            threads=settings.threads,
            batch_tokens=settings.batch_tokens,
        )
    except ModelNotAvailable as error:
        raise ModelUnavailable(str(error), detail={"model": error.model}) from None
    except BackendUnavailable as error:
        raise ModelUnavailable(str(error), detail={"backend": error.library}) from None
