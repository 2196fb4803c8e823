"""The Ray executor: the same job on a Ray cluster (``pip install 'mtdesk[ray]'``).

Each actor loads one engine (a GPU each when ``MTDESK_DEVICE=cuda``) and
translates several articles at once, their sentences meeting in its
batching engine as in the local executor. The driver — the ``mtdesk batch``
process — claims articles from the job store, streams them to the actors,
and records each result as it comes back, so the store stays the single
source of truth and a stopped job resumes exactly as a local one does.
Actors reach the translation memory through ``MTDESK_DB``: on several
machines that must be a database they all reach (PostgreSQL). Its URL, which
may hold a password, goes to them through Ray's object store, never as an
argument that Ray's dashboard and logs would show.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from service.batch.jobstore import Item
from service.batch.local import DEFAULT_OPTIONS, ArticleOptions
from service.document import AlignedDocument
from service.errors import RayUnavailable

if TYPE_CHECKING:
    from pydantic import SecretStr

    from glossary import Glossary
    from service.settings import Settings

ARTICLES_PER_ACTOR = 4  # in flight at once on one actor: their sentences share engine calls


class TranslatorActor:
    """Holds one engine; runs as a threaded Ray actor (``max_concurrency``)."""

    def __init__(
        self,
        settings: dict[str, Any],
        glossary: Glossary | None,
        db: SecretStr | None,
        options: ArticleOptions = DEFAULT_OPTIONS,
    ) -> None:
        """``settings`` without secrets; ``db`` arrives resolved from the object store."""
        from service import compose
        from service.settings import Settings
        from service.store.articles import Store

        configured = Settings.model_validate(settings)
        engine = compose.load_engine(configured)
        self.engine = compose.batching_engine(engine, configured, "batch")
        store = Store(db.get_secret_value()) if db else None
        memory = compose.translation_memory(configured, store) if store else None
        self.translator = compose.translator(
            configured, self.engine, glossary=glossary, memory=memory
        )
        self.options = options

    def translate(self, text: str, fmt: str, article_id: str) -> dict[str, Any] | str:
        from service.batch.local import translate_item

        item = Item(
            seq=0,
            article_id=article_id,
            path="",
            out_path="",
            format=fmt,
            title=None,
            text=text,
            state="running",
            error=None,
            stats=None,
        )
        outcome = translate_item(self.translator, item, self.options)
        return outcome if isinstance(outcome, str) else outcome.model_dump(mode="json")


class RayExecutor:
    def __init__(
        self,
        settings: Settings,
        glossary: Glossary | None,
        *,
        workers: int,
        address: str | None,
        db: SecretStr | None,
        options: ArticleOptions = DEFAULT_OPTIONS,
    ) -> None:
        try:
            import ray as ray_module
        except ImportError:
            raise RayUnavailable() from None
        ray: Any = ray_module  # its decorators are typed for functions, not for a class built here
        self.ray = ray
        self.started_ray = not ray.is_initialized()
        if self.started_ray:
            # No address: a local Ray for this job only, with a CPU per actor.
            ray.init(
                address=address,
                num_cpus=None if address else workers,
                include_dashboard=False,
                log_to_driver=False,
                configure_logging=False,
            )
        gpus = 1 if settings.device == "cuda" else 0
        actor_class = ray.remote(num_cpus=1, num_gpus=gpus, max_concurrency=ARTICLES_PER_ACTOR)(
            TranslatorActor
        )
        data = settings.model_dump(mode="json", exclude={"api_key", "db"})  # no secrets
        db_ref = ray.put(db) if db else None  # an ObjectRef: its value is never shown
        self.actors = [
            actor_class.remote(data, glossary, db_ref, options) for _ in range(max(1, workers))
        ]

    def translate(self, items: Iterable[Item]) -> Iterator[tuple[Item, AlignedDocument | str]]:
        """Articles stream to the actors, twice ``ARTICLES_PER_ACTOR`` each queued (the
        next are there when some finish); results come back as they finish."""
        stream = iter(items)
        pending: dict[Any, tuple[Item, Any]] = {}

        def start(actor: Any, count: int) -> None:
            for item in itertools.islice(stream, count):
                call = actor.translate.remote(item.text, item.format, item.article_id)
                pending[call] = (item, actor)

        for actor in self.actors:
            start(actor, 2 * ARTICLES_PER_ACTOR)
        while pending:
            (ready,), _ = self.ray.wait(list(pending), num_returns=1)
            item, actor = pending.pop(ready)
            start(actor, 1)
            outcome = self.ray.get(ready)
            yield (
                item,
                outcome if isinstance(outcome, str) else AlignedDocument.model_validate(outcome),
            )

    def close(self) -> None:
        for actor in self.actors:
            self.ray.kill(actor)
        if self.started_ray:
            self.ray.shutdown()
