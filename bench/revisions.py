"""Story updates: updating a stored 200-sentence article in which 5 sentences changed,
against translating the new version afresh.

The article is ``stream_first_segment.py``'s (200 German news sentences, four
to a paragraph). Version 1 is translated and stored (SQLite in a temporary
directory); version 2 changes one word in five sentences spread over the
article. In one run, with the full-size stand-in model (``full_model.py``:
opus-mt-de-en's architecture, random weights) on the CTranslate2 int8
backend (transformers where CTranslate2 is missing), beam 4, no glossary, no
translation memory (so changed sentences cost what the engine costs), the
translator built by ``service.compose``:

* update: ``service.desk.revisions.revise_article`` (read the stored article,
  split and match the new German, translate what changed, write the new
  version, read it back);
* afresh: ``Translator.translate_article`` of version 2.

Random weights rarely end a sentence, so generation is bounded as
``speed.py`` bounds it. Prints both times, their ratio (the issue asks for at
most 0.10), the revision summary and the sentences the engine was given.

    python bench/revisions.py            # full-size stand-in
    python bench/revisions.py --quick    # toy model: checks the script runs
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from full_model import bench_engine, quick_and_threads  # noqa: E402
from stream_first_segment import article  # noqa: E402

from models import budget  # noqa: E402
from models.engine import Request  # noqa: E402
from service import compose  # noqa: E402
from service.desk.revisions import revise_article  # noqa: E402
from service.pipeline.translator import read_checked  # noqa: E402
from service.settings import Settings  # noqa: E402
from service.store.articles import Store  # noqa: E402

CHANGED = 5


def second_version(text: str) -> str:
    """``text`` with one word more in five sentences, evenly spread."""
    paragraphs = text.split("\n\n")
    step = len(paragraphs) // CHANGED
    for index in range(0, step * CHANGED, step):
        paragraph = paragraphs[index]
        end = paragraph.index(".")  # the first sentence's full stop
        paragraphs[index] = paragraph[:end] + " am Montag" + paragraph[end:]
    return "\n\n".join(paragraphs)


class Counting:
    """The engine, counting the sentences it is given."""

    def __init__(self, engine: object) -> None:
        self.engine = engine
        self.sentences = 0

    def __getattr__(self, name: str) -> object:
        return getattr(self.engine, name)

    def translate(self, sentences: list[str], **options: object) -> object:
        self.sentences += len(sentences)
        return self.engine.translate(sentences, **options)  # type: ignore[attr-defined]

    def decode(self, requests: list[Request], **options: object) -> object:
        self.sentences += sum(request.prefix is None for request in requests)
        return self.engine.decode(requests, **options)  # type: ignore[attr-defined]


def main() -> None:
    quick, threads = quick_and_threads(__doc__.splitlines()[0])
    budget.OUTPUT_RATIO, budget.OUTPUT_MARGIN = 1.5, 8  # as bench/speed.py bounds it
    first_text = article()
    second_text = second_version(first_text)
    with tempfile.TemporaryDirectory(prefix="mtdesk-revisions-") as temporary:
        engine, backend, name = bench_engine(quick, threads, Path(temporary))
        counting = Counting(engine)
        settings = Settings(glossary="", memory=False, beam_size=4)
        translator = compose.translator(settings, counting, glossary=None)  # type: ignore[arg-type]
        translator.translate_article(read_checked("Ein kurzer Satz.", "text", "de"))  # warm

        store = Store(f"sqlite:///{Path(temporary) / 'mtdesk.db'}")
        first = translator.translate_article(read_checked(first_text), alignment=True)
        stored = store.add_article(first, title=None, source_text=first_text, fmt="text")

        counting.sentences = 0
        started = time.perf_counter()
        updated = revise_article(store, translator, stored.id, second_text)
        update_time = time.perf_counter() - started
        update_sentences = counting.sentences

        counting.sentences = 0
        started = time.perf_counter()
        afresh = translator.translate_article(read_checked(second_text), alignment=True)
        afresh_time = time.perf_counter() - started
        afresh_sentences = counting.sentences
        store.close()
    summary = updated.document.revision_summary
    print(
        f"model: {name}, {backend}, beam 4, {threads} threads, no memory; "
        f"{len(afresh.segments())} segments, {CHANGED} sentences changed"
    )
    print(f"revision {updated.document.revision}: {summary.model_dump() if summary else None}")
    print(f"update:  {update_time:.2f} s, {update_sentences} sentences to the engine")
    print(f"afresh:  {afresh_time:.2f} s, {afresh_sentences} sentences to the engine")
    print(f"update / afresh: {update_time / afresh_time:.3f} (at most 0.10 asked)")


if __name__ == "__main__":
    main()
