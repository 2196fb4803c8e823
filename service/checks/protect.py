"""Protected spans: parts of a German sentence that must reach the English verbatim.

Found here, in one sentence at a time:

* URLs (``https://…``, ``www.…`` and bare domains with a common top-level
  domain, ``tagesschau.de/inland``), e-mail addresses, @handles, #hashtags;
* code and ``translate="no"`` text the markup marks (HTML ``code``/``kbd``,
  Markdown code spans: the reader's verbatim marks);
* file names with a known extension (``bericht.pdf``) and version strings
  that cannot be a date or a number (``v2.1``, ``3.11.4``, not ``02.01.2022``
  or ``100.000.000``);
* quotations in „…“, »…«, «…», “…” or "…" whose words are confidently not
  German (``service.checks.quotations``).

Spans never overlap: where two would, the one that starts first (then the
longer) wins, so a quotation holding a URL is one span. How they are carried
into the English is ``service.pipeline.carry``'s job.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from service.checks.quotations import foreign_quote
from service.markup.article import Article

Kind = Literal["url", "email", "handle", "hashtag", "code", "file", "version", "quote"]

# Top-level domains a bare domain may end in (German news: countries, and the
# regions and cities that have their own, "polizei.nrw", "berlin.berlin").
_TLDS = (
    "de|at|ch|li|lu|be|nl|fr|it|es|pt|pl|cz|dk|se|no|fi|hu|gr|tr|ru|ua|uk|us|ca|au|eu"
    "|com|org|net|info|io|gov|edu|int|tv|app|dev|online|news|blog|shop"
    "|nrw|berlin|hamburg|bayern|koeln|ruhr|saarland|wien|tirol|swiss"
)
_URL = re.compile(
    r"(?:(?:https?|ftp)://|www\.)[^\s<>\"„“”»«]+"
    rf"|(?<![\w@./-])[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:{_TLDS})(?:/[^\s<>\"„“”»«]*)?(?![\w@-])"
)
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}(?![\w-])")
# Instagram's and Bluesky's handles hold dots ("@polizei.niedersachsen"); a sentence's
# full stop after a handle is no part of it.
_HANDLE = re.compile(r"(?<![\w@/.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])(?![\w@]|\.\w)")
_HASHTAG = re.compile(r"(?<![\w#&/])#[^\W\d_]\w{1,80}")
_FILE = re.compile(
    r"(?<![\w./-])[\w-]*[^\W\d_][\w-]*\.(?:pdf|docx?|xlsx?|pptx?|odt|csv|zip|tar\.gz|exe|msi"
    r"|txt|jpe?g|png|gif|svg|mp3|mp4|json|xml|ya?ml|py|js|sh|apk|dmg|iso)(?![\w-])",
    re.IGNORECASE,
)
_VERSION = re.compile(
    r"(?<![\w.])(?:v\d+(?:\.\d+){1,3}|\d{1,3}\.\d{1,3}\.\d{1,4})(?:-[0-9A-Za-z]+(?:\.[0-9A-Za-z]+)*)?"
    r"(?![\w]|\.\d)"
)
# Pairs of quotation marks as German (and English) news writes them; the span is the inside.
_QUOTE = re.compile(r"„([^„“”\"]+)[“”]|»([^»«]+)«|«([^«»]+)»|“([^“”]+)”|\"([^\"]+)\"")
_TRAILING = ".,;:!?'’)]"


@dataclass(frozen=True)
class Protected:
    start: int  # offsets into the sentence
    end: int
    kind: Kind
    text: str


def find_protected(
    sentence: str, verbatim: Sequence[tuple[int, int]] = (), *, quotes: bool = True
) -> list[Protected]:
    """The protected spans of a sentence; ``verbatim`` are the ranges (in the
    sentence) of the markup's verbatim marks; ``quotes=False`` skips the language
    identifier (a whole article's text)."""
    found: list[Protected] = [
        Protected(start, end, "code", sentence[start:end])
        for start, end in verbatim
        if 0 <= start < end <= len(sentence) and sentence[start:end].strip()
    ]
    if quotes:
        found += _quotes(sentence)
    found += _matches(sentence, _URL, "url", trim=True)
    found += _matches(sentence, _EMAIL, "email", trim=False)
    found += _matches(sentence, _HANDLE, "handle", trim=False)
    found += _matches(sentence, _HASHTAG, "hashtag", trim=False)
    found += _matches(sentence, _FILE, "file", trim=False)
    versions = _matches(sentence, _VERSION, "version", trim=False)
    found += [span for span in versions if _version(span)]
    return _without_overlaps(found)


def protected_in(article: Article, block: int, start: int, end: int) -> list[Protected]:
    """The protected spans of ``article.text[start:end]``, a sentence (or a piece
    of one) in the given block, with the block's verbatim marks inside it."""
    verbatim = [
        (mark.start - start, mark.end - start)
        for mark in article.blocks[block].marks
        if mark.verbatim and start <= mark.start and mark.end <= end
    ]
    return find_protected(article.text[start:end], verbatim)


def quoted(text: str) -> list[Protected]:
    """Every quotation's inside, whatever its language (for the article's language
    check: a German article quoting „No pasarán“ is still German)."""
    spans = []
    for match in _QUOTE.finditer(text):
        group = next(i for i in range(1, 6) if match.group(i) is not None)
        start, end = match.span(group)
        spans.append(Protected(start, end, "quote", text[start:end]))
    return spans


def without_spans(text: str, spans: Iterable[Protected]) -> str:
    """The text with its spans blanked: what the language identifier should judge
    (a German sentence full of English-looking links is still German)."""
    chars = list(text)
    for span in spans:
        chars[span.start : span.end] = " " * (span.end - span.start)
    return "".join(chars)


def only_protected(sentence: str, spans: Iterable[Protected]) -> bool:
    """A sentence with no word outside its protected spans ("https://… #tag"):
    there is nothing to translate."""
    return not any(char.isalpha() for char in without_spans(sentence, spans))


def _matches(sentence: str, pattern: re.Pattern[str], kind: Kind, *, trim: bool) -> list[Protected]:
    spans = []
    for match in pattern.finditer(sentence):
        start, end = match.span()
        if trim:
            end = _trim_url(sentence, start, end)
        if start < end:
            spans.append(Protected(start, end, kind, sentence[start:end]))
    return spans


def _trim_url(text: str, start: int, end: int) -> int:
    """Sentence punctuation after a URL is not part of it; a ")" is when the URL opened one."""
    while end > start and text[end - 1] in _TRAILING:
        if text[end - 1] == ")" and text.count("(", start, end) >= text.count(")", start, end):
            break
        end -= 1
    return end


def _version(span: Protected) -> bool:
    """Not a date (03.10.22, 1.1.2024) nor a number with thousands points (1.000.000)."""
    if span.text.startswith("v"):
        return True
    core = span.text.split("-")[0]
    parts = core.split(".")
    if all(len(part) == 3 for part in parts[1:]):
        return False
    day, month, year = (int(part) for part in parts[:3])
    looks_like_date = 1 <= day <= 31 and 1 <= month <= 12 and len(parts[2]) in (2, 4)
    return not looks_like_date


def _quotes(sentence: str) -> list[Protected]:
    return list(_judged_quotes(sentence))


# The pipeline finds a sentence's spans, then the fact checks (protected_lost) read them
# again, as every re-check of an edit does: each sentence's quotations are judged once.
@lru_cache(maxsize=4096)
def _judged_quotes(sentence: str) -> tuple[Protected, ...]:
    spans = []
    for match in _QUOTE.finditer(sentence):
        group = next(i for i in range(1, 6) if match.group(i) is not None)
        start, end = match.span(group)
        while start < end and sentence[start].isspace():
            start += 1
        while end > start and sentence[end - 1].isspace():
            end -= 1
        inside = sentence[start:end]  # judged without its links: they are no language
        if start < end and foreign_quote(
            without_spans(inside, find_protected(inside, quotes=False))
        ):
            spans.append(Protected(start, end, "quote", sentence[start:end]))
    return tuple(spans)


def _without_overlaps(spans: list[Protected]) -> list[Protected]:
    kept: list[Protected] = []
    for span in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if kept and span.start < kept[-1].end:
            continue
        kept.append(span)
    return kept
