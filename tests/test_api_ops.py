import secrets
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from models.engine import Hypothesis
from models.marian import MarianEngine
from service.app import create_app
from service.errors import ModelUnavailable
from service.pipeline import engines
from service.settings import Settings
from tests.conftest import run_cli
from tests.test_api_translate import assert_error

KEY = "s3cret-key-0123456789"


def test_health_is_up(client: TestClient) -> None:
    assert client.get("/health").json() == {"status": "ok"}
    assert client.get("/ready").json() == {"status": "ready", "model": "toy"}


def test_metrics_are_prometheus_text(client: TestClient) -> None:
    client.post("/v1/translate", json={"text": "Guten Morgen."})
    client.get("/nowhere")
    response = client.get("/metrics")
    assert response.headers["content-type"].startswith("text/plain")
    text = response.text
    assert (
        'mtdesk_http_requests_total{method="POST",route="/v1/translate",status="200"} 1.0' in text
    )
    assert 'route="unmatched",status="404"' in text
    assert 'mtdesk_http_request_duration_seconds_count{method="POST",route="/v1/translate"}' in text
    assert 'mtdesk_segments_translated_total{origin="model"} 1.0' in text
    assert "mtdesk_batch_sentences_count 1.0" in text
    assert "mtdesk_model_ready 1.0" in text


def test_made_up_methods_and_paths_do_not_grow_the_metrics(client: TestClient) -> None:
    """Label values come from closed sets: each request of junk adds no time series."""

    def junk(number: int) -> None:
        method = f"M{number:04d}" + secrets.token_hex(200).upper()
        client.request(method, f"/{secrets.token_hex(100)}")
        client.request(method, "/v1/translate")

    junk(0)  # the series for "other" methods appear once
    client.get("/metrics")  # and those of /metrics itself
    before = len(client.get("/metrics").content)
    for number in range(1, 60):
        junk(number)
    text = client.get("/metrics").text
    assert len(text) < before + 300  # counts grow by digits, nothing else
    assert 'method="other",route="unmatched"' in text
    assert "M0001" not in text


def test_unknown_routes_and_methods_answer_in_the_error_shape(client: TestClient) -> None:
    assert_error(client.get("/v2/translate"), 404, "not_found")
    response = client.get("/v1/translate")
    assert_error(response, 405, "method_not_allowed")
    assert response.headers["allow"] == "POST"


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "https://evil.example"},
        {"Origin": "null"},
        {"Sec-Fetch-Site": "cross-site"},
    ],
)
def test_a_browser_write_from_another_site_is_refused(
    client: TestClient, headers: dict[str, str]
) -> None:
    # A plain HTML form can POST text/plain across sites without a CORS preflight.
    response = client.post(
        "/v1/articles",
        content="Guten Morgen.",
        headers={"Content-Type": "text/plain", **headers},
    )
    assert_error(response, 403, "cross_site_request")
    assert client.get("/v1/articles").json()["total"] == 0


def test_writes_from_the_same_site_or_from_non_browsers_pass(client: TestClient) -> None:
    plain = {"Content-Type": "text/plain"}
    assert client.post("/v1/articles", content="Guten Morgen.", headers=plain).status_code == 201
    same_origin = {**plain, "Origin": "http://localhost", "Sec-Fetch-Site": "same-origin"}
    assert (
        client.post("/v1/articles", content="Gute Nacht.", headers=same_origin).status_code == 201
    )
    assert client.get("/v1/articles", headers={"Origin": "https://evil.example"}).status_code == 200


def test_openapi_lists_every_endpoint(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    operations = {(path, method) for path, item in spec["paths"].items() for method in item}
    assert operations >= {
        ("/v1/translate", "post"),
        ("/v1/articles", "post"),
        ("/v1/articles", "get"),
        ("/v1/articles/{article_id}", "get"),
        ("/v1/articles/{article_id}", "delete"),
        ("/v1/articles/{article_id}/segments/{segment_id}", "patch"),
        ("/v1/articles/{article_id}/export", "get"),
        ("/health", "get"),
        ("/ready", "get"),
        ("/metrics", "get"),
    }
    body = spec["paths"]["/v1/translate"]["post"]["requestBody"]["content"]
    assert set(body) == {"application/json", "text/plain"}
    assert {"ArticleCreate", "ArticlePublic", "ArticlesPublic", "ErrorPublic"} <= set(
        spec["components"]["schemas"]
    )
    assert "swagger-ui" in client.get("/docs").text


@pytest.fixture
def keyed(toy_engine: MarianEngine, api_settings: Settings) -> Iterator[TestClient]:
    settings = Settings(**{**api_settings.model_dump(), "api_key": KEY})
    with TestClient(create_app(settings, engine=toy_engine), base_url="http://localhost") as client:
        yield client


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("post", "/v1/translate"),
        ("post", "/v1/articles"),
        ("get", "/v1/articles"),
        ("get", "/v1/articles/0123456789abcdef"),
        ("delete", "/v1/articles/0123456789abcdef"),
        ("patch", "/v1/articles/0123456789abcdef/segments/b0s0"),
        ("get", "/v1/articles/0123456789abcdef/export"),
    ],
)
def test_every_v1_endpoint_needs_the_key_when_one_is_set(
    keyed: TestClient, method: str, path: str
) -> None:
    for headers in ({}, {"authorization": "Bearer wrong"}, {"authorization": f"Basic {KEY}"}):
        response = keyed.request(method, path, headers=headers, json={"text": "Hallo."})
        assert_error(response, 401, "unauthorized")
        assert response.headers["www-authenticate"] == "Bearer"


