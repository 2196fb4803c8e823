"""Readers that turn an article as sent into blocks with character offsets.

A reader returns the text that segment offsets index (for plain text: the
input itself) and its blocks. Markup formats extract their text first.
"""

from __future__ import annotations

from service.markup.article import Article, Format, text_blocks


def read_article(text: str, fmt: Format = "text") -> Article:
    # each reader's parser (lxml, markdown-it) loads with its first article: plain text,
    # and an article refused before translation, never pay for them
    if fmt == "html":
        from service.markup.html import read_html

        return read_html(text)
    if fmt == "markdown":
        from service.markup.markdown import read_markdown

        return read_markdown(text)
    return Article(text=text, format=fmt, blocks=text_blocks(text))
