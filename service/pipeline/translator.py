"""Article in, aligned document out: read → segment → translate → assemble."""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import partial

from glossary import Glossary
from models.engine import Engine, Hypothesis
from service import warmup
from service.checks.language import foreign_sentence
from service.checks.protect import (
    Protected,
    only_protected,
    protected_in,
    without_spans,
)
from service.checks.quality import Thresholds, segment_checks
from service.checks.reading import read_checked  # re-exported: the pipeline's entry check
from service.document import AlignedDocument, Block, GlossaryRef, Localisation, Segment, Term
from service.localise import Profile
from service.markup.article import Article, Format
from service.markup.render import replace_spans, target_document
from service.pipeline import alignment
from service.pipeline.guard import article_step, failures, flagged, guarded
from service.pipeline.localising import localise_translation
from service.pipeline.terms import TermApplier, Translated
from service.segment.clauses import split_long
from service.segment.sentences import split_sentences
from service.store.memory import Memory, MemoryHit

Progress = Callable[[int, int], None]  # (sentences done, sentences in all)
PROGRESS_CHUNK = 256  # sentences per engine call when progress is reported
# Streamed articles: segments in the first engine round, and the most in one round.
STREAM_FIRST = 4
STREAM_MOST = 64
# One segment's checks at a time in a process. They are pure Python, so articles checking
# at once would only take turns at the interpreter lock; waiting here instead, they leave
# it to the threads that feed the engine (the batcher's workers hand CTranslate2 its next
# batch under it). Without this, a call's worth of articles checking together left the
# engine's two threads idle 0.6 thread-seconds in a 60-article batch run (0 to 2.1 over
# 11 runs of bench/speed.py's full-size stand-in), with it 0.25 (0 to 0.6, 3 runs).
CHECKING = threading.Lock()


@dataclass(frozen=True)
class PlannedSegment:
    block: int
    id: str
    start: int
    end: int
    pieces: list[tuple[int, int]]  # absolute offsets; more than one when split for length


@dataclass(frozen=True)
class Streamed:
    """A finished segment of a streamed article: the ``done``-th of ``total``."""

    segment: Segment
    done: int
    total: int


