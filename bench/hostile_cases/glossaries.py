"""Glossaries: no code from the disk cache, request glossaries never written, the cache
bounded, compiling off the event loop (issue 31, item 7); split and merge with the
glossary the article recorded (item 8); engine failures in the term chain logged with
the segment and surfaced, never swallowed as a violated term (item 9)."""

from __future__ import annotations

import logging
import pickle
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

from glossary import Entry, Glossary
from glossary import compiled as glossary_cache
from hostile_cases.common import SENTENCE, Client, Outcome, letters
from models.engine import Hypothesis, Request
from models.engine import decode as engine_decode

STORED_GLOSSARIES = glossary_cache.MAX_FILES + 6  # one compile each: past the cache's bound
INLINE_ENTRIES = 10_000
HEALTH_SHARE = 0.5  # /health's slowest answer over the compile's time (on the loop: ~1)
RESEGMENT_TEXT = "Der Sprecher von Amtskollegen spricht heute in Genf mit Amtskollegen aus Paris."


class Payload:
    """Unpickled, it creates ``marker``: the file's code ran."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[Any, ...]:
        return (Path.touch, (self.marker,))


def tsv(entries: list[tuple[str, str]]) -> dict[str, Any]:
    rows = "".join(f"{source}\t{target}\tterm\n" for source, target in entries)
    return {
        "content": ("source\ttarget\tkind\n" + rows).encode(),
        "headers": {"content-type": "text/tab-separated-values"},
    }


def cache_holds_no_code(client: Client, cache_home: Path) -> Outcome:
    """The server's glossary cache lives under ``cache_home`` (its XDG_CACHE_HOME)."""
    marker = cache_home.parent / "payload-ran"
    planted = Glossary("planted", (Entry("Lawrow", "Lavrov", "term"),))
    client.request("PUT", "/v1/glossaries/planted", **tsv([("Lawrow", "Lavrov")]))
    same_key = client.request("GET", "/v1/glossaries/planted").json()["version"] == planted.version
    path = cache_home / "mtdesk" / "glossaries" / glossary_cache.cache_file(planted).name
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    for target in (path, path.with_suffix(".pickle")):
        target.write_bytes(pickle.dumps(Payload(marker)))
        target.chmod(0o600)  # as the server's own file would be
    body = {"text": "Lawrow sprach in Berlin.", "glossary": "planted"}
    used = client.request("POST", "/v1/translate", json=body).json()
    applied = "Lavrov" in str(used.get("blocks"))
    replaced = path.read_bytes()[:1] == b"{"  # the server wrote plain data over it

    directory = path.parent
    before = len(list(directory.iterdir()))
    inline = [{"source": f"Eigenwort{letters(n)}", "target": f"own{n}"} for n in range(20)]
    client.request(
        "POST", "/v1/translate", json={"text": SENTENCE, "glossary": {"entries": inline}}
    )
    inline_written = len(list(directory.iterdir())) - before

    for number in range(STORED_GLOSSARIES):
        name = f"bound-{letters(number)}"
        client.request(
            "PUT", f"/v1/glossaries/{name}", **tsv([(f"Grenzwort{letters(number)}", "x")])
        )
        pair = {"source": SENTENCE, "target": "The minister comes."}
        client.request(
            "POST", "/v1/check", json={"pairs": [pair], "glossary": name, "score": False}
        )
    files = len(list(directory.glob("*.json")))

    slowest_health, compile_s = health_during(client, compile_inline)
    return (
        f"planted pickle at the server's key ({same_key}): ran {marker.exists()}, replaced by "
        f"JSON {replaced}, terms applied {applied}; inline glossary files written "
        f"{inline_written}; {STORED_GLOSSARIES} glossaries compiled -> {files} files (bound "
        f"{glossary_cache.MAX_FILES}); /health during a {INLINE_ENTRIES:,}-entry compile "
        f"({compile_s:.1f} s) {slowest_health:.2f} s (bound {HEALTH_SHARE:.0%} of it)",
        same_key
        and not marker.exists()
        and replaced
        and applied
        and inline_written == 0
        and files <= glossary_cache.MAX_FILES
        and slowest_health < HEALTH_SHARE * compile_s,
    )


def compile_inline(client: Client) -> float:
    entries = [
        {"source": f"Lastwort{letters(n)}", "target": f"load{n}"} for n in range(INLINE_ENTRIES)
    ]
    started = time.perf_counter()
    client.request(
        "POST", "/v1/translate", json={"text": SENTENCE, "glossary": {"entries": entries}}
    )
    return time.perf_counter() - started


def health_during(client: Client, work: Callable[[Client], float]) -> tuple[float, float]:
    """The slowest /health answer while ``work`` runs in another thread, and its time."""
    done = threading.Event()
    took: list[float] = []

    def run() -> None:
        took.append(work(client))
        done.set()

    runner = threading.Thread(target=run)
    runner.start()
    slowest = 0.0
    while not done.wait(0.05):
        started = time.perf_counter()
        client.request("GET", "/health")
        slowest = max(slowest, time.perf_counter() - started)
    runner.join()
    return slowest, took[0]


