"""The batch job pages: progress, articles, and taking a done article into review."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import lxml.html
import pytest
from fastapi.testclient import TestClient

from models.marian import MarianEngine
from service.app import create_app
from service.batch import outputs
from service.batch.inputs import InputArticle
from service.batch.jobstore import JobStore
from service.pipeline.translator import Translator
from service.settings import Settings
from tests.test_api_translate import ARTICLE
from tests.test_web_pages import HOSTILE, SCRIPTS, token


def modelless_client(tmp_path: Path) -> TestClient:
    """The app without a model: the service's batch worker then never runs a job, so the
    tests set each job's progress themselves."""
    settings = Settings(
        model=str(tmp_path / "absent-model"),
        db=f"sqlite:///{tmp_path / 'db'}",
        glossary="",
        api_key=None,
    )
    return TestClient(create_app(settings), base_url="http://localhost")


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    with modelless_client(tmp_path) as client:
        yield client


def test_jobs_show_progress_and_done_articles_open_for_review(
    client: TestClient, tmp_path: Path, toy_engine: MarianEngine
) -> None:
    store = client.app.state.runtime.store  # type: ignore[attr-defined]
    jobs = JobStore(store)
    articles = [
        InputArticle("news/a.txt", "news/a.txt", "text", ARTICLE),
        InputArticle("<b>bad</b>.txt", "bad.txt", "text", error="not UTF-8 <script>x</script>"),
        InputArticle("news/c.txt", "news/c.txt", "text", HOSTILE),
    ]
    job = jobs.create(
        key="k",
        input="archive <1>.zip",
        out_dir=str(tmp_path),
        model="toy",
        glossary_name=None,
        glossary_version=None,
        options={},
        articles=articles,
        max_chars=100_000,
    )
    document = Translator(toy_engine).translate(ARTICLE)
    [first, _failed, _pending] = jobs.items(job.id)
    record = outputs.article_record(
        document, article_id=first.article_id, title=None, fmt="text", path=first.path
    )
    outputs.write_article(tmp_path, first.out_path, record)
    jobs.finish_item(
        job.id, first.seq, {"segments": 4, "memory_hits": 1, "flags": {"repetition": 2}}
    )

    listing = lxml.html.fromstring(client.get("/jobs").text)
    [row] = listing.cssselect("tr.job-row")
    assert row.cssselect("td.title a")[0].text == "archive <1>.zip"
    bar = row.cssselect("progress")[0]
    assert (bar.get("value"), bar.get("max")) == ("2", "3")  # one done, one failed

    page = client.get(f"/jobs/{job.id}")
    html = lxml.html.fromstring(page.text)
    assert html.cssselect("#job")[0].get("data-live") == "1"  # queued: the page polls
    rows = html.cssselect("tr.item-row")
    assert [r.cssselect(".badge")[0].text for r in rows] == ["done", "failed", "pending"]
    assert "not UTF-8 <script>x</script>" in rows[1].text_content()
    assert [script.get("src") for script in html.iter("script")] == SCRIPTS
    assert [form.get("action") for form in html.cssselect("tr.item-row form")] == [
        f"/jobs/{job.id}/items/0/review"
    ]
    assert client.get(f"/jobs/{job.id}/progress").json() == {
        "state": "queued",
        "live": True,
        "total": 3,
        "finished": 2,
        "done": 1,
        "failed": 1,
    }

    reviewed = client.post(
        f"/jobs/{job.id}/items/0/review", data={"csrf_token": token(client)}, follow_redirects=False
    )
    assert reviewed.status_code == 303
    article_id = reviewed.headers["location"].rsplit("/", 1)[1]
    stored = client.get(f"/v1/articles/{article_id}").json()
    assert [b["segments"] for b in stored["blocks"]] == [  # stored: each at version 1
        [{**segment, "version": 1} for segment in b["segments"]]
        for b in document.model_dump(mode="json")["blocks"]
    ]
    assert stored["target_text"] == document.target_text
    not_done = client.post(f"/jobs/{job.id}/items/2/review", data={"csrf_token": token(client)})
    assert not_done.status_code == 422
    assert client.get("/jobs/0123456789abcdef").status_code == 404
