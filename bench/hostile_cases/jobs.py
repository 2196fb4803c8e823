"""Batch jobs: a cancel that holds (issue 31, item 3); articles inside archive members
counted against the cap, and turns between jobs (item 4)."""

from __future__ import annotations

import io
import tarfile
import time
import zipfile
from collections.abc import Callable
from contextlib import AbstractContextManager

from hostile_cases.common import Client, Outcome, letters, wait_for
from models import toy_corpus

BIG_GLOSSARY = 10_000  # entries: its compile in the job worker takes a second or two
CAP = 100_000  # MTDESK_MAX_JOB_ARTICLES's default


def big_glossary_tsv() -> bytes:
    rows = [f"Pw{letters(n)}\tc{letters(n)}\tterm" for n in range(BIG_GLOSSARY)]
    return ("source\ttarget\tkind\n" + "\n".join(rows) + "\n").encode()


def cancel_holds(client: Client) -> Outcome:
    """A job cancelled while the worker compiles its glossary, then retried: it must stay
    cancelled, and the retry must run nothing (it has no failed article)."""
    tsv = {"content-type": "text/tab-separated-values"}
    put = client.request(
        "PUT", "/v1/glossaries/hostile-big", content=big_glossary_tsv(), headers=tsv
    )
    articles = [{"id": f"c{n}", "text": source} for n, source in enumerate(sentences(3, 0))]
    body = {"articles": articles, "glossary": ["hostile-big"]}
    job = client.request("POST", "/v1/jobs", json=body)
    if put.status_code != 201 or job.status_code != 202:
        return f"glossary {put.status_code}, job {job.status_code}: {job.text[:200]}", False
    job_id = job.json()["id"]
    cancelled = client.request("POST", f"/v1/jobs/{job_id}/cancel").json()["state"]
    # The same glossary compiled for a request: once it answers, the worker's compile is
    # over too (or was never started); then the worker has had its chance to run the job.
    started = time.perf_counter()
    client.request("POST", "/v1/translate", json={"text": "Pwa.", "glossary": "hostile-big"})
    compile_s = time.perf_counter() - started
    time.sleep(2)
    after = wait_for(client, job_id, bound=300)
    client.request("POST", f"/v1/jobs/{job_id}/retry")
    time.sleep(2)
    retried = wait_for(client, job_id, bound=300)
    held = cancelled == after["state"] == retried["state"] == "cancelled" and after[
        "counts"
    ] == retried["counts"] == {"cancelled": 3}
    return (
        f"cancel during a {BIG_GLOSSARY:,}-entry compile (~{compile_s:.1f} s): "
        f"{after['state']} {after['counts']}; after retry {retried['state']} "
        f"{retried['counts']}",
        held,
    )


def sentences(count: int, skip: int) -> list[str]:
    return [pair.source for pair in toy_corpus.held_out(skip + count)][skip:]


def jsonl_lines(count: int) -> bytes:
    return b"".join(b'{"text": "Ein Satz %d."}\n' % n for n in range(count))


def member_lines(client: Client) -> Outcome:
    """Archives whose JSONL members hold more lines than the cap, in one member or split
    over several, zip and tar.gz: 422, nothing queued."""
    before = client.request("GET", "/v1/jobs").json()["total"]
    uploads: dict[str, bytes] = {}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("one.jsonl", jsonl_lines(CAP + 50_000))
    uploads["one member.zip"] = buffer.getvalue()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for part in range(3):
            archive.writestr(f"part{part}.jsonl", jsonl_lines(CAP // 3 + 1))
    uploads["three members.zip"] = buffer.getvalue()
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        data = jsonl_lines(CAP + 1)
        info = tarfile.TarInfo("lines.jsonl")
        info.size = len(data)
        archive.addfile(info, io.BytesIO(data))
    uploads["lines.tar.gz"] = buffer.getvalue()
    codes = [
        client.request("POST", "/v1/jobs", files={"file": (name, data)}).status_code
        for name, data in uploads.items()
    ]
    queued = client.request("GET", "/v1/jobs").json()["total"] - before
    sizes = ", ".join(f"{len(data) / 1024:.0f} KB" for data in uploads.values())
    return (
        f"over {CAP:,} lines inside members ({sizes}): answers {codes}, jobs queued {queued}",
        set(codes) == {422} and queued == 0,
    )


def fair_turns(open_app: Callable[[], AbstractContextManager[Client]], turn_s: float) -> Outcome:
    """A long job and a short one queued after it, on the app in process with a turn of
    ``turn_s`` (the server's is 30 s; a turn that long would make the class slow): the
    short job must end first."""
    from service.batch import worker

    default, worker.TURN_S = worker.TURN_S, turn_s
    try:
        with open_app() as client:
            long_body = {"articles": [{"text": text} for text in sentences(60, 200)]}
            long_job = client.request("POST", "/v1/jobs", json=long_body).json()
            for _ in range(600):  # until the worker has taken the long job
                if client.request("GET", f"/v1/jobs/{long_job['id']}").json()["state"] != "queued":
                    break
                time.sleep(0.05)
            queued = time.perf_counter()
            short_body = {"articles": [{"text": sentences(1, 300)[0]}]}
            short_job = client.request("POST", "/v1/jobs", json=short_body).json()
            short = wait_for(client, short_job["id"])
            short_s = time.perf_counter() - queued
            long = wait_for(client, long_job["id"])
            long_s = time.perf_counter() - queued
    finally:
        worker.TURN_S = default
    first = short["updated"] < long["updated"]
    return (
        f"turn {turn_s} s: the 1-article job queued behind a 60-article one ended after "
        f"{short_s:.1f} s, the long one after {long_s:.1f} s; short first: {first}",
        first and short["state"] == long["state"] == "done",
    )
