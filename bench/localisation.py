"""Localisation precision and recall on hand-labelled English news sentences, test half.

Usage:
    python bench/localisation.py [--data FILE ...] [--show]

The cases were split into a tune half (``bench/data/localisation_tune.txt``) and a
test half (``localisation_test.txt``) before any rule was tuned (commit 00b6fc9);
both are reported, the test half is the figure to quote. Each line is ``locale |
sentence | before => after; ... [| German source]``: the changes a desk of that
locale or house style wants (none: the sentence must stay as it is). Sentences go
both ways (American copy to en-GB, British copy to en-US), some carry German
conventions the model left (``3. October``, ``14.30 Uhr``, ``2,5 kilometres``), some
are headlines (with their German source, whose capitals show the names), some are
traps that must not change (URLs, file names, a gas meter, a race's name, huge
figures). A change is right when its English before and after are one of the
sentence's labelled changes (a final full stop aside: "6pm." becoming "6 p.m." ends
the sentence with one stop, as AP writes it).

Precision: right changes / changes made. Recall: right changes / labelled changes.
Sentences right: every labelled change made and no other. Also counted: changes on
sentences labelled to stay as they are (traps), sentences whose output changes on a
second pass, and errors (exceptions); every change's span must hold its ``after``.
Localising runs as ``mtdesk localise`` does: the same protected spans.
"""

from __future__ import annotations

import argparse
import datetime
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from service.localise import Profile, load_profile, localise, profile_for
from service.localise.apply import Localised
from service.localise.profile import styles
from service.pipeline.localising import english_protected

DATA = Path(__file__).with_name("data")
HALVES = [DATA / "localisation_test.txt", DATA / "localisation_tune.txt"]
STYLE_LOCALE = {"ap": "en-US", "reuters": "en-US", "guardian": "en-GB", "bbc": "en-GB"}


@dataclass
class Case:
    target: str
    sentence: str
    pairs: list[tuple[str, str]]
    headline: bool = False
    published: datetime.date | None = None
    source: str | None = None


def read(path: Path) -> list[Case]:
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        target, sentence, labels, *german = (part.strip() for part in line.split("|"))
        pairs = []
        for label in filter(None, (item.strip() for item in labels.split(";"))):
            before, after = (side.strip() for side in label.split("=>"))
            pairs.append((before, after))
        name, *options = target.split()
        case = Case(name, sentence, pairs, source=german[0] if german else None)
        for option in options:
            if option == "headline":
                case.headline = True
            elif option.startswith("published="):
                case.published = datetime.date.fromisoformat(option.split("=", 1)[1])
        cases.append(case)
    return cases


def profile_of(target: str) -> Profile:
    if target.startswith("profile="):
        return load_profile(DATA / target.split("=", 1)[1])
    if target in styles():
        found = profile_for(STYLE_LOCALE[target], style=target)
    else:
        found = profile_for(target)
    assert found is not None
    return found


def unstopped(pair: tuple[str, str]) -> tuple[str, str]:
    return pair[0].removesuffix("."), pair[1].removesuffix(".")


def run(case: Case) -> tuple[list[tuple[str, str]], bool]:
    """The changes made, and whether a second pass changes the output again."""
    profile = profile_of(case.target)

    def once(text: str) -> Localised:
        return localise(
            text,
            profile,
            protected=english_protected(text),
            headline=case.headline,
            published=case.published,
            source=case.source,
        )

    result = once(case.sentence)
    for change in result.changes:
        assert result.text[slice(*change.target_span)] == change.after
    return [(c.before, c.after) for c in result.changes], once(result.text).text != result.text


def report(path: Path, show: bool) -> None:
    cases = read(path)
    made = right = labelled = whole = traps = trap_changes = unstable = errors = 0
    for case in cases:
        wanted = Counter(unstopped(pair) for pair in case.pairs)
        try:
            changes, changed_again = run(case)
        except Exception as error:  # noqa: BLE001 - counted: the figure to drive to zero
            errors += 1
            print(f"ERROR {case.target}: {case.sentence}\n  {error!r}")
            continue
        got = Counter(unstopped(change) for change in changes)
        made += sum(got.values())
        right += sum((wanted & got).values())
        labelled += sum(wanted.values())
        whole += wanted == got
        if not case.pairs:
            traps += 1
            trap_changes += sum(got.values())
        unstable += changed_again
        if show and (wanted != got or changed_again):
            print(f"{case.target}: {case.sentence}")
            print(f"  wanted {sorted(wanted.elements())}")
            print(f"  got    {sorted(got.elements())}" + ("  (changes again)" * changed_again))
    print(f"{path.name}: {len(cases)} sentences, {labelled} labelled changes, {made} made")
    print(f"  sentences right: {whole / len(cases):.3f} ({whole}/{len(cases)})")
    print(f"  precision: {right / max(made, 1):.3f} ({right}/{made})")
    print(f"  recall:    {right / max(labelled, 1):.3f} ({right}/{labelled})")
    print(f"  false changes on the {traps} traps: {trap_changes}")
    print(f"  changed on a second pass: {unstable}; errors: {errors}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, nargs="+", default=HALVES)
    parser.add_argument("--show", action="store_true", help="print every disagreement")
    args = parser.parse_args()
    for path in args.data:
        report(path, args.show)


if __name__ == "__main__":
    main()
