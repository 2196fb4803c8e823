"""SoMaJo, the German tokenizer and sentence splitter that segmentation builds on.

Everything that touches SoMaJo lives here: one lazily created instance and a
conversion of its tokens to plain records with character offsets.

Offsets are found here rather than with SoMaJo's ``character_offsets=True``:
its alignment slices the rest of the paragraph for every token (quadratic,
a fifth of the run time), while tokens come in text order and nearly always
sit right at the cursor.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

import regex

if TYPE_CHECKING:
    from somajo import SoMaJo


class Token(NamedTuple):
    text: str
    start: int  # offsets into the string given to ``tokenize``
    end: int
    cls: str  # SoMaJo token class: regular, abbreviation, ordinal, number, URL, …
    first: bool  # SoMaJo starts a sentence with this token


# Any character that SoMaJo's emoji pass could act on (its own two classes, joined).
_EMOJI_CHAR = regex.compile(r"[\p{Extended_Pictographic}\p{Emoji_Presentation}\uFE0F]")


_BUILDING = threading.Lock()


def splitter() -> SoMaJo:
    """The shared SoMaJo instance, built on first use (it loads word lists, ~0.3 s).

    Articles in flight start at once: without the lock each of their threads
    would build an instance of its own (``lru_cache`` does not hold the others
    back while the first builds), 256 of them at the start of a batch run.
    """
    with _BUILDING:
        return _built()


@lru_cache(maxsize=1)
def _built() -> SoMaJo:
    from somajo import SoMaJo

    instance = SoMaJo("de_CMC", split_camel_case=False)
    _skip_emoji_pass_without_emoji(instance)
    return instance


def _skip_emoji_pass_without_emoji(instance: SoMaJo) -> None:
    """Speed: SoMaJo's emoji pass compiles a regex per character and takes half its time.

    It changes nothing in a token that has no emoji character (it returns at
    once on no match), so a token without one skips it. Guarded: if a SoMaJo
    release renames the private method, the library runs unchanged.
    """
    tokenizer: Any = getattr(instance, "_tokenizer", None)
    original = getattr(tokenizer, "_split_emojis", None)
    if original is None:
        return

    def split_emojis(node: Any, *args: Any, **kwargs: Any) -> None:
        if _EMOJI_CHAR.search(node.value.text):
            original(node, *args, **kwargs)

    tokenizer._split_emojis = split_emojis


def tokenize(text: str) -> list[Token]:
    """Tokens of one paragraph with SoMaJo's sentence starts and their offsets in ``text``.

    A token that cannot be placed (SoMaJo normalised it beyond recognition)
    is left out; the caller only needs the offsets of tokens it can see.
    """
    tokens: list[Token] = []
    cursor = 0
    for sentence in splitter().tokenize_text([text]):
        first = True
        for tok in sentence:
            span = _locate(text, tok.original_spelling or tok.text, cursor)
            if span is None:
                continue
            cursor = span[1]
            tokens.append(Token(tok.text, span[0], span[1], tok.token_class or "", first))
            first = False
    return tokens


def _locate(text: str, token: str, cursor: int) -> tuple[int, int] | None:
    """Where ``token`` sits at or after ``cursor``, skipping whitespace before it.

    SoMaJo drops some characters inside tokens (soft hyphens, zero-width and
    control characters, spaces in "z.B."-like runs), so when the token is not
    there verbatim its characters are matched in order within a short reach.
    """
    start = cursor
    while start < len(text) and text[start].isspace():
        start += 1
    if text.startswith(token, start):
        return start, start + len(token)
    position, reach = start, start + 2 * len(token) + 8
    for char in token:
        while position < min(reach, len(text)) and text[position] != char:
            position += 1
        if position >= min(reach, len(text)):
            return None
        position += 1
    return start, position
