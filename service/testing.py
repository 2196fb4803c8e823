"""The service as a user runs it, in child processes: for the tests and the benchmarks.

``LiveServer`` is a real ``mtdesk serve --model toy`` that can be started, killed
and started again; ``run_cli`` is one ``mtdesk`` command. Both run
``python -m service`` from the repository root, so they measure the code as
checked out. Only the standard library: the product's dependencies are enough.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
START_S = 300  # a generous bound on loading the toy model, never a timing assertion


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def run_cli(
    *args: str, stdin: bytes = b"", env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[bytes]:
    """`mtdesk ARGS` in a child process, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "service", *args],
        input=stdin,
        capture_output=True,
        env={**os.environ, **(env or {})},
        timeout=timeout,
        check=False,
    )


_DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # 127.0.0.1, no proxy


def _answers_200(url: str) -> bool:
    try:
        with _DIRECT.open(url, timeout=2) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, OSError):
        return False


class LiveServer:
    """``mtdesk serve`` in a child process; its state lives in ``workdir``.

    The SQLite database, the jobs directory and the server's log (one a start).
    """

    def __init__(self, workdir: Path, *, model: str = "toy", env: dict[str, str] | None = None):
        self.workdir = workdir
        self.model = model
        self.db_path = workdir / "mtdesk.db"
        self.env = {
            **os.environ,
            "MTDESK_DB": f"sqlite:///{self.db_path}",
            "MTDESK_JOBS_DIR": str(workdir / "jobs"),
            "MTDESK_API_KEY": "",
            "MTDESK_GLOSSARY": "",
            **(env or {}),
        }
        self.process: subprocess.Popen[bytes] | None = None
        self.url = ""
        self.starts = 0

    @property
    def log(self) -> Path:
        return self.workdir / f"server-{self.starts}.log"

    def start(self, *, probe: str = "/ready") -> str:
        """Start the server on a fresh port; its URL once ``probe`` answers 200.

        ``/ready`` waits for the model; ``/health`` only for the HTTP service (the store
        answers then, while the model still loads).
        """
        self.starts += 1
        port = free_port()
        command = [sys.executable, "-m", "service", "serve", "--model", self.model]
        command += ["--port", str(port)]
        with self.log.open("wb") as sink:  # a file, not a pipe: an unread pipe stalls a server
            self.process = subprocess.Popen(
                command, env=self.env, cwd=ROOT, stdout=sink, stderr=sink
            )
        self.url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + START_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the server exited: {self.log.read_text()[-2000:]}")
            if _answers_200(f"{self.url}{probe}"):
                return self.url
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"the server was not ready within {START_S} s")

    def kill(self) -> None:
        """SIGKILL: no shutdown handlers, no flushing; what is on disk is what there is."""
        if self.process is not None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=30)
            self.process = None

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()
            self.process = None

    @property
    def pid(self) -> int | None:
        return self.process.pid if self.process else None
