"""Batch jobs over HTTP as a new user meets them: a retry takes the options the job's
errors point to, and no answer names a file of the server's."""

from __future__ import annotations

import io
import zipfile

import lxml.html
from fastapi.testclient import TestClient

from service.settings import Settings
from tests.test_batch_api import SENTENCES, client, settings, wait_until_finished

__all__ = ["client", "settings"]  # fixtures

ENGLISH = "The minister met his counterpart in Geneva on Friday to discuss the crisis. " * 3


def test_an_english_article_is_retried_with_the_source_lang_its_error_names(
    client: TestClient,
) -> None:
    articles = [{"id": "de", "text": SENTENCES[0]}, {"id": "en", "text": ENGLISH}]
    job = client.post("/v1/jobs", json={"articles": articles}).json()
    finished = wait_until_finished(client, job["id"])
    [failure] = finished["errors"]
    assert failure["id"] == "en" and '"source_lang": "auto"' in failure["error"]

    retried = client.post(f"/v1/jobs/{job['id']}/retry", json={"source_lang": "auto"})
    assert retried.status_code == 202, retried.text
    finished = wait_until_finished(client, job["id"])
    assert finished["errors"] == [] and finished["counts"]["done"] == 2


def test_a_retry_with_an_unknown_locale_is_refused_and_changes_nothing(
    client: TestClient,
) -> None:
    job = client.post("/v1/jobs", json={"articles": [{"id": "en", "text": ENGLISH}]}).json()
    wait_until_finished(client, job["id"])
    refused = client.post(f"/v1/jobs/{job['id']}/retry", json={"target_lang": "en-AU"})
    assert refused.status_code == 422
    assert client.get(f"/v1/jobs/{job['id']}").json()["state"] == "done"


def test_a_broken_upload_is_named_as_the_user_named_it(client: TestClient) -> None:
    refused = client.post("/v1/jobs", files={"file": ("fake.zip", b"not a zip at all")})
    assert refused.status_code == 422
    message = refused.json()["error"]["message"]
    assert message.startswith("fake.zip is not a readable zip archive")
    assert "upload.zip" not in message and "/" not in message


def test_a_jsonl_upload_names_its_lines_by_the_user_s_file(client: TestClient) -> None:
    lines = f'{{"id": "a", "text": "{SENTENCES[0]}"}}\n{{"id": "a", "text": "{SENTENCES[1]}"}}\n'
    job = client.post("/v1/jobs", files={"file": ("news.jsonl", lines.encode())}).json()
    [failure] = wait_until_finished(client, job["id"])["errors"]
    assert failure["error"] == "duplicate article id 'a' on line 2 of news.jsonl (first on line 1)"


def test_the_job_page_links_its_results_and_names_no_server_path(
    client: TestClient, settings: Settings
) -> None:
    job = client.post("/v1/jobs", json={"articles": [{"id": "x", "text": SENTENCES[0]}]}).json()
    wait_until_finished(client, job["id"])
    html = client.get(f"/jobs/{job['id']}").text
    assert settings.jobs_dir not in html and "/out" not in html
    assert "1 / 1 article, 0 failed" in html  # the noun by its number
    page = lxml.html.fromstring(html)
    [link] = page.xpath("//a[@download]/@href")
    download = client.get(link)
    assert download.status_code == 200
    assert download.headers["content-type"] == "application/zip"
    names = zipfile.ZipFile(io.BytesIO(download.content)).namelist()
    assert "results.jsonl" in names and "report.json" in names