def test_the_right_key_opens_and_probes_stay_open(keyed: TestClient) -> None:
    authorized = {"authorization": f"Bearer {KEY}"}
    assert keyed.get("/v1/articles", headers=authorized).status_code == 200
    assert keyed.post("/v1/translate", headers=authorized, json={"text": "Hallo."}).is_success
    for path in ("/health", "/ready", "/metrics"):
        assert keyed.get(path).status_code == 200


def test_a_short_key_is_refused_at_start(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MTDESK_API_KEY", "short")
    with pytest.raises(ValueError, match="api_key"):
        Settings()


class GatedEngine:
    """The toy engine, held at a gate: shows what the app does while a translation runs."""

    def __init__(self, engine: MarianEngine) -> None:
        self.engine = engine
        self.name = engine.name
        self.gate = threading.Event()
        self.entered = threading.Event()

    def translate(
        self, sentences: list[str], *, beam_size: int = 4, with_alignment: bool = False
    ) -> list[Hypothesis]:
        self.entered.set()
        assert self.gate.wait(timeout=10)
        return self.engine.translate(sentences, beam_size=beam_size, with_alignment=with_alignment)

    def continue_from(self, sentence: str, prefix: str, *, beam_size: int = 4) -> Hypothesis:
        return self.engine.continue_from(sentence, prefix, beam_size=beam_size)

    def count_tokens(self, sentence: str) -> int:
        return self.engine.count_tokens(sentence)


def test_inference_does_not_block_the_event_loop(
    toy_engine: MarianEngine, api_settings: Settings
) -> None:
    gated = GatedEngine(toy_engine)
    with (
        TestClient(create_app(api_settings, engine=gated), base_url="http://localhost") as client,
        ThreadPoolExecutor(1) as pool,
    ):
        pending = pool.submit(client.post, "/v1/translate", json={"text": "Guten Morgen."})
        assert gated.entered.wait(timeout=10)
        started = time.monotonic()
        assert client.get("/health").status_code == 200  # answered while inference is held
        assert client.get("/v1/articles").status_code == 200
        assert time.monotonic() - started < 2
        gated.gate.set()
        assert pending.result().status_code == 200


def test_until_the_model_is_loaded_translation_is_503(
    toy_engine: MarianEngine, api_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    loaded = threading.Event()

    def slow_load(_settings: Settings) -> MarianEngine:
        assert loaded.wait(timeout=10)
        return toy_engine

    monkeypatch.setattr(engines, "load_engine", slow_load)
    with TestClient(create_app(api_settings), base_url="http://localhost") as client:
        for response in (
            client.get("/ready"),
            client.post("/v1/translate", json={"text": "Hallo."}),
            client.post("/v1/articles", json={"text": "Hallo."}),
        ):
            assert_error(response, 503, "model_loading")
            assert response.headers["retry-after"] == "5"
        assert client.get("/health").status_code == 200
        assert client.get("/v1/articles").json()["total"] == 0  # the store does not wait
        loaded.set()
        deadline = time.monotonic() + 10
        while client.get("/ready").status_code != 200 and time.monotonic() < deadline:
            time.sleep(0.02)
        assert client.post("/v1/translate", json={"text": "Hallo."}).status_code == 200


def test_a_model_that_fails_to_load_is_reported_by_ready(
    api_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    def missing(settings: Settings) -> MarianEngine:
        raise ModelUnavailable(f"model {settings.model!r} is not available", detail=None)

    monkeypatch.setattr(engines, "load_engine", missing)
    with TestClient(create_app(api_settings), base_url="http://localhost") as client:
        deadline = time.monotonic() + 10
        runtime = client.app.state.runtime
        while runtime.load_error is None and time.monotonic() < deadline:
            time.sleep(0.01)
        response = client.get("/ready")
        assert "is not available" in assert_error(response, 503, "model_unavailable")["message"]
        assert "retry-after" not in response.headers
        assert_error(
            client.post("/v1/translate", json={"text": "Hallo."}), 503, "model_unavailable"
        )


def test_serve_fails_fast_on_a_missing_model(tmp_path: Path) -> None:
    started = time.monotonic()
    result = run_cli("serve", "--model", str(tmp_path / "no-model"), "--port", "1")
    assert result.returncode == 2
    lines = result.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and "no such directory" in lines[0]
    assert time.monotonic() - started < 30