class Translator:
    """Turns articles into aligned documents with one engine and optional glossary."""

    def __init__(
        self,
        engine: Engine,
        *,
        beam_size: int = 4,
        max_sentence_tokens: int = 200,
        memory: Memory | None = None,
        glossary: Glossary | None = None,
        quality: Thresholds | None = None,
        profile: Profile | None = None,
    ):
        self.engine = engine
        self.profile = profile  # the target locale's conventions; None: the model's English
        self.target_lang = profile.locale if profile else "en"
        # the memory keeps each profile's English apart (a style, a desk's own file)
        self.memory_lang = f"{profile.locale}+{profile.digest}" if profile else "en"
        self.quality = quality or Thresholds()
        self.max_sentence_tokens = max_sentence_tokens
        self.memory = memory
        self.glossary = glossary
        self.terms = TermApplier(glossary, engine, beam_size)

    def translate(
        self,
        text: str,
        fmt: Format = "text",
        *,
        progress: Progress | None = None,
        source_lang: str = "de",
        alignment: bool = False,
    ) -> AlignedDocument:
        """``source_lang="auto"`` takes articles in any language (German sentences are
        translated, others kept); with ``"de"`` an article that is surely not German is
        refused. ``alignment``: every segment gets its word pairs."""
        return self.translate_article(
            read_checked(text, fmt, source_lang), progress=progress, alignment=alignment
        )

    def translate_article(
        self, article: Article, *, progress: Progress | None = None, alignment: bool = False
    ) -> AlignedDocument:
        """An article that ``read_checked`` accepted."""
        planned = self.plan(article)
        protected = protected_spans(article, planned)
        segments, aligned = self.translate_planned(article, planned, protected, progress, alignment)
        return self.document(article, planned, segments, aligned)

    def stream_article(
        self, article: Article, *, alignment: bool = False
    ) -> Iterator[Streamed | AlignedDocument]:
        """The article's segments in document order as they are finished, then its whole
        document (equal to ``translate_article``'s). The segments go to the engine in
        runs that double from ``STREAM_FIRST`` (the first comes soon) to ``STREAM_MOST``
        (later runs fill the engine's batches)."""
        planned = self.plan(article)
        protected = protected_spans(article, planned)
        segments: list[Segment] = []
        aligned: dict[str, Hypothesis] = {}
        start, size = 0, STREAM_FIRST
        while start < len(planned):
            run = planned[start : start + size]
            done, hypotheses = self.translate_planned(article, run, protected, None, alignment)
            for segment in done:
                segments.append(segment)
                yield Streamed(segment, len(segments), len(planned))
            aligned.update(hypotheses)
            start, size = start + size, min(2 * size, STREAM_MOST)
        yield self.document(article, planned, segments, aligned)

    def translate_planned(
        self,
        article: Article,
        planned: list[PlannedSegment],
        protected: dict[tuple[int, int], list[Protected]],
        progress: Progress | None,
        alignment: bool,
    ) -> tuple[list[Segment], dict[str, Hypothesis]]:
        """The segments of ``planned`` (some of the article's, in order), and the
        hypotheses that place their inline marks."""
        kept = {
            s.id
            for s in planned
            if verbatim_only(article, s)
            or only_protected(article.text[s.start : s.end], protected[(s.start, s.end)])
            or foreign_sentence(
                without_spans(article.text[s.start : s.end], protected[(s.start, s.end)])
            )
        }
        to_translate = [s for s in planned if s.id not in kept]
        remembered = self.recall([article.text[s.start : s.end] for s in to_translate])
        fresh = [s for s in to_translate if article.text[s.start : s.end] not in remembered]
        pieces = [article.text[start:end] for s in fresh for start, end in s.pieces]
        marked = [s for s in fresh if len(s.pieces) == 1 and has_marks(article, s)]
        align = {article.text[s.start : s.end] for s in marked}
        if alignment:  # every piece's hypothesis carries the engine's alignment
            align |= set(pieces)
        by_text = {article.text[start:end]: spans for (start, end), spans in protected.items()}
        # A piece of a long sentence that is nothing but spans (a run of links) is its own
        # English: the model would only be asked to copy it, at the cost of decoding it.
        copied = {piece for piece in pieces if only_protected(piece, by_text.get(piece, []))}
        endless = {piece for piece in pieces if piece not in copied and self.endless_word(piece)}
        ids = {article.text[start:end]: s.id for s in fresh for start, end in s.pieces}
        translations = self.translate_unique(
            [piece for piece in pieces if piece not in endless | copied],
            progress,
            align,
            by_text,
            ids,
        )
        translations.update(
            {piece: Translated(piece, None, flags=["untranslated"]) for piece in endless}
        )
        translations.update(
            {piece: self.audited(piece, piece, by_text, ids[piece]) for piece in copied}
        )
        segments = [
            kept_segment(article.text, segment)
            if segment.id in kept
            else self.finish(
                article.text,
                segment,
                translations,
                remembered,
                article.blocks[segment.block].kind,
                protected=by_text,
            )
            for segment in planned
        ]
        localised = {segment.id for segment in segments if segment.localisation}
        if alignment:
            segments = self.align(article.text, planned, segments, translations)
        segments = self.checked(segments)
        aligned = {
            s.id: hypothesis
            for s in marked
            if (hypothesis := translations[article.text[s.start : s.end]].hypothesis)
            and s.id not in localised  # its pieces no longer spell the English
        }
        return segments, aligned

    @article_step("assembly")
    def document(
        self,
        article: Article,
        planned: list[PlannedSegment],
        segments: list[Segment],
        aligned: dict[str, Hypothesis],
    ) -> AlignedDocument:
        document = assemble(article, planned, segments, self.engine.name, self.glossary, aligned)
        document.target_lang = self.target_lang
        document.style = (self.profile.style or None) if self.profile else None
        self.remember(document)
        return document

    def align(
        self,
        text: str,
        planned: list[PlannedSegment],
        segments: list[Segment],
        translations: dict[str, Translated],
    ) -> list[Segment]:
        """Each segment with its word pairs (``service.pipeline.alignment``)."""
        # Per segment: its pieces as (source offset, target offset, source, target, hypothesis).
        parts: list[list[tuple[int, int, str, str, Hypothesis | None]]] = []
        for plan, segment in zip(planned, segments, strict=True):
            if segment.origin == "kept":
                parts.append([])
            elif segment.origin != "model" or segment.target != " ".join(
                translations[text[start:end]].text for start, end in plan.pieces
            ):  # remembered, or localised: the engine did not write it as it stands
                parts.append([(0, 0, segment.source, segment.target, None)])
            else:
                pieces, target_offset = [], 0
                for start, end in plan.pieces:
                    translated = translations[text[start:end]]
                    pieces.append(
                        (
                            start - plan.start,
                            target_offset,
                            text[start:end],
                            translated.text,
                            translated.hypothesis,
                        )
                    )
                    target_offset += len(translated.text) + 1
                parts.append(pieces)
        forced = alignment.force_align(
            self.engine,
            [
                (source, target)
                for pieces in parts
                for _, _, source, target, hypothesis in pieces
                if hypothesis is None and source != target
            ],
        )
        aligned = []
        for segment, pieces in zip(segments, parts, strict=True):
            pairs, failed = guarded(
                "alignment",
                segment.id,
                partial(word_pairs, segment, pieces, forced),
                lambda: None,
            )
            aligned.append(flagged(segment.model_copy(update={"alignment": pairs}), failed))
        return aligned

    def checked(self, segments: list[Segment]) -> list[Segment]:
        """Each segment with its flags and findings (``segment_checks``): the target as it
        will be shown, after memory, engine, glossary repairs and localisation, and with
        the word pairs where they were made. Kept passages are the German as it is.
        A warm-up still loading the checks' resources is waited for (``warmup``)."""
        warmup.wait()
        return [
            segment if segment.origin == "kept" else self.check(segment) for segment in segments
        ]

    def check(self, segment: Segment) -> Segment:
        """One segment checked; where the checks fail, its flags so far and the failure."""
        with CHECKING:
            (flags, findings), failed = guarded(
                "checks",
                segment.id,
                lambda: segment_checks(
                    segment.source,
                    segment.target,
                    segment.score,
                    self.quality,
                    flags=segment.flags,
                    reviewed=segment.status == "approved",  # an approved memory hit
                    terms=segment.terms,
                    target_lang=self.target_lang,
                    localisation=segment.localisation,
                    alignment=segment.alignment,
                ),
                lambda: (segment.flags, []),
            )
        # an earlier stage's failure (localisation …) stays with the checks' findings
        checked = segment.model_copy(
            update={"flags": flags, "findings": [*failures(segment), *findings]}
        )
        return flagged(checked, failed)

    @article_step("memory lookup")
    def recall(self, sentences: list[str]) -> dict[str, MemoryHit]:
        """Sentences the memory holds: their segments skip the engine."""
        if self.memory is None:
            return {}
        return self.memory.lookup(
            sentences, self.engine.name, self.terms.version, target_lang=self.memory_lang
        )

    @article_step("memory store")
    def remember(self, document: AlignedDocument) -> None:
        """Store fresh model outputs; flagged ones are not worth reusing (a fact finding
        flags its segment: it enters the memory only once a reviewer approves it)."""
        if self.memory is None:
            return
        fresh = {
            segment.source: (segment.target, segment.score)
            for segment in document.segments()
            if segment.origin == "model" and not segment.flags
        }
        self.memory.store(fresh, self.engine.name, self.terms.version, target_lang=self.memory_lang)

    @article_step("segmentation")
    def plan(self, article: Article) -> list[PlannedSegment]:
        planned = []
        for block_index, block in enumerate(article.blocks):
            spans = split_sentences(article.text, block.start, block.end)
            for sentence_index, span in enumerate(spans):
                sentence = article.text[span.start : span.end]
                pieces = [
                    (span.start + start, span.start + end)
                    for start, end in split_long(
                        sentence, self.engine.count_tokens, self.max_sentence_tokens
                    )
                ]
                planned.append(
                    PlannedSegment(
                        block_index,
                        f"b{block_index}s{sentence_index}",
                        span.start,
                        span.end,
                        pieces,
                    )
                )
        return planned

    def endless_word(self, piece: str) -> bool:
        """A piece with no space that alone exceeds the token limit (service.segment.clauses)."""
        return not any(char.isspace() for char in piece) and (
            self.engine.count_tokens(piece) > self.max_sentence_tokens
        )

    def translate_unique(
        self,
        sentences: list[str],
        progress: Progress | None,
        align: set[str] | None = None,
        protected: dict[str, list[Protected]] | None = None,
        segments: dict[str, str] | None = None,
    ) -> dict[str, Translated]:
        """Each distinct sentence once (headlines are often repeated in the body);
        ``segments``: each sentence's segment id, for the log lines."""
        unique = list(dict.fromkeys(sentences))
        chunk = PROGRESS_CHUNK if progress else max(len(unique), 1)
        translations: dict[str, Translated] = {}
        for offset in range(0, len(unique), chunk):
            translations.update(
                self.terms.translate(
                    unique[offset : offset + chunk], align or (), protected, segments
                )
            )
            if progress:
                progress(min(offset + chunk, len(unique)), len(unique))
        return translations

    def audited(
        self,
        sentence: str,
        target: str,
        protected: dict[str, list[Protected]] | None,
        segment: str,
    ) -> Translated:
        """A target that stays as it is (a memory hit, a piece that is nothing but
        protected spans), its terms reported (``TermApplier.audit``)."""
        found, failed = guarded(
            "glossary",
            segment,
            lambda: self.terms.audit(sentence, target, protected),
            lambda: Translated(target, None),
        )
        return replace(found, failed=failed)

    def finish(
        self,
        text: str,
        segment: PlannedSegment,
        translations: dict[str, Translated],
        remembered: dict[str, MemoryHit],
        block_kind: str = "paragraph",
        protected: dict[str, list[Protected]] | None = None,
    ) -> Segment:
        source = text[segment.start : segment.end]
        hit = remembered.get(source)
        if hit is None:
            translated = join_pieces(segment, text, translations)
        else:
            translated = self.audited(source, hit.target, protected, segment.id)
        glossary_failed = translated.failed
        changes: list[Localisation] = []
        localisation_failed = None
        if not (hit and hit.origin == "approved"):  # a reviewer's words are left as they are
            unlocalised = translated
            (translated, changes), localisation_failed = guarded(
                "localisation",
                segment.id,
                lambda: localise_translation(unlocalised, source, self.profile, block_kind),
                lambda: (unlocalised, []),
            )
        score = hit.score if hit else translated.score
        # the glossary's and the engine's flags; ``checked`` adds the rest once the
        # segment is complete
        flags = list(translated.flags)
        finished = Segment(
            id=segment.id,
            source=source,
            target=translated.text,
            source_span=(segment.start, segment.end),
            terms=translated.terms,
            localisation=changes,
            flags=flags,
            score=score,
            origin=hit.origin if hit else "model",
            status="approved" if hit and hit.origin == "approved" else "draft",
        )
        return flagged(finished, glossary_failed, localisation_failed)


