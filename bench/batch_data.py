"""Article directories built from ../shared/data, for the batch benchmarks."""

from __future__ import annotations

import json
from pathlib import Path

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
UD_DOCUMENTS = SHARED_DATA / "segmentation_dev_ud_german_gsd.jsonl"
BOILERPLATE = "Foto: dpa. Alle Rechte vorbehalten."


def shared_paragraphs() -> list[str]:
    """The shared documents' texts (three German sentences each)."""
    lines = UD_DOCUMENTS.read_text(encoding="utf-8").splitlines()
    return [" ".join(json.loads(line)["sentences"]) for line in lines if line.strip()]


def article_texts(count: int, *, paragraphs: int = 2) -> list[str]:
    """``count`` distinct articles: a headline, ``paragraphs`` paragraphs and a photo credit."""
    shared = shared_paragraphs()
    texts = []
    for number in range(count):
        body = [shared[(number * paragraphs + k) % len(shared)] for k in range(paragraphs)]
        texts.append("\n\n".join([f"Meldung Nummer {number}", *body, BOILERPLATE]) + "\n")
    return texts


def write_articles(directory: Path, count: int, *, paragraphs: int = 2) -> list[Path]:
    """A tree of ``.txt`` articles, ten a folder."""
    paths = []
    for number, text in enumerate(article_texts(count, paragraphs=paragraphs)):
        path = directory / f"section{number // 10:02d}" / f"article{number:04d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
