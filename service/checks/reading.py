"""An article read and checked before any model loads: not empty, storable, German.

Kept apart from the pipeline so that a command refuses a plain mistake (an
empty file, an English article) after importing only the reader and the
language look, not the engine, glossary and quality checks it would never use.
"""

from __future__ import annotations

from service.checks.language import article_language
from service.checks.protect import find_protected, quoted, without_spans
from service.errors import EmptyInput, NotGerman, check_storable
from service.markup.article import Article, Format
from service.markup.formats import read_article


def read_checked(text: str, fmt: Format = "text", source_lang: str = "de") -> Article:
    """The article, once the checks that need no model have passed: not empty, and
    German unless ``source_lang`` is ``auto``. Callers that load a model run this first,
    so that a plain mistake is answered before the model's seconds of loading."""
    if not text.strip():
        raise EmptyInput()
    check_storable(text, "article")
    article = read_article(text, fmt)
    if not article.text.strip():  # markup without any text
        raise EmptyInput()
    spans = find_protected(article.text, quotes=False) + quoted(article.text)
    words = without_spans(article.text, spans)
    if source_lang != "auto" and (language := article_language(words)):
        raise NotGerman(language)
    return article
