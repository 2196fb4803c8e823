"""Hostile inputs, races and faults against a real ``mtdesk serve --model toy`` on 127.0.0.1.

Usage:
    python bench/hostile.py                  # every class, a 35,000-character article for 6
    python bench/hostile.py --chars 4000     # a shorter pathological article (slow CPUs)
    python bench/hostile.py --classes 4,6    # only the classes named
    python bench/hostile.py --db postgresql+psycopg://user:pw@localhost/db   # on PostgreSQL

One server, with an API key, answers every class of the second security review
(issue 23) in turn; every loop is bounded by a count, never by time. For each
class it prints the inputs tried, how many answers were 5xx, the slowest
answer, and how far the server's resident memory rose above what it was
before the class (its peak, sampled every 10 ms from ``/proc/PID/status``),
with a note on what the class must show:

1. markup nested thousands deep (Markdown emphasis, HTML): 422, never 500;
2. reviewer edits holding markup: the Markdown output holds no raw ``<img``;
3. reads, exports, review pages and edits racing with splits and merges;
4. four concurrent uploads of a 1 MB zip holding a hundred 10 MB members
   that are not articles: peak RSS above idle (must stay under 200 MB);
5. U+0000 in API bodies and in an archive article (422; that article fails);
6. a pathological plain-text article (short tokens with asterisks, no
   sentence punctuation) against a normal article of the same length: the
   ratio of their times, after a warm-up on other text (must stay under 2x);
7. glossary entries that a spreadsheet would run as formulas: export → import;
8. requests naming another host (DNS rebinding): 400;
9. a too-short API key at start, and the server's whole log: the key nowhere.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import tempfile
import threading
import time
import warnings
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from markdown_it import MarkdownIt

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from models import toy_corpus  # noqa: E402
from service.testing import LiveServer, run_cli  # noqa: E402

KEY = "hostile-bench-key-5e1f0c"
SHORT_KEY = "short-5e1f0c"
SENTENCE = "Der Minister kommt am Montag nach Berlin."
HOSTILE_EDITS = [
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    "# not a heading",
    "```",
    "- not a list\n\n> nor a quote",
]


@dataclass
class Row:
    name: str
    inputs: int = 0
    errors_5xx: int = 0
    slowest: float = 0.0
    rss_growth: float = 0.0
    note: str = ""
    lock: threading.Lock = field(default_factory=threading.Lock)

    def answered(self, response: httpx.Response, seconds: float) -> httpx.Response:
        with self.lock:
            self.inputs += 1
            self.errors_5xx += response.status_code >= 500
            self.slowest = max(self.slowest, seconds)
        return response


class Client:
    """httpx with the key, timing each answer into the current row."""

    def __init__(self, url: str) -> None:
        self.http = httpx.Client(
            base_url=url, headers={"authorization": f"Bearer {KEY}"}, timeout=600
        )
        self.row = Row("")

    def request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        started = time.perf_counter()
        response = self.http.request(method, path, **kwargs)
        return self.row.answered(response, time.perf_counter() - started)


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


@contextmanager
def measured(row: Row, pid: int) -> Iterator[None]:
    """Samples the server's RSS while the block runs; its peak above the start goes in."""
    idle = rss_mib(pid)
    peak = idle
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.wait(0.01):
            peak = max(peak, rss_mib(pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        yield
    finally:
        stop.set()
        sampler.join()
        row.rss_growth = max(peak, rss_mib(pid)) - idle


def wrapped(opening: str, closing: str, levels: int, text: str = SENTENCE) -> str:
    return opening * levels + text + closing * levels


def deep_nesting(client: Client) -> str:
    cases = [
        (wrapped("*", "*", 3000), "markdown"),
        (wrapped("_", "_", 3000), "markdown"),
        ("> " * 45 + wrapped("*", "*", 3000), "markdown"),
        (wrapped("<b>", "</b>", 5000), "html"),
        (wrapped("<div><i>", "</i></div>", 200), "html"),
        (wrapped("*", "*", 40), "markdown"),
        (wrapped("<b>", "</b>", 250), "html"),
    ]
    codes = [
        client.request("POST", "/v1/translate", json={"text": t, "format": f}).status_code
        for t, f in cases
    ]
    return f"answers {sorted(set(codes))}"


def hostile_edits(client: Client) -> str:
    raw = 0
    for edit in HOSTILE_EDITS:
        source = f"# Titel\n\n{SENTENCE}\n\n```\ncode\n```\n"
        article = client.request(
            "POST", "/v1/articles", json={"text": source, "format": "markdown"}
        ).json()
        url = f"/v1/articles/{article['id']}"
        client.request("PATCH", f"{url}/segments/b1s0", json={"target": edit})
        document = client.request("GET", url).json()["target_document"]
        html = MarkdownIt("commonmark").render(document)
        raw += (
            "<img" in html
            or 'href="javascript' in html
            or html.count("<h1>") != 1
            or html.count("<pre>") != 1
            or "<li>" in html
            or "<blockquote>" in html
        )
    return f"outputs with live markup: {raw}"


def race(client: Client) -> str:
    first, second = SENTENCE, "Er spricht dort über die Lage."
    article_id = client.request("POST", "/v1/articles", json={"text": f"{first} {second}"}).json()[
        "id"
    ]
    url = f"/v1/articles/{article_id}"
    done = threading.Event()

    def resegment() -> None:
        try:
            for _ in range(30):
                segments = client.request("GET", url).json()["blocks"][0]["segments"]
                if len(segments) == 2:
                    client.request("POST", f"{url}/segments/{segments[0]['id']}/merge")
                else:
                    body = {"offset": len(first) + 1}
                    client.request("POST", f"{url}/segments/{segments[0]['id']}/split", json=body)
        finally:
            done.set()

    def first_id() -> str:
        answer = client.request("GET", url)
        return answer.json()["blocks"][0]["segments"][0]["id"] if answer.is_success else "b0s0"

    reads: list[Callable[[], object]] = [
        lambda: client.request("GET", f"{url}/export?format=xliff"),
        lambda: client.request("GET", f"/articles/{article_id}"),
        lambda: client.request(
            "PATCH", f"{url}/segments/{first_id()}", json={"target": "The minister."}
        ),
        lambda: client.request("GET", f"{url}/segments/{first_id()}"),
    ]

    def read(action: Callable[[], object]) -> None:
        for _ in range(300):
            if done.is_set():
                return
            action()

    threads = [threading.Thread(target=resegment)]
    threads += [threading.Thread(target=read, args=(action,)) for action in reads]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return "30 splits and merges, 4 readers"


def archive_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for n in range(100):
            archive.writestr(f"media/{n:03}.bin", b"\0" * (10 * 1024 * 1024))
        archive.writestr("article.txt", SENTENCE)
    return buffer.getvalue()


def archive_uploads(client: Client) -> str:
    data = archive_bytes()
    codes: list[int] = []

    def upload() -> None:
        answer = client.request("POST", "/v1/jobs", files={"file": ("media.zip", data)})
        codes.append(answer.status_code)

    threads = [threading.Thread(target=upload) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return f"4 uploads of {len(data) / 2**20:.1f} MB (1 GB inside): {sorted(codes)}"


def nul_text(client: Client) -> str:
    bodies = [("/v1/translate", {"text": "Der\x00 Minister."})]
    bodies += [("/v1/articles", {"text": SENTENCE, "title": "T\x00"})]
    codes = [client.request("POST", path, json=body).status_code for path, body in bodies]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("nul.txt", "Der Minister\x00 kommt.")
        archive.writestr("ok.txt", SENTENCE)
    job = client.request("POST", "/v1/jobs", files={"file": ("nul.zip", buffer.getvalue())})
    counts: dict[str, int] = {}
    for _ in range(600):  # a bound on the small job, not a figure
        state = client.request("GET", f"/v1/jobs/{job.json()['id']}").json()
        if state["state"] not in ("queued", "running"):
            counts = state["counts"]
            break
        time.sleep(0.1)
    return f"API {sorted(set(codes))}, job {counts}"


def pathological(client: Client, chars: int) -> str:
    sentences = [pair.source for pair in toy_corpus.held_out(1200)]
    normal = normal_article(sentences[100:], chars)  # no sentence twice: each is decoded
    junk = junk_article(["a*", "*b", "c*d", "*", "e", "f*g*", "h"], chars)
    # Whatever either text first needs (language models, the segmenter) loads in a
    # warm-up on other text: a timed text translated twice would come from the memory.
    for text in (normal_article(sentences[:100], 2000), junk_article(["x*", "*y", "z"], 2000)):
        client.request("POST", "/v1/translate", json={"text": text, "source_lang": "auto"})
    times, statuses = {}, []
    for name, text in (("normal", normal), ("junk", junk)):
        started = time.perf_counter()
        body = {"text": text, "source_lang": "auto"}
        answer = client.request("POST", "/v1/translate", json=body)
        times[name] = time.perf_counter() - started
        statuses.append(answer.status_code)
    return (
        f"{chars} chars: normal {times['normal']:.1f} s, junk {times['junk']:.1f} s, "
        f"ratio {times['junk'] / times['normal']:.2f}x (answers {statuses})"
    )


def normal_article(sentences: list[str], chars: int) -> str:
    paragraphs = [" ".join(sentences[i : i + 4]) for i in range(0, len(sentences), 4)]
    return "\n\n".join(paragraphs)[:chars].rsplit(" ", 1)[0]


def junk_article(units: list[str], chars: int) -> str:
    """Very short tokens with asterisks and no sentence punctuation, no token twice (the
    translator decodes each distinct piece once: repeated junk would cost nothing)."""
    return " ".join(units[i % len(units)] + letters(i) for i in range(chars))[:chars]


def letters(number: int) -> str:
    """A distinct lowercase suffix for each number (a, b, …, z, ba, bb, …)."""
    out = ""
    while True:
        number, digit = divmod(number, 26)
        out = chr(ord("a") + digit) + out
        if not number:
            return out


def wait_for(client: Client, job_id: str) -> dict[str, Any]:
    for _ in range(1200):  # a bound on a small job, not a figure
        state: dict[str, Any] = client.request("GET", f"/v1/jobs/{job_id}").json()
        if state["state"] not in ("queued", "running"):
            return state
        time.sleep(0.1)
    return state


def colliding_ids(client: Client) -> str:
    """Ids that read alike once made safe, and one too long for a file name."""
    ids = ["a b", "a?b", "a_b", "a_b~2", "a/b", "x" * 1000]  # 1000: the API's longest id
    articles = [{"id": article_id, "text": SENTENCE} for article_id in ids]
    job = client.request("POST", "/v1/jobs", json={"articles": articles}).json()
    state = wait_for(client, job["id"])
    lines = client.request("GET", f"/v1/jobs/{job['id']}/results").text.splitlines()
    listed = [json.loads(line)["id"] for line in lines]
    return f"job {state['state']} {state['counts']}; each id once: {listed == ids}"


def duplicate_members(client: Client) -> str:
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("a.txt", SENTENCE)
            archive.writestr("a.txt", SENTENCE)
    twice = client.request("POST", "/v1/jobs", files={"file": ("twice.zip", buffer.getvalue())})
    lines = io.BytesIO()
    with zipfile.ZipFile(lines, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("a.jsonl", b'{"text": "Ein Satz."}\n' * 150_000)
    many = client.request("POST", "/v1/jobs", files={"file": ("lines.zip", lines.getvalue())})
    return f"two members of one name: {twice.status_code}; 150,000 lines: {many.status_code}"


def metric_labels(client: Client) -> str:
    before = len(client.request("GET", "/metrics").content)
    for number in range(300):
        method = "X" + letters(number) + "M" * 4000
        client.request(method, f"/{letters(number)}")
    after = len(client.request("GET", "/metrics").content)
    return f"/metrics {before / 1024:.0f} KB -> {after / 1024:.0f} KB after 300 made-up methods"


def forged_cookies(client: Client) -> str:
    codes = []
    for digits in (4_301, 5_000, 20_000):
        cookie = f"mtdesk_session={'9' * digits}.{letters(digits)}"
        answer = client.request("GET", "/", headers={"cookie": cookie}, follow_redirects=False)
        codes.append(answer.status_code)
    return f"answers {sorted(set(codes))}"


def if_match_lists(client: Client) -> str:
    article = client.request("POST", "/v1/articles", json={"text": SENTENCE}).json()
    url = f"/v1/articles/{article['id']}/segments/b0s0"
    codes = []
    for number, header in enumerate(['"7", "1"', '"1", "7"', '"9", "8"']):
        body = {"target": f"Edit {letters(number)}."}
        answer = client.request("PATCH", url, json=body, headers={"If-Match": header})
        codes.append(answer.status_code)
    return f"lists with the current tag, then none: {codes} (200, 412 after it moved, 412)"


def formulas(client: Client) -> str:
    entries = [
        {"source": "=HYPERLINK(1)", "target": "=1+1"},
        {"source": "+49", "target": "-2", "note": "@SUM(A1)"},
        {"source": "'=x", "target": "'s-Hertogenbosch"},
    ]
    client.request("PUT", "/v1/glossaries/formulas", json={"entries": entries})
    exported = client.request("GET", "/v1/glossaries/formulas?format=csv").text
    live = sum(
        cell[:1] in ("=", "+", "-", "@")
        for line in exported.splitlines()[1:]
        for cell in line.split(",")
        if cell
    )
    client.request(
        "PUT",
        "/v1/glossaries/again",
        content=exported.encode(),
        headers={"content-type": "text/csv"},
    )
    same = (
        client.request("GET", "/v1/glossaries/again").json()["entries"]
        == client.request("GET", "/v1/glossaries/formulas").json()["entries"]
    )
    return f"cells a spreadsheet would run: {live}; round trip exact: {same}"


def other_hosts(client: Client) -> str:
    evil = {"host": "evil.example", "origin": "http://evil.example"}
    codes = [
        client.request(method, path, headers=evil, json={"text": SENTENCE}).status_code
        for method, path in [
            ("GET", "/"),
            ("GET", "/v1/articles"),
            ("POST", "/v1/translate"),
            ("POST", "/v1/articles"),
            ("GET", "/health"),
        ]
    ]
    return f"answers {sorted(set(codes))}"


def secrets(client: Client, server: LiveServer) -> str:
    started = time.perf_counter()
    short = run_cli("serve", "--model", "toy", env={"MTDESK_API_KEY": SHORT_KEY})
    client.row.answered(httpx.Response(200 if short.returncode == 2 else 500), 0)
    client.row.slowest = max(client.row.slowest, time.perf_counter() - started)
    client.request("GET", "/v1/articles", headers={"authorization": "Bearer wrong"})
    client.request("POST", "/login", data={"key": KEY, "csrf_token": "x"})
    echoed = SHORT_KEY.encode() in short.stdout + short.stderr
    in_log = KEY in server.log.read_text(encoding="utf-8", errors="replace")
    return f"short key echoed: {echoed}; key in the server log: {in_log}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=35_000, help="class 6 article length")
    parser.add_argument("--db", help="database URL for the server (default: an SQLite file)")
    parser.add_argument(
        "--classes", help="the classes to run, by number, e.g. 4,6 (default: all of them)"
    )
    args = parser.parse_args()
    chosen = set(args.classes.split(",")) if args.classes else None
    with tempfile.TemporaryDirectory() as scratch:
        env = {"MTDESK_API_KEY": KEY, "MTDESK_HOST": "127.0.0.1"}
        if args.db:
            env["MTDESK_DB"] = args.db
        server = LiveServer(Path(scratch), env=env)
        url = server.start()
        assert server.pid is not None
        client = Client(url)
        classes: list[tuple[str, Callable[[], str]]] = [
            ("1 deep nesting", lambda: deep_nesting(client)),
            ("2 edits as markup", lambda: hostile_edits(client)),
            ("3 split/merge race", lambda: race(client)),
            ("4 archive members", lambda: archive_uploads(client)),
            ("5 U+0000", lambda: nul_text(client)),
            ("6 pathological text", lambda: pathological(client, args.chars)),
            ("7 formula export", lambda: formulas(client)),
            ("8 other Host", lambda: other_hosts(client)),
            ("9 secrets", lambda: secrets(client, server)),
            ("10 colliding ids", lambda: colliding_ids(client)),
            ("11 archive names", lambda: duplicate_members(client)),
            ("12 metric labels", lambda: metric_labels(client)),
            ("13 forged cookie", lambda: forged_cookies(client)),
            ("14 If-Match list", lambda: if_match_lists(client)),
        ]
        classes = [c for c in classes if chosen is None or c[0].split()[0] in chosen]
        client.request("POST", "/v1/translate", json={"text": SENTENCE})  # warm-up
        rows = []
        try:
            for name, run in classes:
                client.row = Row(name)
                with measured(client.row, server.pid):
                    client.row.note = run()
                rows.append(client.row)
                print(f"... {name} done", file=sys.stderr, flush=True)
        finally:
            server.stop()
    print(f"{'class':22} {'inputs':>6} {'5xx':>4} {'slowest s':>9} {'RSS +MB':>8}  note")
    for row in rows:
        print(
            f"{row.name:22} {row.inputs:6} {row.errors_5xx:4} {row.slowest:9.2f} "
            f"{row.rss_growth:8.1f}  {row.note}"
        )


if __name__ == "__main__":
    main()
