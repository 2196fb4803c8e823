"""HTML articles: text blocks out of the markup, and the English put back into it.

Reading (lxml): every innermost block element (``p``, ``h1``-``h6``, ``li``,
``blockquote``, ``td``, ``div`` with only inline content …) is one block of
the extracted text, and so is the text a block element holds before its
first block child (``<li>Punkt<ul>…``; text after a block child is not
read). Blocks are joined by blank lines and whitespace inside a block is
collapsed as a browser would. Inline elements (``a``, ``b``,
``strong``, ``i``, ``em``, ``span`` …) become marks over the words they
cover; ``code``, ``kbd``, ``br``, ``img`` and anything marked
``translate="no"`` or ``class="notranslate"`` are verbatim marks (kept as
they are, at the place of the English they align to). ``script``, ``style``,
``pre``, ``code``, ``head`` and protected subtrees outside blocks are not
read at all. Each block records its element's XPath.

Writing: a copy of the tree with each block element's content replaced by
its English and the inline elements (attributes untouched) re-created
around the English words the marks were placed on. Everything else,
attributes and the block elements themselves included, is left as sent.
"""

from __future__ import annotations

import copy
import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import lxml.html
from lxml.etree import _Element

from service.document import BlockKind
from service.errors import MarkupTooDeep
from service.markup.article import Article, SourceBlock
from service.markup.inline import BlockTarget, Mark, Placed, inside_end

BLOCK_LEVEL = frozenset(
    "p h1 h2 h3 h4 h5 h6 li blockquote td th dt dd figcaption caption div section "
    "article header footer main aside summary address ul ol dl table thead tbody tfoot tr "
    "nav form figure hr details fieldset pre body html".split()
)
TEXT_BLOCKS = frozenset(
    "p h1 h2 h3 h4 h5 h6 li blockquote td th dt dd figcaption caption div section "
    "article header footer main aside summary address body".split()
)
SKIPPED = frozenset("script style pre code noscript template svg math textarea head".split())
VERBATIM = frozenset(
    "code kbd samp var br img wbr input svg math script style select textarea button".split()
)
# Kept in place but not part of the text: the words of the sentence do not include them.
HIDDEN = frozenset("br img wbr input svg math script style select textarea".split())
DOCUMENT = re.compile(r"<!doctype|<(?:html|head|body)[\s>]", re.IGNORECASE)
SPACE = re.compile(r"\s+")
# libxml2 drops whatever lies deeper than this (without its "huge" option).
PARSER_MAX_DEPTH = 255
BLOCK_SEPARATOR = "\n\n"


def protected(element: _Element) -> bool:
    classes = (element.get("class") or "").split()
    return element.get("translate", "").lower() == "no" or "notranslate" in classes


@dataclass
class TextBuilder:
    """A block's text with whitespace collapsed as it is appended, and its marks."""

    offset: int  # where the block starts in the extracted text
    text: str = ""
    marks: list[Mark] = field(default_factory=list)

    def add(self, piece: str | None) -> None:
        if not piece:
            return
        piece = SPACE.sub(" ", piece)
        if (not self.text or self.text.endswith(" ")) and piece.startswith(" "):
            piece = piece[1:]
        self.text += piece

    def inline(self, element: _Element) -> None:
        if not isinstance(element.tag, str):  # a comment: not part of the text
            return
        start, first = len(self.text), len(self.marks)
        if element.tag in VERBATIM or protected(element):
            self.add("" if element.tag in HIDDEN else element.text_content())
            self.mark(start, first, element, verbatim=True)
            if element.tag == "br":
                self.add(" ")  # a line break separates words
            return
        self.add(element.text)
        for child in element:
            self.inline(child)
            self.add(child.tail)
        self.mark(start, first, element, verbatim=False)

    def mark(self, start: int, first: int, element: _Element, *, verbatim: bool) -> None:
        end = len(self.text.rstrip(" ")) if len(self.text) > start else start
        if verbatim:
            payload = copy.deepcopy(element)
            payload.tail = None
        else:
            payload = element.makeelement(element.tag, dict(element.attrib))
        # Marks go outermost first: an element goes before the marks of its children.
        item = Mark(self.offset + start, self.offset + max(start, end), payload, verbatim)
        self.marks.insert(first, item)

    def finish(self) -> tuple[str, list[Mark]]:
        text = self.text.rstrip(" ")
        limit = self.offset + len(text)
        marks = [
            Mark(min(m.start, limit), min(m.end, limit), m.payload, m.verbatim) for m in self.marks
        ]
        return text, marks


