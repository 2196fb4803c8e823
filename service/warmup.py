"""The checks' one-off loads, done once: the first checks wait for a warm-up under way.

The fact checks load a dictionary, a tagger and word lists on first use
(seconds of CPU). Their loaders are plain caches: threads that miss one
together each load it. A batch run checks many articles at once, so every
article thread that reached its checks while the warm-up was still loading
loaded them again: 16 articles checked 1 s after the warm-up began cost
30 s of CPU instead of 6, all of it under the GIL, beside the engine.

So a warm-up holds a lock while it loads, and ``wait`` (called before an
article's checks) returns once none is under way. A process that never
warms (a test, a one-off command) loses nothing: ``wait`` returns at once.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

log = logging.getLogger("mtdesk.api")

_loading = threading.Lock()  # held while a warm-up loads


@contextmanager
def warming() -> Iterator[None]:
    """Checks that start while this is open wait until it closes."""
    with _loading:
        yield


def start(load: Callable[[], None], name: str = "mtdesk-warm-checks") -> threading.Thread:
    """Run ``load`` in a thread of its own; checks wait for it. The lock is taken here,
    before the thread starts, so that no check slips in ahead of it."""
    _loading.acquire()

    def run() -> None:
        try:
            load()
        except Exception:  # each check then loads what it needs, in its own guarded step
            log.exception("loading the checks' resources failed")
        finally:
            _loading.release()

    thread = threading.Thread(target=run, name=name, daemon=True)
    try:
        thread.start()
    except BaseException:
        _loading.release()
        raise
    return thread


def wait() -> None:
    """Return once no warm-up is loading (at once when none is)."""
    with _loading:
        pass
