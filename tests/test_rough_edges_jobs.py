"""Batch jobs over HTTP as a new user meets them: a retry takes the options the job's
errors point to, and no answer names a file of the server's."""

from __future__ import annotations

from fastapi.testclient import TestClient

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
