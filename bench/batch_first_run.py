"""A new user's first batch: 200 articles built from ../shared/data, translated, then re-run.

Usage:
    python bench/batch_first_run.py [--articles 200] [--model toy] [--keep DIR]

Runs ``mtdesk batch DIR --out OUT --model toy`` as a user would (progress on
stderr, shown as it comes), then the same command again, and prints how long
each took: the second run only reports that everything is done.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from batch_data import write_articles  # noqa: E402


def timed(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--model", default="toy")
    parser.add_argument("--keep", type=Path, help="work here and keep the files")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as scratch:
        work = args.keep or Path(scratch)
        write_articles(work / "articles", args.articles, paragraphs=1)
        command = [sys.executable, "-m", "service", "batch", str(work / "articles")]
        command += ["--out", str(work / "out"), "--model", args.model]
        first = timed(command)
        second = timed(command)
        print(f"first run: {first:.1f} s; second run (everything done): {second:.1f} s")


if __name__ == "__main__":
    main()
