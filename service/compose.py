"""The composition root: the one place that turns ``Settings`` into what translates.

`mtdesk translate`, `mtdesk serve` (through ``Runtime``), `mtdesk batch` with
either executor and the API's batch jobs all build their engine, batcher,
memory, glossary and translator here, so a new setting reaches every entry
point by construction.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Literal

from glossary import Glossary
from models.engine import Engine
from service import warmup
from service.checks import facts, language
from service.checks.quality import Thresholds
from service.document import AlignedDocument
from service.errors import ModelNotReady, ModelUnavailable, MtdeskError, NotFound, UnknownGlossary
from service.localise import Profile, profile_for, style_locale
from service.metrics import Metrics
from service.pipeline import engines
from service.pipeline.batcher import BatchingEngine
from service.pipeline.glossaries import StoredLookup, combine, resolve_glossary, select_glossary
from service.pipeline.review import SegmentAudit, recorded_glossary
from service.pipeline.translator import Translator
from service.segment.somajo import splitter
from service.settings import Settings
from service.store.memory import Memory, TranslationMemory

if TYPE_CHECKING:
    from service.store.articles import Store  # the import of SQLAlchemy waits for a store

log = logging.getLogger("mtdesk.api")
RETRY_AFTER_S = 5  # a model loads in seconds (toy) to a minute (full size, cold disk)

# How long a batching worker waits for more sentences, and the most it takes in one
# call, where MTDESK_BATCH_WAIT_MS / MTDESK_BATCH_MAX_SENTENCES are not set. A server
# answers requests as they come; a batch run of its own starts many articles
# together, and a short wait gathers their sentences into full calls.
Use = Literal["server", "batch"]
BATCH_WAIT_MS: dict[Use, float] = {"server": 5.0, "batch": 20.0}
BATCH_MAX_SENTENCES: dict[Use, int] = {"server": 32, "batch": 256}


def load_engine(settings: Settings) -> Engine:
    return engines.load_engine(settings)  # through the module: tests replace it there


def warm_checks() -> None:
    """Load the fact checks' resources in a thread of their own while the model loads:
    seconds of CPU the first segment would otherwise wait for. Articles that reach their
    checks before it is done wait for it (``warmup``), rather than each loading them."""
    warmup.start(facts.warm)


def batching_engine(
    engine: Engine,
    settings: Settings,
    use: Use,
    on_batch: Callable[[int, int], None] | None = None,
) -> BatchingEngine:
    """``engine`` behind one batching worker, with the batching settings for ``use``."""
    wait_ms = settings.batch_wait_ms if settings.batch_wait_ms is not None else BATCH_WAIT_MS[use]
    most = settings.batch_max_sentences or BATCH_MAX_SENTENCES[use]
    return BatchingEngine(engine, max_wait=wait_ms / 1000, max_sentences=most, on_batch=on_batch)


def thresholds(settings: Settings) -> Thresholds:
    return Thresholds(
        settings.quality_min_score, settings.quality_length_min, settings.quality_length_max
    )


def translation_memory(
    settings: Settings, store: Store, on_lookup: Callable[[int, int], None] | None = None
) -> TranslationMemory | None:
    return TranslationMemory(store, on_lookup) if settings.memory else None


def default_glossary(settings: Settings, stored: StoredLookup) -> Glossary | None:
    """The glossaries of MTDESK_GLOSSARY, files included (the operator chose them)."""
    return select_glossary(settings.glossary_specs(), stored)


def chosen_glossary(
    settings: Settings, specs: Sequence[str] | None, stored: StoredLookup | None
) -> Glossary | None:
    """The glossaries a command names (files or stored names), else MTDESK_GLOSSARY's.

    Glossaries are chosen here only: by the CLI (this), by a server's requests and jobs
    (``Runtime.named_glossary``, ``Runtime.job_glossary``, ``Runtime.default_glossary``)
    and for stored articles (``Runtime.article_glossary``)."""
    return select_glossary(list(specs) if specs else settings.glossary_specs(), stored)


def translator(
    settings: Settings,
    engine: Engine,
    *,
    glossary: Glossary | None,
    memory: Memory | None = None,
    beam_size: int | None = None,
    target_lang: str | None = None,
    style: str | None = None,
) -> Translator:
    """A translator over ``engine`` (cheap: engine and memory are shared, not copied)."""
    return Translator(
        engine,
        beam_size=beam_size or settings.beam_size,
        max_sentence_tokens=settings.max_sentence_tokens,
        memory=memory,
        glossary=glossary,
        quality=thresholds(settings),
        profile=profile(settings, target_lang, style),
    )


def profile(
    settings: Settings, target_lang: str | None = None, style: str | None = None
) -> Profile | None:
    """The localisation profile of ``target_lang`` (default MTDESK_TARGET_LANG) in the house
    ``style`` (default MTDESK_STYLE, for a target in that style's locale); None: ``en``."""
    target = target_lang or settings.target_lang
    if style is None and settings.style and style_locale(settings.style) == target:
        style = settings.style  # the default style serves its own locale only
    return profile_for(target, settings.profile_dir, style)


class Unset:
    """No glossary chosen by the request: the configured default applies."""


UNSET = Unset()


class Runtime:
    """What a server's handlers and its job worker share: store, memory, metrics, engine."""

    def __init__(self, settings: Settings, store: Store, metrics: Metrics) -> None:
        self.settings = settings
        self.store = store
        self.metrics = metrics
        self.memory = translation_memory(settings, store, metrics.observe_memory)
        self.engine: BatchingEngine | None = None  # set once the model is loaded
        self.load_error: MtdeskError | None = None

    def attach(self, engine: Engine) -> None:
        """Serve with ``engine``: every request's sentences go through one batching worker."""
        self.engine = batching_engine(engine, self.settings, "server", self.metrics.observe_batch)
        self.metrics.model_ready.set(1)

    def load(self) -> None:
        """Load the configured model (in a thread of its own: it takes seconds)."""
        try:
            self.attach(load_engine(self.settings))
            # Ready now; the quick language models, the segmenter and the fact checks'
            # resources load next, so that the first requests wait for them less (a
            # request that needs one first builds it; its checks wait for these loads
            # rather than load the checks' resources a second time: ``warmup``).
            with warmup.warming():
                language.warm()
                splitter()
                facts.warm()
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
        self,
        beam_size: int | None = None,
        glossary: Glossary | None | Unset = UNSET,
        target_lang: str | None = None,
        style: str | None = None,
    ) -> Translator:
        """A translator for one request or job (``target_lang`` None: MTDESK_TARGET_LANG;
        ``style`` None: MTDESK_STYLE where it is that locale's)."""
        return translator(
            self.settings,
            self.ready_engine(),
            glossary=self.default_glossary() if isinstance(glossary, Unset) else glossary,
            memory=self.memory,
            beam_size=beam_size,
            target_lang=target_lang,
            style=style,
        )

    def default_glossary(self) -> Glossary | None:
        return default_glossary(self.settings, self.store.glossary)

    def named_glossary(self, name: str) -> Glossary:
        """A request's glossary by name: a stored one or the shipped default, never a file
        (a name from the network is no path on this machine); another is the request's
        mistake (422 on its ``glossary`` field)."""
        try:
            return resolve_glossary(name, self.store.glossary, files=False)
        except NotFound:
            raise UnknownGlossary(name) from None

    def job_glossary(self, specs: Sequence[str] | None) -> Glossary | None:
        """A job's glossaries: those it named (none: no glossary), else the default."""
        if specs is None:
            return self.default_glossary()
        return combine([self.named_glossary(spec) for spec in specs])

    def article_glossary(self, document: AlignedDocument) -> Glossary | None:
        """The glossary a stored article was translated with: the one of its name and
        version (the default or a stored one); else, for a request's own entries or a
        glossary changed or deleted since, the entries its terms record. A name alone is
        never enough: any stored glossary may be called ``inline``."""
        ref = document.glossary
        if ref is None:
            return None
        default = self.default_glossary()
        named = default if default is not None and default.name == ref.name else None
        if named is None:
            try:
                named = resolve_glossary(ref.name, self.store.glossary, files=False)
            except NotFound:
                named = None
        if named is not None and named.version == ref.version:
            return named
        return recorded_glossary(document)

    def segment_audit(self, article_id: str) -> SegmentAudit:
        """What re-audits the segments a reviewer edits in this article."""
        document = self.store.article(article_id).document
        glossary = self.article_glossary(document)
        # the fact checks read the English in the article's locale (numbers, dates)
        return SegmentAudit(glossary, thresholds(self.settings), target_lang=document.target_lang)

    def close(self) -> None:
        if self.engine is not None:
            self.engine.close()
        self.store.close()
