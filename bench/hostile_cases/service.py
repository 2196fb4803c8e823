"""The server under load of another kind: reads that must stay linear after long edits
(issue 31, item 5), clients that send slowly (item 13), numbers too large for any rule
(item 14)."""

from __future__ import annotations

import json
import re
import socket
import time
from urllib.parse import urlsplit

from hostile_cases.common import KEY, SENTENCE, Client, Outcome

# 31.5
LONG_EDIT = 5_000  # characters of one reviewer edit (every later read took 5.6 s)
HISTORY_EDIT = 12_000  # characters of each of two edits on the review page (7.4 s)
READ_BOUND_S = 1.0
PAGE_BOUND_S = 2.0
# 31.13: the bench server's MTDESK_HEADER_TIMEOUT_S and MTDESK_BODY_TIMEOUT_S
SLOW_TIMEOUT_S = 2.0
SLOW_CLIENTS = 200
HEALTH_BOUND_S = SLOW_TIMEOUT_S  # held up by the stalled ones, it would wait their timeout
# 31.14
HUGE = "9" * 5_000


def words(count: int, tag: str) -> str:
    return " ".join(f"{tag}{n}" for n in range(count))


def linear_reads(client: Client) -> Outcome:
    body = {"text": "Die Farbe der Wand ist grau. " + SENTENCE, "target_lang": "en-GB"}
    article = client.request("POST", "/v1/articles", json=body).json()
    url = f"/v1/articles/{article['id']}"
    segment = article["blocks"][0]["segments"][0]
    edit = (segment["target"] + " " + words(1_000, "w"))[:LONG_EDIT]
    patched = client.request("PATCH", f"{url}/segments/{segment['id']}", json={"target": edit})
    reads = []
    for _ in range(5):
        started = time.perf_counter()
        client.request("GET", url)
        reads.append(time.perf_counter() - started)
    for tag in ("x", "y"):  # two long rewrites in the history
        rewrite = words(3_000, tag)[:HISTORY_EDIT]
        client.request("PATCH", f"{url}/segments/{segment['id']}", json={"target": rewrite})
    reviewer = logged_in(client)
    started = time.perf_counter()
    page = reviewer.request("GET", f"/articles/{article['id']}")
    page_s = time.perf_counter() - started
    return (
        f"edit of {len(edit):,} chars: {patched.status_code}; slowest of 5 reads "
        f"{max(reads):.2f} s (bound {READ_BOUND_S} s); review page after two "
        f"{HISTORY_EDIT:,}-char rewrites {page_s:.2f} s (bound {PAGE_BOUND_S} s), "
        f"{page.status_code}",
        patched.status_code == 200
        and page.status_code == 200
        and max(reads) < READ_BOUND_S
        and page_s < PAGE_BOUND_S,
    )


def logged_in(client: Client) -> Client:
    """A client of its own (its cookies kept apart) logged in to the pages with the key."""
    reviewer = Client(client.url)
    reviewer.row = client.row
    form = reviewer.request("GET", "/login").text
    token = re.search(r'name="csrf_token" value="([^"]+)"', form)
    data = {"key": KEY, "csrf_token": token[1] if token else "", "next": "/"}
    reviewer.request("POST", "/login", data=data)
    return reviewer


def closed_within(connection: socket.socket, seconds: float) -> bool:
    connection.settimeout(seconds)
    try:
        while connection.recv(1024):
            pass
        return True
    except TimeoutError:
        return False
    except OSError:  # reset
        return True


def slow_clients(client: Client) -> Outcome:
    """Connections whose headers stop halfway (some trickling a byte), and one whose body
    stops: the others are served meanwhile, and the server drops them all."""
    address = urlsplit(client.url)
    host, port = address.hostname or "127.0.0.1", address.port or 80
    slow = [socket.create_connection((host, port), timeout=5) for _ in range(SLOW_CLIENTS)]
    try:
        for number, connection in enumerate(slow):
            if number == 0:
                connection.sendall(
                    b"POST /v1/translate HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    b"Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"
                )
            else:
                connection.sendall(b"GET /health HTTP/1.1\r\nHost: 127.")
        healths = []
        for _ in range(10):
            started = time.perf_counter()
            answer = client.request("GET", "/health")
            healths.append((answer.status_code, time.perf_counter() - started))
            for connection in slow[1 : 1 + 20]:
                try:
                    connection.sendall(b"0")  # trickling does not extend the deadline
                except OSError:  # already dropped by the server
                    pass
            time.sleep(0.1)
        dropped = sum(closed_within(connection, 5 * SLOW_TIMEOUT_S) for connection in slow)
    finally:
        for connection in slow:
            connection.close()
    slowest = max(seconds for _, seconds in healths)
    codes = sorted({code for code, _ in healths})
    return (
        f"{SLOW_CLIENTS} stalled connections: /health {codes}, slowest {slowest:.2f} s (bound "
        f"{HEALTH_BOUND_S} s); dropped by the server {dropped}/{SLOW_CLIENTS} (timeout "
        f"{SLOW_TIMEOUT_S} s)",
        codes == [200] and slowest < HEALTH_BOUND_S and dropped == SLOW_CLIENTS,
    )


def huge_numbers(client: Client) -> Outcome:
    """Numbers far past any real figure, in money, units, URLs and a glossary target, in
    each target locale, whole and streamed: never a 500, never an error line."""
    texts = [
        f"Der Schaden betrug {HUGE} Euro.",
        f"Es waren 1{'0' * 400} Kilometer bis {HUGE[:300]},5 Meilen.",
        "Der Wert lag bei 1e999999 Prozent und 9E+99999 Dollar.",
        f"Siehe https://example.com/{HUGE[:2000]}?n={HUGE[:500]} für Details.",
        f"Die Summe von {HUGE[:100]},{HUGE[:100]} Millionen Euro am 99.99.{HUGE[:50]}.",
    ]
    glossary = {"entries": [{"source": "Schaden", "target": f"{HUGE[:300]} damage"}]}
    bodies: list[dict[str, object]] = [{"text": text} for text in texts]
    bodies.append({"text": texts[0].replace(HUGE, "12"), "glossary": glossary})
    codes, error_lines = [], 0
    for target_lang in ("en", "en-GB", "en-US"):
        for body in bodies:
            body = {**body, "target_lang": target_lang}
            codes.append(client.request("POST", "/v1/translate", json=body).status_code)
            streamed = client.request(
                "POST", "/v1/translate", json=body, headers={"accept": "application/x-ndjson"}
            )
            codes.append(streamed.status_code)
            if streamed.status_code == 200:
                lines = [json.loads(line) for line in streamed.text.splitlines() if line.strip()]
                error_lines += sum("error" in line for line in lines)
    return (
        f"{len(codes)} answers {sorted(set(codes))}; error lines in the streams {error_lines}",
        set(codes) <= {200, 422} and error_lines == 0,
    )
