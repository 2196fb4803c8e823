"""Localisation precision and recall on a labelled dev set of English news sentences.

Usage:
    python bench/localisation.py [--data bench/data/localisation_test.txt] [--show]

Each line of the dev set is ``locale | sentence | before => after; ...``: the
changes a desk of that locale wants (none: the sentence must stay as it is).
Sentences go both ways (American copy to en-GB, British copy to en-US) and some
carry German conventions the model left (``3. October``, ``14.30 Uhr``,
``1,5 billion euros``). A change the localiser makes is right when its English
before and after are one of the sentence's labelled changes (a final full stop
aside: "6pm." becoming "6 p.m." ends the sentence with one stop, as AP writes it).

Precision: right changes / changes made. Recall: right changes / labelled changes.
Also checked on every sentence: each change's span holds its ``after``, and
localising the output again changes nothing.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from service.localise import localise, profile_for

DATA = Path(__file__).with_name("data") / "localisation_test.txt"


def read(path: Path) -> list[tuple[str, str, list[tuple[str, str]]]]:
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        locale, sentence, labels = (part.strip() for part in line.split("|"))
        pairs = []
        for label in filter(None, (item.strip() for item in labels.split(";"))):
            before, after = (side.strip() for side in label.split("=>"))
            pairs.append((before, after))
        cases.append((locale, sentence, pairs))
    return cases


def unstopped(pair: tuple[str, str]) -> tuple[str, str]:
    return pair[0].removesuffix("."), pair[1].removesuffix(".")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--show", action="store_true", help="print every disagreement")
    args = parser.parse_args()
    cases = read(args.data)
    made = right = labelled = 0
    by_rule: Counter[str] = Counter()
    wrong_by_rule: Counter[str] = Counter()
    unstable = 0
    for locale, sentence, pairs in cases:
        profile = profile_for(locale)
        assert profile is not None
        result = localise(sentence, profile)
        wanted = Counter(unstopped(pair) for pair in pairs)
        got = Counter(unstopped((change.before, change.after)) for change in result.changes)
        hits = sum((wanted & got).values())
        made += sum(got.values())
        right += hits
        labelled += sum(wanted.values())
        for change in result.changes:
            by_rule[change.rule] += 1
            assert result.text[slice(*change.target_span)] == change.after
            if unstopped((change.before, change.after)) not in wanted:
                wrong_by_rule[change.rule] += 1
        if localise(result.text, profile).changes:
            unstable += 1
            if args.show:
                print(f"not idempotent: {result.text}")
        if args.show and wanted != got:
            print(f"{locale}: {sentence}\n  wanted {sorted(wanted.elements())}")
            print(f"  got    {sorted(got.elements())}")
    en_gb = sum(locale == "en-GB" for locale, _, _ in cases)
    print(f"sentences: {len(cases)} (to en-GB {en_gb}, to en-US {len(cases) - en_gb}); "
          f"labelled changes: {labelled}; changes made: {made}")  # fmt: skip
    print(f"precision: {right / made:.3f} ({right}/{made})")
    print(f"recall:    {right / labelled:.3f} ({right}/{labelled})")
    print("changes by rule (wrong): " + ", ".join(
        f"{rule} {count} ({wrong_by_rule[rule]})" for rule, count in sorted(by_rule.items())
    ))  # fmt: skip
    print(f"not idempotent: {unstable} sentences")


if __name__ == "__main__":
    main()
