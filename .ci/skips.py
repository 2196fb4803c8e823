"""Fail CI on a skipped test whose reason is not allowed: ``python .ci/skips.py LOG``.

LOG is the output of ``pytest -rA``; its summary has one ``SKIPPED [n] file:line:
reason`` line per skip. Only what a CI machine may truly lack is allowed (see
README, Tests): a GPU, root's file modes, and SQLite-only settings on the
PostgreSQL run. A skip for a missing server, browser, package or data set means
CI did not test it, and fails.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ALLOWED = [
    # (file, reason): regular expressions, the file matched at its start
    (r"tests/test_gpu\.py", r".*"),  # no GPU, or a CTranslate2 build without CUDA
    (r"tests/", r"no CUDA device\b.*"),
    (r"tests/", r"root reads a file whatever its mode"),
    (r"tests/", r"a SQLite setting"),
]
SKIPPED = re.compile(r"^SKIPPED \[\d+\] (?P<file>[^:]+):(?:\d+:)? (?P<reason>.*)$")


def unexpected(log: str) -> list[str]:
    """The SKIPPED summary lines whose file and reason no allowed pair matches."""
    found = []
    for line in log.splitlines():
        skip = SKIPPED.match(line.strip())
        if skip is None:
            continue
        reason = skip["reason"].removeprefix("Skipped: ")
        if not any(
            re.match(file, skip["file"]) and re.fullmatch(allowed, reason)
            for file, allowed in ALLOWED
        ):
            found.append(line.strip())
    return found


def main(argv: list[str]) -> int:
    log = Path(argv[1]).read_text(errors="replace")
    bad = unexpected(log)
    for line in bad:
        print(f"CI: a test was skipped for a reason CI does not allow: {line}", file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
