"""Readers that turn an article as sent into blocks with character offsets.

A reader returns the text that segment offsets index (for plain text: the
input itself) and its blocks. Markup formats extract their text first.
"""

from __future__ import annotations

from service.markup.article import Article, Format, text_blocks
from service.markup.html import read_html
from service.markup.markdown import read_markdown


def read_article(text: str, fmt: Format = "text") -> Article:
    if fmt == "html":
        return read_html(text)
    if fmt == "markdown":
        return read_markdown(text)
    return Article(text=text, format=fmt, blocks=text_blocks(text))
