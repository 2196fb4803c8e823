"""What the handlers share, built in the app's lifespan: store, memory, metrics, engine."""

from __future__ import annotations

import logging

from glossary import Glossary
from models.engine import Engine
from service import engines, language
from service.batcher import BatchingEngine
from service.errors import ModelNotReady, ModelUnavailable, MtdeskError
from service.glossaries import select_glossary
from service.memory import TranslationMemory
from service.metrics import Metrics
from service.pipeline import Translator
from service.settings import Settings
from service.store import Store

log = logging.getLogger("mtdesk.api")
RETRY_AFTER_S = 5


class Unset:
    """No glossary chosen by the request: the configured default applies."""


UNSET = Unset()  # a model loads in seconds (toy) to a minute (full size, cold disk)


class Runtime:
    def __init__(self, settings: Settings, store: Store, metrics: Metrics) -> None:
        self.settings = settings
        self.store = store
        self.metrics = metrics
        self.memory = TranslationMemory(store, metrics.observe_memory) if settings.memory else None
        self.engine: BatchingEngine | None = None  # set once the model is loaded
        self.load_error: MtdeskError | None = None

    def attach(self, engine: Engine) -> None:
        """Serve with ``engine``: every request's sentences go through one batching worker."""
        self.engine = BatchingEngine(
            engine,
            max_wait=self.settings.batch_wait_ms / 1000,
            max_sentences=self.settings.batch_max_sentences,
            on_batch=self.metrics.observe_batch,
        )
        self.metrics.model_ready.set(1)

    def load(self) -> None:
        """Load the configured model (in a thread of its own: it takes seconds)."""
        try:
            engine = engines.load_engine(self.settings)
            language.warm()  # its models too: the first request should not wait for them
            self.attach(engine)
        except MtdeskError as error:
            log.error("cannot serve translations: %s", error.message)
            self.load_error = error
        except Exception as error:  # a corrupt checkpoint: /ready reports it, the log has why
            log.exception("loading the model %r failed", self.settings.model)
            self.load_error = ModelUnavailable(
                f"the model {self.settings.model!r} failed to load ({type(error).__name__}: "
                f"{error}); the server log has the details",
                detail={"model": self.settings.model},
            )

    def ready_engine(self) -> BatchingEngine:
        if self.engine is not None:
            return self.engine
        if self.load_error is not None:
            raise self.load_error
        raise ModelNotReady(self.settings.model, RETRY_AFTER_S)

    def translator(
        self, beam_size: int | None = None, glossary: Glossary | None | Unset = UNSET
    ) -> Translator:
        """A translator for one request (cheap: the engine and memory are shared)."""
        return Translator(
            self.ready_engine(),
            beam_size=beam_size or self.settings.beam_size,
            max_sentence_tokens=self.settings.max_sentence_tokens,
            memory=self.memory,
            glossary=self.default_glossary() if isinstance(glossary, Unset) else glossary,
            quality=self.settings.quality_thresholds(),
        )

    def default_glossary(self) -> Glossary | None:
        """The glossaries of MTDESK_GLOSSARY, files included (the operator chose them)."""
        return select_glossary(self.settings.glossary_specs(), self.store.glossary)

    def close(self) -> None:
        if self.engine is not None:
            self.engine.close()
        self.store.close()
