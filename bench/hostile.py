"""Hostile inputs, races and faults against a real ``mtdesk serve --model toy`` on 127.0.0.1.

Usage:
    python bench/hostile.py                  # every class (class 6: 4,000 characters)
    python bench/hostile.py --classes 4,6,31.3   # only the classes named
    python bench/hostile.py --classes 6 --junk letters   # class 6 on the junk of old: fails
    python bench/hostile.py --db postgresql+psycopg://user:pw@localhost/db   # on PostgreSQL

One server, with an API key, answers every class in turn; every loop is
bounded by a count, never by time. For each class it prints whether it held,
its seconds, the inputs tried, how many answers were 5xx, the slowest answer,
how far the server's resident memory rose above what it was before the class
(its peak, sampled every 10 ms from ``/proc/PID/status``), and a note with
the figures the verdict rests on and their bounds. A class holds when its own
check passes, no answer was 5xx (but where the attack must be answered so:
31.9's engine crash, 31.12's busy database) and the RSS stays within its
bound; the exit status is 1 when one does not. Classes 31.4t and 31.9 run the
app in this process (a turn of 0.5 s; an engine whose re-decodes fail).

The second security review (issue 23):

1. markup nested thousands deep (Markdown emphasis, HTML): 422, never 500;
2. reviewer edits holding markup: the Markdown output holds no raw ``<img``;
3. reads, exports, review pages and edits racing with splits and merges;
4. four concurrent uploads of a 1 MB zip holding a hundred 10 MB members
   that are not articles: peak RSS above idle (must stay under 200 MB);
5. U+0000 in API bodies and in an archive article (422; that article fails);
6. pathological plain text (random German words, asterisks and one-letter
   tokens, no sentence punctuation, no piece twice) against the same words as
   sentences: the ratio of the server's CPU times (under 2x), both at least
   90% translated (junk the language look keeps as foreign would cost nothing);
7. glossary entries that a spreadsheet would run as formulas: export → import;
8. requests naming another host (DNS rebinding): 400;
9. a too-short API key at start, and the server's whole log: the key nowhere.

The third (issue 31), one class an item: 31.1 ids that read alike; 31.2 two
archive members of one name; 31.3 a cancel while the glossary compiles, then
a retry; 31.4 lines inside archive members past the cap, 31.4t a short job
behind a long one; 31.5 reads after a 5,000-character edit, the review page
after two 12,000-character ones; 31.6 a tar.gz of thirty 10 MB members (RSS);
31.7 a pickle planted in the glossary cache, inline glossaries, the cache's
bound, /health during a 10,000-entry compile; 31.8 split and merge after a
glossary named ``inline`` is stored; 31.9 glossary re-decodes refused and
crashing; 31.10 made-up HTTP methods against /metrics; 31.11 forged session
cookies; 31.12 posts under another connection's lock; 31.13 stalled headers
and bodies; 31.14 numbers too large for any rule, whole and streamed; 31.15
If-Match lists.
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
from functools import partial
from pathlib import Path

import httpx
from hostile_cases import archives, database, glossaries, jobs, service
from hostile_cases.common import (
    KEY,
    SENTENCE,
    Client,
    Outcome,
    Row,
    cpu_seconds,
    in_process,
    letters,
    measured,
    wait_for,
)
from hostile_cases.junk import german_junk, german_sentences, translated_share
from markdown_it import MarkdownIt

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from models import toy_corpus  # noqa: E402
from service.testing import LiveServer, run_cli  # noqa: E402

SHORT_KEY = "short-5e1f0c"
RESEGMENTS = 16  # splits and merges in class 3, each racing four readers
METRICS_GROWTH_BOUND = 100 * 1024  # bytes /metrics may grow by after 300 made-up methods
FAIR_TURN_S = 0.5  # the in-process worker's turn in class 31.4t (the server's is 30 s)
RSS_BOUNDS_MB = {"4": 200, "31.6": archives.RSS_BOUND_MB}  # peak RSS above idle
ANSWERS_503 = {"31.9", "31.12"}  # classes whose attack must be answered 5xx (a crash, busy)
HOSTILE_EDITS = [
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    "# not a heading",
    "```",
    "- not a list\n\n> nor a quote",
]


def wrapped(opening: str, closing: str, levels: int, text: str = SENTENCE) -> str:
    return opening * levels + text + closing * levels


def deep_nesting(client: Client) -> Outcome:
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
    return f"answers {sorted(set(codes))}", set(codes) <= {200, 422}


def hostile_edits(client: Client) -> Outcome:
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
    return f"outputs with live markup: {raw}", raw == 0


def race(client: Client) -> Outcome:
    first, second = SENTENCE, "Er spricht dort über die Lage."
    article_id = client.request("POST", "/v1/articles", json={"text": f"{first} {second}"}).json()[
        "id"
    ]
    url = f"/v1/articles/{article_id}"
    done = threading.Event()

    def resegment() -> None:
        try:
            for _ in range(RESEGMENTS):
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
    return f"{RESEGMENTS} splits and merges, 4 readers", True  # held: no 5xx (judged in main)


def archive_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for n in range(100):
            archive.writestr(f"media/{n:03}.bin", b"\0" * (10 * 1024 * 1024))
        archive.writestr("article.txt", SENTENCE)
    return buffer.getvalue()


def archive_uploads(client: Client) -> Outcome:
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
    note = f"4 uploads of {len(data) / 2**20:.1f} MB (1 GB inside): {sorted(codes)}"
    return note, set(codes) == {202}  # the RSS bound is judged in main


def nul_text(client: Client) -> Outcome:
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
    return f"API {sorted(set(codes))}, job {counts}", set(codes) == {422} and counts == {
        "done": 1,
        "failed": 1,
    }


RATIO_BOUND = 2.0  # junk time over normal time
SHARE_BOUND = 0.9  # the least share of each text the model must have translated


def pathological(client: Client, pid: int, chars: int, junk_kind: str = "german") -> Outcome:
    """Junk (random German words, asterisks, no sentence punctuation, no piece twice) against
    its control (the same words as plain sentences); both must be translated, not kept
    as foreign, and the junk must not cost the server more than RATIO_BOUND times the CPU
    time of its control (wall time moves with the other work of a shared machine)."""
    if junk_kind == "german":
        junk, control = german_junk(chars), german_sentences(chars)
        warm_up = [german_sentences(2000, seed=7), german_junk(2000, seed=8)]
    else:  # the junk of earlier releases, against a normal article of news sentences
        sentences = [pair.source for pair in toy_corpus.held_out(1200)]
        junk = junk_article(["a*", "*b", "c*d", "*", "e", "f*g*", "h"], chars)
        control = normal_article(sentences[100:], chars)  # no sentence twice
        warm_up = [normal_article(sentences[:100], 2000), junk_article(["x*", "*y", "z"], 2000)]
    # Whatever either text first needs (language models, the segmenter) loads in a
    # warm-up on other text: a timed text translated twice would come from the memory.
    for text in warm_up:
        client.request("POST", "/v1/translate", json={"text": text, "source_lang": "auto"})
    times, statuses, shares = {}, [], {}
    for name, text in (("control", control), ("junk", junk)):
        started = cpu_seconds(pid)
        body = {"text": text, "source_lang": "auto"}
        answer = client.request("POST", "/v1/translate", json=body)
        times[name] = cpu_seconds(pid) - started
        statuses.append(answer.status_code)
        shares[name] = translated_share(text, answer.json()) if answer.is_success else 0.0
    ratio = times["junk"] / times["control"]
    return (
        f"{chars} chars, server CPU: {junk_kind} junk {times['junk']:.1f} s, its control "
        f"{times['control']:.1f} s, ratio {ratio:.2f}x (bound {RATIO_BOUND}x); translated: "
        f"control {shares['control']:.0%}, junk {shares['junk']:.0%} (bound "
        f"{SHARE_BOUND:.0%}); answers {statuses}",
        ratio < RATIO_BOUND and min(shares.values()) >= SHARE_BOUND and statuses == [200, 200],
    )


def normal_article(sentences: list[str], chars: int) -> str:
    paragraphs = [" ".join(sentences[i : i + 4]) for i in range(0, len(sentences), 4)]
    return "\n\n".join(paragraphs)[:chars].rsplit(" ", 1)[0]


def junk_article(units: list[str], chars: int) -> str:
    """Very short tokens with asterisks and no sentence punctuation, no token twice (the
    translator decodes each distinct piece once: repeated junk would cost nothing)."""
    return " ".join(units[i % len(units)] + letters(i) for i in range(chars))[:chars]


def colliding_ids(client: Client) -> Outcome:
    """Ids that read alike once made safe, and one too long for a file name."""
    ids = ["a b", "a?b", "a_b", "a_b~2", "a/b", "x" * 1000]  # 1000: the API's longest id
    articles = [{"id": article_id, "text": SENTENCE} for article_id in ids]
    job = client.request("POST", "/v1/jobs", json={"articles": articles}).json()
    state = wait_for(client, job["id"])
    lines = client.request("GET", f"/v1/jobs/{job['id']}/results").text.splitlines()
    listed = [json.loads(line)["id"] for line in lines]
    note = f"job {state['state']} {state['counts']}; each id once: {listed == ids}"
    return note, state["state"] == "done" and listed == ids


def duplicate_members(client: Client) -> Outcome:
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("a.txt", SENTENCE)
            archive.writestr("a.txt", SENTENCE)
    twice = client.request("POST", "/v1/jobs", files={"file": ("twice.zip", buffer.getvalue())})
    named = "a.txt" in twice.text
    note = f"two members of one name: {twice.status_code}, the member named: {named}"
    return note, twice.status_code == 422 and named  # the lines inside members: 31.4


def metric_labels(client: Client) -> Outcome:
    before = len(client.request("GET", "/metrics").content)
    for number in range(300):
        method = "X" + letters(number) + "M" * 4000
        client.request(method, f"/{letters(number)}")
    after = len(client.request("GET", "/metrics").content)
    note = f"/metrics {before / 1024:.0f} KB -> {after / 1024:.0f} KB after 300 made-up methods"
    return note, after - before < METRICS_GROWTH_BOUND


def forged_cookies(client: Client) -> Outcome:
    codes = []
    for digits in (4_301, 5_000, 20_000):
        cookie = f"mtdesk_session={'9' * digits}.{letters(digits)}"
        answer = client.request("GET", "/", headers={"cookie": cookie}, follow_redirects=False)
        codes.append(answer.status_code)
    return f"answers {sorted(set(codes))}", set(codes) <= {200, 303, 401}


def if_match_lists(client: Client) -> Outcome:
    article = client.request("POST", "/v1/articles", json={"text": SENTENCE}).json()
    url = f"/v1/articles/{article['id']}/segments/b0s0"
    codes = []
    for number, header in enumerate(['"7", "1"', '"1", "7"', '"9", "8"']):
        body = {"target": f"Edit {letters(number)}."}
        answer = client.request("PATCH", url, json=body, headers={"If-Match": header})
        codes.append(answer.status_code)
    note = f"lists with the current tag, then none: {codes} (200, 412 after it moved, 412)"
    return note, codes == [200, 412, 412]


def formulas(client: Client) -> Outcome:
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
    return f"cells a spreadsheet would run: {live}; round trip exact: {same}", live == 0 and same


def other_hosts(client: Client) -> Outcome:
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
    return f"answers {sorted(set(codes))}", set(codes) == {400}


def secrets(client: Client, server: LiveServer) -> Outcome:
    started = time.perf_counter()
    short = run_cli("serve", "--model", "toy", env={"MTDESK_API_KEY": SHORT_KEY})
    client.row.answered(httpx.Response(200 if short.returncode == 2 else 500), 0)
    client.row.slowest = max(client.row.slowest, time.perf_counter() - started)
    client.request("GET", "/v1/articles", headers={"authorization": "Bearer wrong"})
    client.request("POST", "/login", data={"key": KEY, "csrf_token": "x"})
    echoed = SHORT_KEY.encode() in short.stdout + short.stderr
    in_log = KEY in server.log.read_text(encoding="utf-8", errors="replace")
    note = f"short key echoed: {echoed}; key in the server log: {in_log}"
    return note, not echoed and not in_log and short.returncode == 2


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=4_000, help="class 6 article length")
    parser.add_argument(
        "--junk",
        choices=["german", "letters"],
        default="german",
        help="class 6's junk: random German words (default), or the letters of earlier "
        "releases, which the language look keeps untranslated (the class then fails)",
    )
    parser.add_argument("--db", help="database URL for the server (default: an SQLite file)")
    parser.add_argument(
        "--classes", help="the classes to run, by number, e.g. 4,6,31.3 (default: all of them)"
    )
    args = parser.parse_args()
    chosen = set(args.classes.split(",")) if args.classes else None
    with tempfile.TemporaryDirectory() as scratch_dir:
        scratch = Path(scratch_dir)
        cache_home = scratch / "cache"  # the server's XDG_CACHE_HOME: its glossary cache
        env = {
            "MTDESK_API_KEY": KEY,
            "MTDESK_HOST": "127.0.0.1",
            "MTDESK_DB_BUSY_TIMEOUT_S": str(database.BUSY_TIMEOUT_S),
            "XDG_CACHE_HOME": str(cache_home),
            "MTDESK_HEADER_TIMEOUT_S": str(service.SLOW_TIMEOUT_S),
            "MTDESK_BODY_TIMEOUT_S": str(service.SLOW_TIMEOUT_S),
        }
        if args.db:
            env["MTDESK_DB"] = args.db
        server = LiveServer(scratch, env=env)
        url = server.start()
        pid = server.pid
        assert pid is not None
        client = Client(url)
        toy: list[object] = []  # the engine of the classes that run the app in process

        def engine() -> object:
            if not toy:
                from models.marian import MarianEngine

                toy.append(MarianEngine("toy", threads=2))
            return toy[0]

        @contextmanager
        def app(chosen_engine: object | None = None) -> Iterator[Client]:
            """The app in this process, in a scratch folder of its own; its answers
            count in the current class's row."""
            apps = len(list(scratch.glob("app-*")))
            with in_process(scratch / f"app-{apps}", chosen_engine or engine()) as local:
                local.row = client.row
                yield local

        classes: list[tuple[str, Callable[[], Outcome]]] = [
            ("1 deep nesting", lambda: deep_nesting(client)),
            ("2 edits as markup", lambda: hostile_edits(client)),
            ("3 split/merge race", lambda: race(client)),
            ("4 archive members", lambda: archive_uploads(client)),
            ("5 U+0000", lambda: nul_text(client)),
            (
                "6 pathological text",
                lambda: pathological(client, pid, args.chars, args.junk),
            ),
            ("7 formula export", lambda: formulas(client)),
            ("8 other Host", lambda: other_hosts(client)),
            ("9 secrets", lambda: secrets(client, server)),
            ("31.1 colliding ids", lambda: colliding_ids(client)),
            ("31.2 archive names", lambda: duplicate_members(client)),
            ("31.3 cancel holds", lambda: jobs.cancel_holds(client)),
            ("31.4 member lines", lambda: jobs.member_lines(client)),
            ("31.4t fair turns", lambda: jobs.fair_turns(app, FAIR_TURN_S)),
            ("31.5 linear reads", lambda: service.linear_reads(client)),
            ("31.6 tar.gz stream", lambda: archives.streamed_tar(client)),
            ("31.7 glossary cache", lambda: glossaries.cache_holds_no_code(client, cache_home)),
            ("31.8 recorded glossary", lambda: glossaries.recorded_glossary(client)),
            ("31.9 engine failures", lambda: glossaries.engine_failures(app, engine())),
            ("31.10 metric labels", lambda: metric_labels(client)),
            ("31.11 forged cookie", lambda: forged_cookies(client)),
            (
                "31.12 busy database",
                partial(database.busy_database, client, args.db, server.db_path),
            ),
            ("31.13 slow clients", lambda: service.slow_clients(client)),
            ("31.14 huge numbers", lambda: service.huge_numbers(client)),
            ("31.15 If-Match list", lambda: if_match_lists(client)),
        ]
        classes = [c for c in classes if chosen is None or c[0].split()[0] in chosen]
        client.request("POST", "/v1/translate", json={"text": SENTENCE})  # warm-up
        rows = []
        try:
            for name, run in classes:
                client.row = Row(name)
                started = time.perf_counter()
                with measured(client.row, pid):
                    try:
                        client.row.note, held = run()
                    except Exception as error:  # the class broke: it did not hold
                        client.row.note, held = f"{type(error).__name__}: {error}"[:300], False
                client.row.seconds = time.perf_counter() - started
                number = name.split()[0]
                bound = RSS_BOUNDS_MB.get(number)
                client.row.held = (
                    held
                    and (client.row.errors_5xx == 0 or number in ANSWERS_503)
                    and (bound is None or client.row.rss_growth < bound)
                )
                rows.append(client.row)
                print(f"... {name} done", file=sys.stderr, flush=True)
        finally:
            server.stop()
    print(
        f"{'class':24} {'held':>4} {'s':>5} {'inputs':>6} {'5xx':>4} {'slowest s':>9} "
        f"{'RSS +MB':>8}  note"
    )
    for row in rows:
        print(
            f"{row.name:24} {'yes' if row.held else 'NO':>4} {row.seconds:5.0f} {row.inputs:6} "
            f"{row.errors_5xx:4} {row.slowest:9.2f} {row.rss_growth:8.1f}  {row.note}"
        )
    failed = [row.name for row in rows if not row.held]
    print(
        f"{len(rows) - len(failed)} of {len(rows)} classes held"
        + (f"; not: {failed}" if failed else "")
    )
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
