"""No secret (API key, database password, session key) in an error, a log line or a page.

``.ci/run`` also greps the output of the whole test run for ``KEY``.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr, ValidationError

from models.marian import MarianEngine
from service.app import create_app
from service.settings import Settings
from service.web.render import CSRF_COOKIE
from tests.conftest import run_cli

KEY = "s3cret-key-0123456789"
SHORT_KEY = "s3cr3t-sh0rt"  # too short to be accepted, still a secret
PASSWORD = "pw-0f9e8d7c6b5a"


def test_a_short_key_is_not_quoted_by_settings() -> None:
    with pytest.raises(ValidationError) as info:
        Settings(api_key=SHORT_KEY)  # type: ignore[arg-type]
    assert "api_key" in str(info.value)
    assert SHORT_KEY not in str(info.value)
    assert SHORT_KEY not in repr(info.value)


@pytest.mark.parametrize("command", [["serve", "--model", "toy"], ["glossary", "list"]])
def test_a_short_key_is_not_echoed_at_start(command: list[str], tmp_path: Path) -> None:
    result = run_cli(
        *command, env={"MTDESK_API_KEY": SHORT_KEY, "MTDESK_DB": f"sqlite:///{tmp_path}/s.db"}
    )
    assert result.returncode == 2
    assert result.stderr.decode() == (
        "mtdesk: error: invalid api_key: Value should have at least 16 items after validation, "
        "not 12 "
        "(set by its option or by MTDESK_API_KEY)\n"
    )
    assert SHORT_KEY.encode() not in result.stdout


def test_a_database_password_is_not_shown(tmp_path: Path) -> None:
    url = f"postgresql+psycopg://mtdesk:{PASSWORD}@127.0.0.1:1/mtdesk"  # nothing listens there
    result = run_cli("glossary", "list", env={"MTDESK_DB": url})
    assert result.returncode != 0
    assert PASSWORD.encode() not in result.stdout + result.stderr
    for bad_url in (f"sqlite://{PASSWORD}", f"nosuchdb://mtdesk:{PASSWORD}@host/x"):
        bad = run_cli("glossary", "list", env={"MTDESK_DB": bad_url})
        assert bad.returncode == 2
        assert bad.stderr.decode().startswith(
            "mtdesk: error: MTDESK_DB is not a database URL that can be opened: "
        )
        assert PASSWORD.encode() not in bad.stdout + bad.stderr


def test_a_served_key_reaches_no_log_line_or_page(
    tmp_path: Path, toy_engine: MarianEngine, caplog: pytest.LogCaptureFixture
) -> None:
    settings = Settings(
        model="toy", db=f"sqlite:///{tmp_path / 's.db'}", glossary="", api_key=SecretStr(KEY)
    )
    seen: list[str] = []
    caplog.set_level(logging.DEBUG)
    with TestClient(create_app(settings, engine=toy_engine), base_url="http://localhost") as c:
        bearer = {"authorization": f"Bearer {KEY}"}
        seen.append(c.get("/v1/articles", headers={"authorization": "Bearer wrong"}).text)
        stored = c.post("/v1/articles", headers=bearer, json={"text": "Guten Morgen."})
        seen.append(stored.text)
        seen.append(c.get("/v1/articles/nope", headers=bearer).text)
        seen.append(c.get("/v1/nothing", headers=bearer).text)
        seen.append(c.get("/metrics").text)
        login = c.get("/login")
        token = login.cookies[CSRF_COOKIE]
        seen.append(login.text)
        form = {"key": "not-the-key-at-all", "csrf_token": token}
        seen.append(c.post("/login", data=form).text)
        answer = c.post("/login", data={**form, "key": KEY}, follow_redirects=False)
        assert answer.status_code == 303
        seen.append(str(answer.headers))
        seen.append(c.get(f"/articles/{stored.json()['id']}").text)
    seen += [record.getMessage() for record in caplog.records]
    seen += [str(record.exc_info) for record in caplog.records if record.exc_info]
    assert len(caplog.records) > 0
    assert [text for text in seen if KEY in text] == []


@pytest.mark.parametrize(("scheme", "secure"), [("https", True), ("http", False)])
def test_cookies_are_secure_under_https(
    scheme: str, secure: bool, tmp_path: Path, toy_engine: MarianEngine
) -> None:
    settings = Settings(
        model="toy", db=f"sqlite:///{tmp_path / 's.db'}", glossary="", api_key=SecretStr(KEY)
    )
    app = create_app(settings, engine=toy_engine)
    with TestClient(app, base_url=f"{scheme}://localhost") as c:
        page = c.get("/login")
        csrf = page.headers["set-cookie"]
        assert csrf.startswith(f"{CSRF_COOKIE}=")
        assert ("; secure" in csrf.lower()) is secure
        form = {"key": KEY, "csrf_token": page.cookies[CSRF_COOKIE]}
        session = c.post("/login", data=form, follow_redirects=False).headers["set-cookie"]
        assert ("; secure" in session.lower()) is secure
