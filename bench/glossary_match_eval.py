"""Held-out-style evaluation of glossary matching: precision and recall.

A glossary that is *not* the default one (terms, names, places,
institutions, keep entries, a context-conditioned entry) and hand-written
German news sentences with gold hits (``bench/data/glossary_match_tune.jsonl``
and ``glossary_match_test.jsonl``), covering declension, hyphenated and
closed compounds, multi-word entries, near misses and context. Gold was
written as a careful reader would mark it, before looking at the matcher's
output. A hit counts when surface and entry agree. The tune half is what the
matcher may be changed on; the test half is the result.

    python bench/glossary_match_eval.py          # figures
    python bench/glossary_match_eval.py -v       # plus every miss and false hit
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from glossary import Entry, Glossary, find_terms  # noqa: E402

E = Entry
GLOSSARY = Glossary(
    "team-eval",
    (
        E("Waffenstillstand", "ceasefire"),
        E("Haushalt", "budget"),
        E("Abgeordneter", "member of parliament"),
        E("Gesetzentwurf", "bill"),
        E("Staatsanwaltschaft", "public prosecutor's office"),
        E("Wahlkampf", "election campaign"),
        E("Rente", "pension"),
        E("Energiewende", "energy transition"),
        E("Mietpreisbremse", "rent cap"),
        E("Flüchtling", "refugee"),
        E("Bürgermeister", "mayor"),
        E("Gericht", "court"),
        E("Präsident", "president"),
        E("Gesundheitsminister", "health minister"),
        E("Verteidigungsminister", "defence minister"),
        E("Finanzminister", "finance minister"),
        E("Atomkraftwerk", "nuclear power plant"),
        E("Streik", "strike"),
        E("Gewerkschaft", "trade union"),
        E("Zentralbank", "central bank"),
        E("Sanktion", "sanction"),
        E("Koalition", "coalition"),
        E("Regierungschef", "Prime Minister", context=("Meloni", "Starmer", "Sánchez")),
        E("Emmanuel Macron", "Emmanuel Macron", "name"),
        E("Macron", "Macron", "name"),
        E("Robert Habeck", "Robert Habeck", "keep"),
        E("Donald Trump", "Donald Trump", "name"),
        E("Trump", "Trump", "name"),
        E("Wolodymyr Selenskyj", "Volodymyr Zelensky", "name"),
        E("Ursula von der Leyen", "Ursula von der Leyen", "name"),
        E("Giorgia Meloni", "Giorgia Meloni", "name"),
        E("Warschau", "Warsaw", "name"),
        E("Prag", "Prague", "name"),
        E("Rom", "Rome", "name"),
        E("Mailand", "Milan", "name"),
        E("Venedig", "Venice", "name"),
        E("Athen", "Athens", "name"),
        E("Kopenhagen", "Copenhagen", "name"),
        E("Lissabon", "Lisbon", "name"),
        E("Sizilien", "Sicily", "name"),
        E("Kalifornien", "California", "name"),
        E("Europäischer Gerichtshof für Menschenrechte", "European Court of Human Rights", "name"),
        E("Internationales Olympisches Komitee", "International Olympic Committee", "name"),
        E("Deutscher Gewerkschaftsbund", "German Trade Union Confederation", "name"),
        E("IG Metall", "IG Metall", "keep"),
        E("DGB", "DGB", "keep", case_sensitive=True),
        E("Verdi", "Verdi", "keep", context=("Gewerkschaft", "Streik", "Tarif", "Beschäftigte")),
        E("Bundesverfassungsgericht", "Federal Constitutional Court", "name"),
        E("Vereinigte Staaten", "United States", "name"),
    ),
)

DATA = Path(__file__).resolve().parent / "data"
HALVES = ("tune", "test")
Case = tuple[str, list[tuple[str, str]]]  # (sentence, gold hits as (surface, entry source))


def cases(half: str) -> list[Case]:
    lines = (DATA / f"glossary_match_{half}.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines if line.strip()]
    return [(row["sentence"], [(surface, entry) for surface, entry in row["hits"]]) for row in rows]


def score(half_cases: list[Case]) -> tuple[float, float, list[str]]:
    """Precision, recall and a description of every disagreement."""
    tp = fp = fn = 0
    problems: list[str] = []
    for sentence, gold in half_cases:
        predicted = Counter((m.surface, m.entry.source) for m in find_terms(GLOSSARY, sentence))
        expected = Counter(gold)
        tp += sum((predicted & expected).values())
        fp += sum((predicted - expected).values())
        fn += sum((expected - predicted).values())
        if predicted != expected:
            problems.append(
                f"{sentence}\n   missed: {sorted((expected - predicted).elements())}"
                f"\n   extra:  {sorted((predicted - expected).elements())}"
            )
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, problems


def main(verbose: bool = False) -> None:
    for half in HALVES:
        half_cases = cases(half)
        precision, recall, problems = score(half_cases)
        gold = sum(len(g) for _, g in half_cases)
        print(f"{half}: sentences {len(half_cases)}, gold hits {gold}")
        print(f"{half}: precision {precision:.3f}  recall {recall:.3f}")
        if verbose:
            print("\n".join(problems))


if __name__ == "__main__":
    main(verbose="-v" in sys.argv[1:])
