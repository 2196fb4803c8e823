"""``mtdesk check``: the flags and findings of translations made anywhere, from a TSV of
``source<TAB>target`` lines, an aligned document (JSON) or an XLIFF file.

Exit status: 0 no fact finding, 1 a pair with a fact finding (``FACT_FLAGS``) or whose
checks failed (``stage_failed``), 2 bad input. No model is loaded.
"""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from pydantic import ValidationError

from service.cli.options import (
    GlossaryOption,
    NoGlossaryOption,
    TargetLang,
    chosen_glossary,
    fail,
    read_input,
    settings_with,
)


class CheckInput(StrEnum):
    tsv = "tsv"
    json = "json"
    xliff = "xliff"


class CheckOutput(StrEnum):
    text = "text"
    json = "json"


XLIFF_SUFFIXES = (".xlf", ".xliff", ".sdlxliff", ".mxliff")
XLIFF2 = "urn:oasis:names:tc:xliff:document:2.0"


def check_command(
    source: Annotated[
        str, typer.Argument(help="TSV (source<TAB>target), JSON document or XLIFF; - for stdin.")
    ],
    input_format: Annotated[
        CheckInput | None,
        typer.Option(
            "--input-format",
            "-i",
            help="Default from the file name (.json: json, .xlf/.xliff: xliff, else tsv); "
            "stdin: from its first character.",
        ),
    ] = None,
    output_format: Annotated[
        CheckOutput,
        typer.Option("--format", "-f", help="text: one line per finding; json: the results."),
    ] = CheckOutput.text,
    glossary: GlossaryOption = None,
    no_glossary: NoGlossaryOption = False,
    target: Annotated[
        TargetLang | None,
        typer.Option(
            "--target",
            "-t",
            help="The English's conventions (en, en-GB, en-US); default: the document's, else en.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Check translations: numbers, names, negation, quotations, links, omissions."""
    from service import compose
    from service.desk.check import check_input, check_pairs

    settings = settings_with()
    text = read_input(source)
    kind = input_format or format_of(source, text)
    pairs, document_lang = read_pairs(text, kind)
    check_input(pairs, settings.max_chars)
    target_lang = target.value if target else document_lang or "en"
    results = check_pairs(
        pairs,
        glossary=chosen_glossary(settings, glossary, no_glossary),
        thresholds=compose.thresholds(settings),
        target_lang=target_lang,
    )
    if output_format is CheckOutput.json:
        body = {
            "results": [
                {
                    "id": pair.id,
                    "flags": result.flags,
                    "findings": [finding.model_dump(mode="json") for finding in result.findings],
                }
                for pair, result in zip(pairs, results, strict=True)
            ]
        }
        typer.echo(json.dumps(body, ensure_ascii=False, indent=2))
    else:
        for pair, result in zip(pairs, results, strict=True):
            for line in report_lines(pair.id or "", result.flags, result.findings):
                typer.echo(line)
    facts = sum(result.facts for result in results)
    flagged = sum(bool(result.flags) for result in results)
    typer.echo(
        f"checked {len(pairs)} pairs: {facts} with a fact finding, {flagged} flagged in all",
        err=True,
    )
    if facts:
        raise typer.Exit(1)


def report_lines(pair_id: str, flags: list[str], findings: list[Any]) -> list[str]:
    """``ID<TAB>flag<TAB>message`` per finding; a flag without findings on its own line."""
    lines = [f"{pair_id}\t{finding.flag}\t{finding.message}" for finding in findings]
    explained = {finding.flag for finding in findings}
    lines += [f"{pair_id}\t{flag}" for flag in flags if flag not in explained]
    return lines


def format_of(source: str, text: str) -> CheckInput:
    if source != "-":
        suffix = Path(source).suffix.lower()
        if suffix == ".json":
            return CheckInput.json
        if suffix in XLIFF_SUFFIXES:
            return CheckInput.xliff
        return CheckInput.tsv
    start = text.lstrip()[:1]
    return {"{": CheckInput.json, "<": CheckInput.xliff}.get(start, CheckInput.tsv)


def read_pairs(text: str, kind: CheckInput) -> tuple[list[Any], str | None]:
    """The pairs of the input, and the target locale it names (JSON documents)."""
    if kind is CheckInput.json:
        return json_pairs(text)
    if kind is CheckInput.xliff:
        return xliff_pairs(text), None
    return tsv_pairs(text), None


def tsv_pairs(text: str) -> list[Any]:
    from service.desk.check import Pair

    pairs = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        if line.count("\t") != 1:
            fail(
                f"line {number}: expected source<TAB>target, found "
                f"{line.count(chr(9))} tabs; a TSV line holds one German sentence, a tab "
                "and its English"
            )
        german, english = line.split("\t")
        pairs.append(Pair(german, english, f"line {number}"))
    return pairs


def json_pairs(text: str) -> tuple[list[Any], str | None]:
    """An aligned document (``mtdesk translate --format json``, an article export) or a
    ``/v1/check`` body (``{"pairs": [...]}``)."""
    from service.desk.check import Pair
    from service.document import AlignedDocument

    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        fail(f"not JSON: {error}")
    if isinstance(data, dict) and isinstance(data.get("pairs"), list):
        pairs = []
        for index, item in enumerate(data["pairs"]):
            if not (
                isinstance(item, dict)
                and isinstance(item.get("source"), str)
                and isinstance(item.get("target"), str)
            ):
                fail(f'pairs[{index}]: expected {{"source": str, "target": str}}')
            pairs.append(Pair(item["source"], item["target"], f"pair {index}"))
        lang = data.get("target_lang")
        return pairs, lang if isinstance(lang, str) else None
    try:
        document = AlignedDocument.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        fail(
            f"not an aligned document ({where}: {first['msg']}); give one as "
            '`mtdesk translate --format json` writes it, or {"pairs": [...]}'
        )
    pairs = [Pair(s.source, s.target, s.id) for s in document.segments() if s.origin != "kept"]
    return pairs, document.target_lang


def xliff_pairs(text: str) -> list[Any]:
    """The translation units of an XLIFF 1.2 or 2.0 file (translate-toolkit); units
    without a source are left out."""
    from lxml import etree
    from translate.storage import xliff, xliff2

    from service.desk.check import Pair

    kind = xliff2.Xliff2File if XLIFF2 in text[:2000] else xliff.xlifffile
    try:
        store = kind.parsestring(text.encode())
    except (etree.XMLSyntaxError, ValueError) as error:
        fail(f"not an XLIFF file: {error}")
    pairs = []
    for unit in store.getunits():
        if unit.isheader() or not unit.source:
            continue
        # translate-toolkit prefixes 1.2 ids with their file's name and U+0004
        unit_id = (unit.getid() or "").rsplit("\x04", 1)[-1] or None
        pairs.append(Pair(str(unit.source), str(unit.target or ""), unit_id))
    return pairs
