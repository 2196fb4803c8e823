"""Matching speed with a large glossary: compile time and µs per sentence.

Builds a 10,000-entry glossary from the default news glossary, the nouns of
the test sentences themselves (so most sentences have hits) and German noun
lemmas spread evenly over simplemma's dictionary, then matches every
sentence of the UD German-GSD sample in shared/data (828 sentences of news
and reviews).

    python bench/glossary_match_speed.py [N_ENTRIES]
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from simplemma.strategies.dictionaries import DefaultDictionaryFactory  # noqa: E402

from glossary import Entry, Glossary, compile_glossary, default_glossary  # noqa: E402
from glossary.morph import lemma  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "segmentation_dev_ud_german_gsd.jsonl"


def big_glossary(size: int, sentences: list[str]) -> Glossary:
    entries = list(default_glossary().entries)
    taken = {e.source.casefold() for e in entries}
    # Nouns of the test sentences themselves, so most sentences have hits ...
    for word in sorted({w.strip(".,;:!?\"'()") for s in sentences for w in s.split()}):
        if word[:1].isupper() and word.isalpha() and len(word) >= 4 and len(entries) < size // 2:
            if word.casefold() not in taken and lemma(word) == word:
                taken.add(word.casefold())
                entries.append(Entry(word, word.lower() + "-en", "term", note="bench"))
    # ... and the rest spread evenly over simplemma's noun lemmas.
    lemmas = sorted(
        {
            str(v.decode() if isinstance(v, bytes) else v)
            for v in DefaultDictionaryFactory().get_dictionary("de").values()
        }
    )
    nouns = [w for w in lemmas if w[:1].isupper() and w.isalpha() and len(w) >= 4]
    for word in nouns[:: max(1, len(nouns) // size)]:
        if len(entries) >= size:
            break
        if word.casefold() not in taken:
            taken.add(word.casefold())
            entries.append(Entry(word, word.lower() + "-en", "term", note="bench"))
    return Glossary(f"bench-{size}", tuple(entries))


def main() -> None:
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    sentences = [
        s
        for line in DATA.read_text(encoding="utf-8").splitlines()
        for s in json.loads(line)["sentences"]
    ]
    glossary = big_glossary(size, sentences)
    compile_glossary(default_glossary())  # load simplemma's dictionary outside the timing
    start = time.perf_counter()
    matcher = compile_glossary(glossary)
    compile_s = time.perf_counter() - start
    hits = sum(len(matcher.find(s)) for s in sentences)  # warm-up pass, counts hits
    rounds = 5
    start = time.perf_counter()
    for _ in range(rounds):
        for s in sentences:
            matcher.find(s)
    per = (time.perf_counter() - start) / (rounds * len(sentences)) * 1e6
    words = sum(len(s.split()) for s in sentences) / len(sentences)
    print(f"glossary entries {len(glossary)}; compile {compile_s:.2f} s (once per version, cached)")
    print(f"sentences {len(sentences)} (mean {words:.1f} words), hits {hits}")
    print(f"matching: {per:.0f} µs per sentence")


if __name__ == "__main__":
    main()
