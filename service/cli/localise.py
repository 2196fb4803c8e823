"""``mtdesk localise``: English copy converted to en-GB or en-US conventions.

The same localisation the pipeline applies: the same protected spans (links, addresses,
handles, tags, code, file names), a house style on top of the locale (``--style``), the
first line as a headline (``--headline``) and named days for relative ones where the
style wants them (``--published``). Figures too large for a rule are left as they are
and listed under ``notes`` in ``--format json``.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import asdict
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from service.cli.options import OutputFormat, StyleOption, read_input, settings_with
from service.errors import EmptyInput, InputTooLarge, ProfileInvalid


class LocaliseTarget(StrEnum):
    """The locales there is a profile for (``en`` is the model's English: nothing to do)."""

    en_gb = "en-GB"
    en_us = "en-US"


def localise_command(
    source: Annotated[str, typer.Argument(help="English text file, or - for stdin.")],
    target: Annotated[
        LocaliseTarget, typer.Option("--target", "-t", help="The locale to convert to.")
    ],
    output_format: Annotated[
        OutputFormat,
        typer.Option("--format", "-f", help="text: the localised text; json: it with changes."),
    ] = OutputFormat.text,
    profile: Annotated[
        Path | None,
        typer.Option(
            help="A profile file (NAME.en-GB.toml or en-GB.toml) instead of the locale's "
            "[env MTDESK_PROFILE_DIR]."
        ),
    ] = None,
    style: StyleOption = None,
    headline: Annotated[
        bool,
        typer.Option(
            "--headline",
            help="The first line is a headline: the style's headline case, names kept "
            "(the rest of the text shows which words are names).",
        ),
    ] = False,
    published: Annotated[
        str | None,
        typer.Option(
            help="The article's date (YYYY-MM-DD): where the style says so (bbc), "
            "yesterday, today and tomorrow become the day's name.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Convert English text to en-GB or en-US conventions (spelling, dates, money ...)."""
    from service import compose
    from service.localise import load_profile, localise  # pint: only when used
    from service.pipeline.localising import english_protected

    settings = settings_with()
    text = read_input(source)
    if not text.strip():
        raise EmptyInput()
    if len(text) > settings.max_chars:
        raise InputTooLarge(len(text), settings.max_chars)
    day = publication_date(published)
    if profile and style:
        raise typer.BadParameter("give --profile or --style, not both", param_hint="--style")
    chosen = load_profile(profile) if profile else compose.profile(settings, target.value, style)
    assert chosen is not None  # a profile exists for every LocaliseTarget
    if chosen.locale != target.value:
        raise ProfileInvalid(chosen.path, f"it is for {chosen.locale}, not {target.value}")
    result = localise(
        text,
        chosen,
        protected=english_protected(text),
        first_line_headline=headline,
        published=day,
    )
    if output_format is OutputFormat.json:
        body = {
            "target_lang": target.value,
            "style": chosen.style or None,
            "text": result.text,
            "changes": [change.model_dump(mode="json") for change in result.changes],
            "flags": result.flags,
            "notes": [asdict(note) for note in result.notes],
        }
        typer.echo(json.dumps(body, ensure_ascii=False, indent=2))
    else:
        typer.echo(result.text, nl=False)


def publication_date(published: str | None) -> datetime.date | None:
    if published is None:
        return None
    try:
        return datetime.date.fromisoformat(published)
    except ValueError:
        raise typer.BadParameter(
            f"{published!r} is not a date like 2025-10-03", param_hint="--published"
        ) from None
