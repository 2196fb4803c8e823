"""The Host check: a server answers only to the names in MTDESK_ALLOWED_HOSTS."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from models.marian import MarianEngine
from service.app import create_app
from service.http.middleware import host_name
from service.settings import Settings


def _settings(tmp_path: Path, **fields: str) -> Settings:
    return Settings(model="toy", db=f"sqlite:///{tmp_path / 'h.db'}", glossary="", **fields)


@pytest.mark.parametrize(
    ("header", "name"),
    [
        ("localhost:8000", "localhost"),
        ("LOCALHOST", "localhost"),
        ("[::1]:8000", "::1"),
        ("[::1]", "::1"),
        ("127.0.0.1:80", "127.0.0.1"),
        ("evil.example", "evil.example"),
    ],
)
def test_host_name_drops_the_port(header: str, name: str) -> None:
    assert host_name(header) == name


def test_default_hosts_are_loopback_and_the_bound_address(tmp_path: Path) -> None:
    assert _settings(tmp_path).host_names() == {"localhost", "127.0.0.1", "::1"}
    bound = _settings(tmp_path, host="10.0.0.5").host_names()
    assert bound == {"localhost", "127.0.0.1", "::1", "10.0.0.5"}
    assert _settings(tmp_path, allowed_hosts="mt.example, [::1]").host_names() == {
        "mt.example",
        "::1",
    }
    assert _settings(tmp_path, allowed_hosts="*").host_names() is None


def test_a_rebound_host_is_refused_everywhere(tmp_path: Path, toy_engine: MarianEngine) -> None:
    """DNS rebinding: another site's name, its own Origin; pages, forms and /v1 all refuse."""
    app = create_app(_settings(tmp_path), engine=toy_engine)
    evil = {"Host": "evil.example", "Origin": "http://evil.example"}
    with TestClient(app, base_url="http://localhost") as client:
        assert client.get("/").status_code == 200
        assert client.get("/", headers={"Host": "127.0.0.1:8000"}).status_code == 200
        assert client.get("/", headers={"Host": "[::1]:8000"}).status_code == 200
        for method, path in [
            ("GET", "/"),
            ("GET", "/v1/articles"),
            ("POST", "/v1/translate"),
            ("POST", "/v1/articles"),
            ("POST", "/articles"),
            ("GET", "/health"),
        ]:
            response = client.request(method, path, headers=evil, json={"text": "Guten Tag."})
            assert response.status_code == 400, (method, path)
            assert response.json()["error"]["code"] == "host_not_allowed"
            assert response.json()["error"]["detail"] == {"host": "evil.example"}
            assert response.headers["x-frame-options"] == "DENY"
        assert client.get("/v1/articles").json()["total"] == 0  # nothing was stored


def test_star_allows_any_host(tmp_path: Path, toy_engine: MarianEngine) -> None:
    app = create_app(_settings(tmp_path, allowed_hosts="*"), engine=toy_engine)
    with TestClient(app, base_url="http://localhost") as client:
        assert client.get("/health", headers={"Host": "mt.example"}).status_code == 200
