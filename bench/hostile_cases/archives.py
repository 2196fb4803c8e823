"""Uploads: tar.gz members streamed one at a time, never held whole (issue 31, item 6)."""

from __future__ import annotations

import io
import tarfile

from hostile_cases.common import SENTENCE, Client, Outcome, wait_for

MEMBERS = 30
MEMBER_BYTES = 10 * 1024 * 1024
RSS_BOUND_MB = 200  # the zip of the same members: about 60 MB; held whole: about 466 MB


def tar_gz_bytes() -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for number in range(MEMBERS):
            info = tarfile.TarInfo(f"media/{number:02}.bin")
            info.size = MEMBER_BYTES
            archive.addfile(info, io.BytesIO(bytes(MEMBER_BYTES)))
        article = SENTENCE.encode()
        info = tarfile.TarInfo("article.txt")
        info.size = len(article)
        archive.addfile(info, io.BytesIO(article))
    return buffer.getvalue()


def tar_members(client: Client) -> tuple[str, int, dict[str, int]]:
    """Uploads the tar.gz and waits for its job: the row's RSS sampler sees the peak."""
    data = tar_gz_bytes()
    answer = client.request("POST", "/v1/jobs", files={"file": ("media.tar.gz", data)})
    counts = wait_for(client, answer.json()["id"])["counts"] if answer.is_success else {}
    size = f"{len(data) / 2**20:.1f} MB holding {MEMBERS} x {MEMBER_BYTES // 2**20} MB"
    return size, answer.status_code, counts


def streamed_tar(client: Client) -> Outcome:
    size, status, counts = tar_members(client)
    # The RSS growth is the row's; hostile.py judges it against RSS_BOUND_MB afterwards.
    return f"a tar.gz of {size}: {status}, job {counts} (RSS bound {RSS_BOUND_MB} MB)", (
        status == 202 and counts == {"done": 1}
    )
