"""``mtdesk localise``: English copy converted to en-GB or en-US conventions."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from service.cli.options import OutputFormat, read_input, settings_with
from service.errors import EmptyInput, InputTooLarge


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
        typer.Option(help="A profile file instead of the locale's [env MTDESK_PROFILE_DIR]."),
    ] = None,
) -> None:
    """Convert English text to en-GB or en-US conventions (spelling, dates, money ...)."""
    from service import compose
    from service.localise import load_profile, localise  # pint: only when used

    settings = settings_with()
    text = read_input(source)
    if not text.strip():
        raise EmptyInput()
    if len(text) > settings.max_chars:
        raise InputTooLarge(len(text), settings.max_chars)
    chosen = load_profile(profile) if profile else compose.profile(settings, target.value)
    assert chosen is not None  # a profile exists for every LocaliseTarget
    result = localise(text, chosen)
    if output_format is OutputFormat.json:
        body = {
            "target_lang": target.value,
            "text": result.text,
            "changes": [change.model_dump(mode="json") for change in result.changes],
            "flags": result.flags,
        }
        typer.echo(json.dumps(body, ensure_ascii=False, indent=2))
    else:
        typer.echo(result.text, nl=False)
