"""Exports: a stored article, as reviewed so far, as JSON, TMX, XLIFF or English text."""

from __future__ import annotations

from service.desk.articles import read_article
from service.markup.exports import Export, ExportFormat, export
from service.store.articles import Store


def export_article(store: Store, article_id: str, fmt: ExportFormat) -> Export:
    """One translation unit per segment (TMX, XLIFF), with the targets as reviewed so far."""
    return export(read_article(store, article_id).document, fmt)