@dataclass
class Reader:
    root: _Element
    prefix: str  # XPath of the fragment wrapper, left out of the recorded paths
    text: str = ""
    blocks: list[SourceBlock] = field(default_factory=list)
    # Each block: its element's index in root.iter(), and how many of its children it holds.
    elements: list[tuple[int, int]] = field(default_factory=list)
    seen_title: bool = False

    def walk(self, element: _Element) -> None:
        if not isinstance(element.tag, str) or element.tag in SKIPPED or protected(element):
            return
        children = list(element)
        # Text before the first block child (``<li>Punkt<ul>…</ul></li>``) is a block of its own.
        lead = next((i for i, c in enumerate(children) if has_blocks(c)), len(children))
        if element.tag in TEXT_BLOCKS:
            self.read_block(element, lead)
            children = children[lead:]
        for child in children:
            self.walk(child)

    def read_block(self, element: _Element, count: int) -> None:
        """The element's text and its first ``count`` (inline) children as one block."""
        offset = len(self.text) + (len(BLOCK_SEPARATOR) if self.text else 0)
        builder = TextBuilder(offset)
        builder.add(element.text)
        for child in list(element)[:count]:
            builder.inline(child)
            builder.add(child.tail)
        text, marks = builder.finish()
        if not text.strip():
            return
        if self.text:
            self.text += BLOCK_SEPARATOR
        self.text += text
        self.blocks.append(
            SourceBlock(
                self.kind(element),
                offset,
                offset + len(text),
                path=self.path(element),
                marks=tuple(marks),
            )
        )
        self.elements.append((list(self.root.iter()).index(element), count))

    def kind(self, element: _Element) -> BlockKind:
        tag = element.tag
        if tag == "h1" and not self.seen_title:
            self.seen_title = True
            return "title"
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            return "heading"
        if tag == "li":
            return "list_item"
        if tag == "blockquote" or any(a.tag == "blockquote" for a in element.iterancestors()):
            return "quote"
        return "paragraph"

    def path(self, element: _Element) -> str:
        path = str(element.getroottree().getpath(element))
        if not self.prefix:
            return path
        return path[len(self.prefix) :] or "/"  # "/": the fragment itself


def has_blocks(element: _Element) -> bool:
    """A block-level element, or an inline one holding any."""
    return isinstance(element.tag, str) and (
        element.tag in BLOCK_LEVEL
        or any(isinstance(d.tag, str) and d.tag in BLOCK_LEVEL for d in element.iterdescendants())
    )


def depth(root: _Element) -> int:
    """Levels of elements under ``root`` (without recursion: the tree may be deep)."""
    deepest, stack = 0, [(root, 1)]
    while stack:
        element, level = stack.pop()
        deepest = max(deepest, level)
        stack.extend((child, level + 1) for child in element)
    return deepest


def read_html(source: str) -> Article:
    whole = DOCUMENT.search(source[:2000]) is not None
    if whole:
        root = lxml.html.document_fromstring(source)
        prefix = ""
    else:
        root = lxml.html.fragment_fromstring(source, create_parent="div")
        prefix = "/div"
    if depth(root) >= PARSER_MAX_DEPTH:
        raise MarkupTooDeep("HTML", PARSER_MAX_DEPTH)
    reader = Reader(root, prefix)
    reader.walk(root)  # a fragment of inline markup only is one paragraph: its wrapper's
    return Article(
        text=reader.text,
        format="html",
        blocks=reader.blocks,
        source=source,
        writer=html_writer(root, reader.elements, doctype(root, source) if whole else None),
    )


def doctype(root: _Element, source: str) -> str:
    """The document's own doctype; none when it had none (lxml would invent HTML 4's)."""
    if "<!doctype" not in source[:2000].lower():
        return ""
    return str(root.getroottree().docinfo.doctype or "")


def html_writer(
    root: _Element, elements: list[tuple[int, int]], whole_document: str | None
) -> Callable[[list[BlockTarget]], str]:
    """``whole_document``: the doctype of a whole document ("" for none); None: a fragment."""

    def write(targets: list[BlockTarget]) -> str:
        tree = copy.deepcopy(root)
        nodes = list(tree.iter())
        for (index, count), target in zip(elements, targets, strict=True):
            fill(nodes[index], count, target)
        return serialise(tree, whole_document)

    return write


def fill(element: _Element, count: int, target: BlockTarget) -> None:
    """Replace the element's text and first ``count`` children by the English."""
    holder = element.makeelement(element.tag, {})
    ordered = sorted(enumerate(target.marks), key=lambda p: (p[1].start, -p[1].end, p[0]))
    build(holder, target.text, 0, len(target.text), [placed for _, placed in ordered])
    for child in list(element)[:count]:
        element.remove(child)  # its tail goes with it: the tail was part of the block
    element.text = holder.text
    for position, child in enumerate(list(holder)):
        element.insert(position, child)


def build(parent: _Element, text: str, low: int, high: int, marks: list[Placed]) -> None:
    """Put ``text[low:high]`` into ``parent`` with the marks as nested elements."""
    cursor, last, index = low, None, 0
    while index < len(marks):
        outer = marks[index]
        inner_end = inside_end(marks, index)
        last = append_text(parent, last, text[cursor : outer.start])
        node = copy.deepcopy(outer.mark.payload)
        assert isinstance(node, _Element)
        if not outer.mark.verbatim:
            build(node, text, outer.start, outer.end, marks[index + 1 : inner_end])
        parent.append(node)
        last, cursor, index = node, max(cursor, outer.end), inner_end
    append_text(parent, last, text[cursor:high])


def append_text(parent: _Element, last: _Element | None, piece: str) -> _Element | None:
    if piece:
        if last is None:
            parent.text = (parent.text or "") + piece
        else:
            last.tail = (last.tail or "") + piece
    return last


def serialise(tree: _Element, whole_document: str | None) -> str:
    if whole_document is not None:
        return lxml.html.tostring(tree, encoding="unicode", doctype=whole_document or None)
    parts = [html.escape(tree.text or "", quote=False)]
    parts += [lxml.html.tostring(child, encoding="unicode") for child in tree]
    return "".join(parts)
