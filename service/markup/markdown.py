"""Markdown articles: text blocks out of the markup, and the English put back into it.

Reading (markdown-it-py, CommonMark with tables and strikethrough): every
heading and paragraph (in a list item: ``list_item``, in a block quote:
``quote``) is a block of the extracted text, joined by blank lines; soft line
breaks become spaces. Emphasis, strong, strikethrough and links become marks
over the words they cover; code spans, images, autolinks and inline HTML are
verbatim marks (kept as written). Code blocks, fences, HTML blocks and
tables are not read at all, and stay as they are. An article whose only text
is in HTML blocks is refused with ``MarkdownOnlyHtml`` (it is HTML: read it as
such) rather than as empty.

Writing: the input's lines with each block's lines replaced by one line: the
block's own prefix (``## ``, ``- ``, ``> ``, indentation) and its English
with the marks' delimiters around the English words they were placed on.
Link and image URLs are written as they were sent (no normalisation).
The English is text, whoever wrote it (the model, a reviewer, the memory):
its characters that Markdown would read as markup are backslash-escaped, a
line break becomes a space, and a block marker at its start (``#``, ``-``,
``1.`` ...) is escaped, so it renders as the characters that were typed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

from service.document import BlockKind
from service.errors import MarkdownOnlyHtml, MarkupTooDeep
from service.markup.article import Article, SourceBlock
from service.markup.html import read_html
from service.markup.inline import BlockTarget, Mark, Placed, inside_end

BLOCK_SEPARATOR = "\n\n"
PREFIX = re.compile(r"^[ \t]*(?:(?:[>*+-]|\d{1,9}[.)]|#{1,6})[ \t]+)*")
PAIRED = {"strong_open": "strong_close", "em_open": "em_close", "s_open": "s_close"}
# inline markup characters (CommonMark lets any ASCII punctuation be escaped)
INLINE_SPECIAL = re.compile(r"[\\`*_\[\]<>~]|&(?=#?[0-9A-Za-z]+;)")
# what starts a block at the beginning of a line: headings, quotes, lists, rules, fences
BLOCK_START = re.compile(r"^(?:\d{1,9}(?=[.)]))?[#>+=.)-]")
LINE_BREAK = re.compile(r"[\r\n\v\f\x85\u2028\u2029]")


@dataclass(frozen=True)
class Delimiters:
    open: str
    close: str


@dataclass(frozen=True)
class Place:
    first_line: int  # lines [first_line, first_line + count) of the input hold the block
    count: int
    prefix: str
    suffix: str


MAX_NESTING = 50  # markdown-it's bound on nested blocks and inlines
MAX_INLINE_NESTING = MAX_NESTING - 2  # emphasis, strikethrough and links inside each other


def parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}).enable(["table", "strikethrough"])
    # URLs stay as sent: no percent-encoding, no scheme filtering (nothing is rendered).
    md.normalizeLink = lambda url: url  # type: ignore[method-assign]
    md.normalizeLinkText = lambda url: url  # type: ignore[method-assign,assignment]
    md.validateLink = lambda url: True  # type: ignore[method-assign]
    return md


@dataclass
class InlineBuilder:
    offset: int
    text: str = ""
    marks: list[Mark] = field(default_factory=list)

    def read(self, children: Sequence[Token]) -> None:
        stack: list[tuple[int, int, Delimiters]] = []  # start, index in marks, delimiters
        skipping = False
        for token in children:
            kind = token.type
            if skipping:
                skipping = kind != "link_close"
            elif kind == "text":
                self.text += token.content
            elif kind in ("softbreak", "hardbreak"):
                self.text += " "
            elif kind == "code_inline":
                fence = token.markup
                body = f" {token.content} " if "`" in token.content else token.content
                self.verbatim(token.content, f"{fence}{body}{fence}")
            elif kind == "image":
                self.verbatim("", image(token))
            elif kind == "html_inline":
                self.verbatim("", token.content)
            elif kind == "link_open" and token.markup == "autolink":
                href = str(token.attrs.get("href", ""))
                self.verbatim(href, f"<{href}>")
                skipping = True
            elif kind == "link_open":
                stack.append((len(self.text), len(self.marks), link(token)))
            elif kind in PAIRED:
                delimiter = token.markup
                stack.append((len(self.text), len(self.marks), Delimiters(delimiter, delimiter)))
            if len(stack) > MAX_INLINE_NESTING:
                # markdown-it nests emphasis without its maxNesting bound; the writer
                # recurses once per level
                raise MarkupTooDeep("Markdown", MAX_INLINE_NESTING)
            elif kind in ("link_close", *PAIRED.values()) and stack:
                start, index, delimiters = stack.pop()
                mark = Mark(self.offset + start, self.offset + len(self.text), delimiters)
                self.marks.insert(index, mark)  # outermost first

    def verbatim(self, text: str, markup: str) -> None:
        start = len(self.text)
        self.text += text
        self.marks.append(Mark(self.offset + start, self.offset + len(self.text), markup, True))


def link(token: Token) -> Delimiters:
    href = str(token.attrs.get("href", ""))
    title = token.attrs.get("title")
    target = f"<{href}>" if " " in href else href
    return Delimiters("[", f"]({target}" + (f' "{title}"' if title else "") + ")")


def image(token: Token) -> str:
    src = str(token.attrs.get("src", ""))
    title = token.attrs.get("title")
    target = f"<{src}>" if " " in src else src
    return f"![{token.content}]({target}" + (f' "{title}"' if title else "") + ")"


def read_markdown(source: str) -> Article:
    lines = source.splitlines(keepends=True)
    tokens = parser().parse(source)
    if max((token.level for token in tokens), default=0) >= MAX_NESTING - 1:
        raise MarkupTooDeep("Markdown", MAX_NESTING - 2)  # deeper, markdown-it drops text
    text = ""
    blocks: list[SourceBlock] = []
    places: list[Place] = []
    containers: list[str] = []
    seen_title = False
    for index, token in enumerate(tokens):
        if token.type.endswith("_open") and token.nesting == 1:
            containers.append(token.type)
        elif token.type.endswith("_close") and token.nesting == -1 and containers:
            containers.pop()
        if token.type != "inline" or token.map is None or "table_open" in containers:
            continue
        opener = tokens[index - 1]
        kind: BlockKind = "paragraph"
        if opener.type == "heading_open":
            kind = "title" if opener.tag == "h1" and not seen_title else "heading"
            seen_title = seen_title or kind == "title"
        elif "list_item_open" in containers:
            kind = "list_item"
        elif "blockquote_open" in containers:
            kind = "quote"
        offset = len(text) + (len(BLOCK_SEPARATOR) if text else 0)
        builder = InlineBuilder(offset)
        builder.read(token.children or [])
        block_text = builder.text.rstrip()
        if not block_text.strip():
            continue
        text += (BLOCK_SEPARATOR if text else "") + block_text
        limit = offset + len(block_text)
        marks = tuple(
            Mark(min(m.start, limit), min(m.end, limit), spaced(m, limit), m.verbatim)
            for m in builder.marks
        )
        blocks.append(SourceBlock(kind, offset, limit, marks=marks))
        places.append(place(lines, token))
    if not blocks and any(html_has_text(t) for t in tokens if t.type == "html_block"):
        raise MarkdownOnlyHtml()  # not "empty": the text is there, in markup not read here
    return Article(
        text=text,
        format="markdown",
        blocks=blocks,
        source=source,
        writer=markdown_writer(lines, places),
    )


def html_has_text(token: Token) -> bool:
    """Whether an HTML block holds words the HTML reader would translate (not only tags,
    comments or scripts)."""
    return bool(read_html(token.content).text.strip())


def spaced(mark: Mark, limit: int) -> object:
    """An image after the last word keeps the space before it (the text is stripped)."""
    if mark.verbatim and mark.start == mark.end > limit:
        return f" {mark.payload}"
    return mark.payload


def place(lines: list[str], token: Token) -> Place:
    assert token.map is not None
    first = token.map[0]
    content = token.content.split("\n")
    line = lines[first].rstrip("\r\n")
    at = line.find(content[0]) if content[0] else -1
    if at < 0:
        prefix_match = PREFIX.match(line)
        prefix = prefix_match.group() if prefix_match else ""
        return Place(first, len(content), prefix, "")
    suffix = line[at + len(content[0]) :] if len(content) == 1 else ""
    return Place(first, len(content), line[:at], suffix)


def markdown_writer(lines: list[str], places: list[Place]) -> Callable[[list[BlockTarget]], str]:
    def write(targets: list[BlockTarget]) -> str:
        out = list(lines)
        for spot, target in sorted(
            zip(places, targets, strict=True), key=lambda pair: -pair[0].first_line
        ):
            ending = "\n" if lines[spot.first_line + spot.count - 1].endswith("\n") else ""
            english = render(target.text, 0, len(target.text), ordered(target.marks))
            if not spot.prefix:
                english = english.lstrip(" \t")  # four spaces would start a code block
            english = BLOCK_START.sub(lambda m: f"{m[0][:-1]}\\{m[0][-1]}", english, count=1)
            out[spot.first_line : spot.first_line + spot.count] = [
                f"{spot.prefix}{english}{spot.suffix}{ending}"
            ]
        return "".join(out)

    return write


def ordered(marks: list[Placed]) -> list[Placed]:
    indexed = sorted(enumerate(marks), key=lambda pair: (pair[1].start, -pair[1].end, pair[0]))
    return [placed for _, placed in indexed]


def escaped(text: str) -> str:
    """Plain text as Markdown that renders as exactly these characters (breaks aside)."""
    return INLINE_SPECIAL.sub(lambda m: f"\\{m[0]}", LINE_BREAK.sub(" ", text))


def render(text: str, low: int, high: int, marks: list[Placed]) -> str:
    """``text[low:high]`` with the marks' delimiters (or verbatim markup) in place."""
    parts, cursor, index = [], low, 0
    while index < len(marks):
        outer = marks[index]
        inner_end = inside_end(marks, index)
        parts.append(escaped(text[cursor : outer.start]))
        payload = outer.mark.payload
        if outer.mark.verbatim:
            parts.append(str(payload))
        else:
            assert isinstance(payload, Delimiters)
            inner = render(text, outer.start, outer.end, marks[index + 1 : inner_end])
            parts.append(f"{payload.open}{inner}{payload.close}")
        cursor, index = max(cursor, outer.end), inner_end
    parts.append(escaped(text[cursor:high]))
    return "".join(parts)