def segment_targets(client: Client, article_id: str) -> list[str]:
    document = client.request("GET", f"/v1/articles/{article_id}").json()
    return [segment["target"] for block in document["blocks"] for segment in block["segments"]]


def recorded_glossary(client: Client) -> Outcome:
    """An article translated with a request's own entries, then a stored glossary named
    ``inline`` with other entries: a split and a merge must use the recorded entries."""
    own = {"entries": [{"source": "Amtskollege", "target": "counterpart", "kind": "term"}]}
    body = {"text": RESEGMENT_TEXT, "glossary": own}
    article = client.request("POST", "/v1/articles", json=body).json()
    url = f"/v1/articles/{article['id']}"
    planted = [("Amtskollege", "colleague-in-office")]
    client.request("PUT", "/v1/glossaries/inline", **tsv(planted))
    try:
        offset = RESEGMENT_TEXT.index("mit Amtskollegen")
        split = client.request("POST", f"{url}/segments/b0s0/split", json={"offset": offset})
        after_split = segment_targets(client, article["id"])
        first = client.request("GET", url).json()["blocks"][0]["segments"][0]["id"]
        merge = client.request("POST", f"{url}/segments/{first}/merge")
        after_merge = segment_targets(client, article["id"])
    finally:
        client.request("DELETE", "/v1/glossaries/inline")
    targets = after_split + after_merge
    own_used = sum("counterpart" in target.lower() for target in targets)
    planted_used = sum("colleague-in-office" in target for target in targets)
    return (
        f"split {split.status_code}, merge {merge.status_code}: segments with the recorded "
        f"entry {own_used}/{len(targets)}, with the planted 'inline' glossary's {planted_used}",
        split.status_code == merge.status_code == 200
        and own_used == len(targets) == 3
        and planted_used == 0,
    )


class FailingEngine:
    """The toy engine, except that a forced prefix (a glossary re-decode) fails with
    ``error``: ValueError is a prefix the engine refuses, anything else a crash."""

    def __init__(self, inner: Any, error: Exception) -> None:
        self.inner, self.error, self.prefixes = inner, error, 0
        self.name = inner.name

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def decode(self, requests: list[Request], *, beam_size: int = 4) -> list[Hypothesis]:
        if any(request.prefix is not None for request in requests):
            self.prefixes += 1
            raise self.error
        return engine_decode(self.inner, requests, beam_size=beam_size)

    def continue_from(self, sentence: str, prefix: str, *, beam_size: int = 4) -> Hypothesis:
        self.prefixes += 1
        raise self.error


@contextmanager
def captured(logger: str) -> Iterator[list[logging.LogRecord]]:
    records: list[logging.LogRecord] = []

    class Kept(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)

    handler = Kept(logging.WARNING)
    log = logging.getLogger(logger)
    log.addHandler(handler)
    try:
        yield records
    finally:
        log.removeHandler(handler)


def engine_failures(open_app: Callable[[Any], AbstractContextManager[Client]], toy: Any) -> Outcome:
    """The app in process on an engine whose glossary re-decodes fail: refused, the term
    falls through with a log line naming the segment; crashed, the request fails with a
    clear error and the crash in the log, never a term reported violated."""
    # The toy model leaves no word the chain could replace by this term: it re-decodes.
    entry = {"source": "Steuersenkung", "target": "tax relief", "kind": "term"}
    body = {"text": "Die Regierung kündigte Steuersenkungen an.", "glossary": {"entries": [entry]}}
    found = {}
    for kind, error in (
        ("refused", ValueError("prefix refused")),
        ("crashed", RuntimeError("engine crashed")),
    ):
        engine = FailingEngine(toy, error)
        with captured("mtdesk") as records, open_app(engine) as client:
            answer = client.request("POST", "/v1/translate", json=body)
        lines = [  # each line with the error it logged, traceback's included
            f"{record.getMessage()} {record.exc_info[1] if record.exc_info else ''}"
            for record in records
        ]
        found[kind] = (answer, engine.prefixes, lines)
    refused, refused_prefixes, refused_log = found["refused"]
    crashed, _, crashed_log = found["crashed"]
    named = [line for line in refused_log if "segment b0s0" in line and "prefix refused" in line]
    crash_logged = any("engine crashed" in line for line in crashed_log)
    code = crashed.json().get("error", {}).get("code") if crashed.content else None
    return (
        f"refused re-decodes {refused_prefixes}: {refused.status_code}, log lines naming "
        f"segment b0s0 {len(named)}; crashed: {crashed.status_code} {code}, crash in the "
        f"log {crash_logged}",
        refused.status_code == 200
        and refused_prefixes > 0
        and bool(named)
        and crashed.status_code >= 500
        and crash_logged,
    )
