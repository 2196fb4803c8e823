"""Which quotations are taken for another language, and which German is left alone.

    python bench/quotations.py [--show]

Quotations: ``tests/data/quotations_tune.tsv`` and ``quotations_test.tsv``
(language, quotation; ``de`` must stay German, ``any`` is a name in another
language that may go either way). Word runs: runs of 2, 3 and 4 words of the
German sentences of ``../shared/data/segmentation_dev_ud_german_gsd.jsonl``
(web reviews and news, English brand names and loan words among them), each
judged as a quotation; every one taken for foreign is a German phrase that
would stay untranslated. The tune half of the word runs comes from the even
documents (0, 2, ...), the test half from the odd ones.

Each figure is printed for the tune half (what rules may be changed on) and
the test half (the result; bench/README.md says how the halves were made).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from service.checks.quotations import foreign_quote  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
HALVES = ("tune", "test")
QUOTATIONS = {half: ROOT / "tests" / "data" / f"quotations_{half}.tsv" for half in HALVES}
GERMAN = ROOT.parent / "shared" / "data" / "segmentation_dev_ud_german_gsd.jsonl"


def quotations(half: str, show: bool) -> None:
    rows = [
        line.split("\t")
        for line in QUOTATIONS[half].read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    foreign = [(language, quote) for language, quote in rows if language not in ("de", "any")]
    german = [quote for language, quote in rows if language == "de"]
    recognised = sum(foreign_quote(quote) == language for language, quote in foreign)
    protected = [quote for quote in german if foreign_quote(quote)]
    print(f"{half}: foreign quotations recognised: {recognised}/{len(foreign)}")
    print(f"{half}: German quotations taken for foreign: {len(protected)}/{len(german)}")
    if show:
        for language, quote in foreign:
            if foreign_quote(quote) != language:
                print(f"  missed ({language}): {quote}")
        for quote in protected:
            print(f"  German taken for foreign: {quote}")


def word_runs(half: str, show: bool) -> None:
    if not GERMAN.exists():
        print(f"word runs: {GERMAN} is missing")
        return
    runs = []
    documents = GERMAN.read_text(encoding="utf-8").splitlines()
    for line in documents[HALVES.index(half) :: 2]:
        for sentence in json.loads(line)["sentences"]:
            words = sentence.split()
            for size in (2, 3, 4):
                for start in range(0, len(words) - size + 1, size):
                    runs.append(" ".join(words[start : start + size]).strip('.,;:!?"()'))
    taken = [(run, language) for run in runs if (language := foreign_quote(run))]
    print(f"{half}: German word runs taken for foreign: {len(taken)}/{len(runs)}")
    if show:
        for run, language in taken:
            print(f"  {run} ({language})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="list every miss")
    args = parser.parse_args()
    for half in HALVES:
        quotations(half, args.show)
    for half in HALVES:
        word_runs(half, args.show)


if __name__ == "__main__":
    main()