def word_pairs(
    segment: Segment,
    pieces: list[tuple[int, int, str, str, Hypothesis | None]],
    forced: dict[tuple[str, str], list[alignment.Pair]],
) -> list[alignment.Pair]:
    """One segment's word pairs from its pieces' (``Translator.align``)."""
    pairs = alignment.identity(segment.source) if segment.origin == "kept" else []
    for source_offset, target_offset, source, target, hypothesis in pieces:
        if hypothesis is not None:
            found = alignment.word_pairs(source, target, hypothesis)
        elif source == target:  # a copied piece (an endless word)
            found = alignment.identity(source)
        else:
            found = forced[(source, target)]
        pairs += alignment.shifted(found, source_offset, target_offset)
    return pairs


@article_step("protected spans")
def protected_spans(
    article: Article, planned: list[PlannedSegment]
) -> dict[tuple[int, int], list[Protected]]:
    """Each sentence's and each piece's protected spans (service.checks.protect),
    by their offsets in the article."""
    spans: dict[tuple[int, int], list[Protected]] = {}
    for segment in planned:
        for start, end in [(segment.start, segment.end), *segment.pieces]:
            if (start, end) not in spans:
                spans[(start, end)] = protected_in(article, segment.block, start, end)
    return spans


def kept_segment(text: str, segment: PlannedSegment) -> Segment:
    """A sentence in another language (an English quote) or all code: passed through."""
    source = text[segment.start : segment.end]
    return Segment(
        id=segment.id,
        source=source,
        target=source,
        source_span=(segment.start, segment.end),
        score=None,
        origin="kept",
    )


