"""The aligned document: the contract every interface speaks (see DESIGN.md).

Field names are a contract: add fields, never rename them.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

BlockKind = Literal["title", "paragraph", "heading", "list_item", "quote"]
TermKind = Literal["name", "term", "keep", "protected"]
TermStatus = Literal["ok", "repaired", "violated"]
# model: the engine's output; memory: a remembered model output; approved: a reviewer
# approved it; edited: a reviewer's draft; kept: passed through (another language, code).
Origin = Literal["model", "memory", "approved", "edited", "kept"]
SegmentStatus = Literal["draft", "approved"]
# What a new German version of a story did to a segment's sentence (service.desk.revisions).
Revised = Literal["kept", "changed", "new"]
# Every flag a segment may carry, in the order the README's table lists them.
Flag = Literal[
    "low_confidence",
    "length_ratio",
    "repetition",
    "untranslated",
    "number_mismatch",
    "truncated",
    "glossary_violation",
    "protected_lost",
    "name_mismatch",
    "negation_mismatch",
    "quote_mismatch",
    "omission",
    "addition",
    "hidden_characters",
    "stage_failed",
]
# Flags that say a fact of the German may be wrong in the English (service.checks.facts):
# a segment with one never enters the translation memory unless a reviewer approves it.
FACT_FLAGS: frozenset[str] = frozenset(
    {
        "number_mismatch",
        "name_mismatch",
        "negation_mismatch",
        "quote_mismatch",
        "omission",
        "addition",
        "protected_lost",
        "hidden_characters",
    }
)


class Term(BaseModel):
    entry: str
    source: str
    source_span: tuple[int, int]
    target: str
    target_span: tuple[int, int] | None
    kind: TermKind
    status: TermStatus


LocalisationRule = Literal[
    "spelling", "date", "time", "money", "unit", "number", "quotes", "punctuation", "headline"
]


class Localisation(BaseModel):
    """One convention applied to the English (see service.localise)."""

    rule: LocalisationRule
    before: str = Field(description="The English before the change")
    after: str = Field(description="The English after it")
    target_span: tuple[int, int] = Field(description="Offsets of `after` in the target")
    source_span: tuple[int, int] | None = Field(
        default=None, description="Offsets in the source of the German it renders, if known"
    )


class Finding(BaseModel):
    """The reason for one flag: what of the German is missing or changed, and where."""

    flag: str = Field(description="The flag this finding raises (one of `Flag`)")
    source_span: tuple[int, int] | None = Field(
        default=None, description="Offsets in the segment's `source` of the German it concerns"
    )
    target_span: tuple[int, int] | None = Field(
        default=None, description="Offsets in the segment's `target` of the English it concerns"
    )
    message: str = Field(
        description="For the reviewer, e.g. 'the year 2025 of the German is missing in the English'"
    )


class Segment(BaseModel):
    id: str = Field(description="`b{block}s{sentence}`, stable within the document")
    source: str
    target: str
    source_span: tuple[int, int] = Field(
        description="Offsets of `source` in the text as sent (after the format reader)"
    )
    terms: list[Term] = Field(default_factory=list)
    localisation: list[Localisation] = Field(
        default_factory=list, description="Conventions applied (a target locale other than en)"
    )
    flags: list[str] = Field(default_factory=list)
    findings: list[Finding] = Field(
        default_factory=list,
        description="Each fact flag's reasons with spans; re-checked with every edit",
    )
    score: float | None = Field(description="Mean token log-probability of the model output")
    origin: Origin = "model"
    status: SegmentStatus = "draft"
    alignment: list[tuple[tuple[int, int], tuple[int, int]]] | None = Field(
        default=None,
        description=(
            "Word pairs `[[src_start, src_end], [tgt_start, tgt_end]]`, offsets into `source` "
            "and `target`: when asked for, and on stored articles; none after an edit"
        ),
    )
    version: int | None = Field(
        default=None,
        description="Stored segments: grows by one with every edit (the segment's ETag)",
    )
    revised: Revised | None = Field(
        default=None,
        description=(
            "Once the story was updated: `kept` (same German, the reviewed English carried "
            "over), `changed` (its German was edited: translated again, back to draft, the "
            "previous English and German in its history) or `new`"
        ),
    )


class Block(BaseModel):
    index: int
    kind: BlockKind
    segments: list[Segment]
    path: str | None = Field(
        default=None, description="Where the block is in the markup as sent (HTML: its XPath)"
    )


class RevisionSummary(BaseModel):
    """What one new German version of a story did to its sentences."""

    kept: int = Field(description="Sentences with the same German, carried over as reviewed")
    changed: int = Field(description="Sentences matched to an old one whose German changed")
    new: int = Field(description="Sentences matched to none of the previous version")
    removed: int = Field(description="Sentences of the previous version no longer in the story")
    translated: int = Field(
        description="Sentences that went to the engine (memory hits and kept ones did not)"
    )


class GlossaryRef(BaseModel):
    name: str
    version: str


class AlignedDocument(BaseModel):
    id: str
    source_lang: str = "de"
    target_lang: str = "en"
    style: str | None = Field(
        default=None,
        description="The house style applied on top of `target_lang` (`ap`, `guardian` …), if any",
    )
    model: str
    glossary: GlossaryRef | None = None
    blocks: list[Block]
    revision: int | None = Field(
        default=None,
        description="Stored articles: 1 for the first German version, one more with each update",
    )
    revision_summary: RevisionSummary | None = Field(
        default=None, description="What the latest German version changed, once there is one"
    )
    target_text: str = Field(description="The whole English article, block structure kept")
    target_document: str = Field(
        description="The English article in the input's own format (text, HTML, Markdown)"
    )

    def segments(self) -> list[Segment]:
        return [segment for block in self.blocks for segment in block.segments]
