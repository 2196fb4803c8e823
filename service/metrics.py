"""Prometheus metrics of one app: requests, latencies, segments, batches, memory hits.

Each app owns its registry, so several apps in one process (tests) never
collide on metric names.
"""

from __future__ import annotations

from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Gauge, Histogram
from prometheus_client.exposition import generate_latest

from service.document import AlignedDocument

# Label values come from closed sets, or a client could grow /metrics without bound
# (a new time series for every made-up method name).
METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
OTHER = "other"
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60)
SIZE_BUCKETS = (1, 2, 4, 8, 16, 32, 64, 128, 256, 512)


class Metrics:
    content_type = CONTENT_TYPE_LATEST

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "mtdesk_http_requests",
            "HTTP requests answered, by method, route template and status.",
            ["method", "route", "status"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "mtdesk_http_request_duration_seconds",
            "Time from request to the end of the response, by method and route template.",
            ["method", "route"],
            buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.segments = Counter(
            "mtdesk_segments_translated",
            "Segments translated, by where the translation came from (model, memory, approved).",
            ["origin"],
            registry=self.registry,
        )
        self.batch_sentences = Histogram(
            "mtdesk_batch_sentences",
            "Distinct sentences in one engine call of the inference worker.",
            buckets=SIZE_BUCKETS,
            registry=self.registry,
        )
        self.batch_requests = Histogram(
            "mtdesk_batch_requests",
            "Requests merged into one engine call of the inference worker.",
            buckets=SIZE_BUCKETS,
            registry=self.registry,
        )
        self.memory_lookups = Counter(
            "mtdesk_memory_lookups",
            "Translation memory lookups of distinct sentences, by result (hit, miss).",
            ["result"],
            registry=self.registry,
        )
        self.model_ready = Gauge(
            "mtdesk_model_ready", "1 once the model is loaded.", registry=self.registry
        )

    def observe_request(self, method: str, route: str, status: int, seconds: float) -> None:
        """``route``: the matched route's template (the app's own, a closed set) or
        ``unmatched``; any method outside the HTTP ones this service knows is ``other``."""
        method = method if method in METHODS else OTHER
        code = str(status) if 100 <= status <= 599 else OTHER
        self.requests.labels(method, route, code).inc()
        self.latency.labels(method, route).observe(seconds)

    def observe_batch(self, sentences: int, requests: int) -> None:
        self.batch_sentences.observe(sentences)
        self.batch_requests.observe(requests)

    def observe_memory(self, hits: int, misses: int) -> None:
        self.memory_lookups.labels("hit").inc(hits)
        self.memory_lookups.labels("miss").inc(misses)

    def observe_document(self, document: AlignedDocument) -> None:
        for segment in document.segments():
            self.segments.labels(segment.origin).inc()

    def render(self) -> bytes:
        return generate_latest(self.registry)