def has_marks(article: Article, segment: PlannedSegment) -> bool:
    """Inline markup inside the sentence (not just around it) needs the alignment."""
    block = article.blocks[segment.block]
    return any(
        segment.start < mark.end
        and mark.start < segment.end
        and not (mark.start <= segment.start and segment.end <= mark.end)
        for mark in block.marks
    )


def verbatim_only(article: Article, segment: PlannedSegment) -> bool:
    """A sentence that is all code or ``translate="no"`` markup stays as it is."""
    block = article.blocks[segment.block]
    return any(
        mark.verbatim and mark.start <= segment.start and segment.end <= mark.end
        for mark in block.marks
    )


def join_pieces(
    segment: PlannedSegment, text: str, translations: dict[str, Translated]
) -> Translated:
    """One segment's translation from its pieces (one unless split for length)."""
    if len(segment.pieces) == 1:
        start, end = segment.pieces[0]
        return translations[text[start:end]]
    targets: list[str] = []
    terms: list[Term] = []
    flags: list[str] = []
    for start, end in segment.pieces:
        piece = translations[text[start:end]]
        target_offset = len(" ".join(targets)) + (1 if targets else 0)
        source_offset = start - segment.start
        terms += [shift(term, source_offset, target_offset) for term in piece.terms]
        flags += [flag for flag in piece.flags if flag not in flags]
        targets.append(piece.text)
    scores = [translations[text[start:end]].score for start, end in segment.pieces]
    known = [score for score in scores if score is not None]
    score = round(sum(known) / len(known), 4) if known else None
    failed = next((f for s, e in segment.pieces if (f := translations[text[s:e]].failed)), None)
    return Translated(" ".join(targets), score, terms, flags, failed=failed)


def shift(term: Term, source_offset: int, target_offset: int) -> Term:
    source_start, source_end = term.source_span
    target_span = term.target_span
    if target_span is not None:
        target_span = (target_span[0] + target_offset, target_span[1] + target_offset)
    return term.model_copy(
        update={
            "source_span": (source_start + source_offset, source_end + source_offset),
            "target_span": target_span,
        }
    )


def assemble(
    article: Article,
    planned: list[PlannedSegment],
    segments: list[Segment],
    model: str,
    glossary: Glossary | None,
    aligned: dict[str, Hypothesis] | None = None,
) -> AlignedDocument:
    blocks = [
        Block(index=i, kind=block.kind, segments=[], path=block.path)
        for i, block in enumerate(article.blocks)
    ]
    for plan, segment in zip(planned, segments, strict=True):
        blocks[plan.block].segments.append(segment)
    target_text = replace_spans(article.text, blocks)
    return AlignedDocument(
        id=document_id(article),
        model=model,
        glossary=GlossaryRef(name=glossary.name, version=glossary.version) if glossary else None,
        blocks=blocks,
        target_text=target_text,
        target_document=target_document(article, blocks, aligned or {}) or target_text,
    )


def document_id(article: Article) -> str:
    digest = hashlib.sha256(
        f"{article.format}\0{article.source or article.text}".encode()
    ).hexdigest()
    return digest[:16]
