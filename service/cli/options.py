"""What the commands share: their options, declared once, and how they become settings."""

from __future__ import annotations

import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from pydantic import ValidationError
from typer.core import TyperCommand

from glossary import Glossary
from service.errors import (
    DatabaseUrlInvalid,
    MtdeskError,
    NotGerman,
    UndecodableInput,
    check_storable,
)
from service.settings import Settings

if TYPE_CHECKING:
    from service.store.articles import Store


class Command(TyperCommand):
    """A command whose usage line names a required argument the usual way (``SOURCE``);
    typer writes ``{source}``."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:  # typer's vendored click.Context
        return [
            piece[1:-1].upper() if piece.startswith("{") and piece.endswith("}") else piece
            for piece in super().collect_usage_pieces(ctx)
        ]

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        """A bad option value is said as click says it, without pydantic's "Value error, "
        (typer checks choices through pydantic)."""
        try:
            parsed: list[str] = super().parse_args(ctx, args)
        except typer.BadParameter as error:
            error.message = error.message.removeprefix("Value error, ")
            raise
        return parsed

    def invoke(self, ctx: Any) -> Any:
        """Ctrl-C: a line that says so (typer would exit 130 in silence)."""
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            typer.echo("mtdesk: interrupted", err=True)
            raise typer.Exit(130) from None


def from_setting(name: str, text: str) -> str:
    """Help for an option that overrides a setting: its default and its variable."""
    default = Settings.model_fields[name].default
    shown = "none" if default in (None, "") else str(default)
    return f"{text} [default: {shown}; env MTDESK_{name.upper()}]"


class Backend(StrEnum):
    transformers = "transformers"
    ctranslate2 = "ctranslate2"
    auto = "auto"


class SourceLang(StrEnum):
    de = "de"
    auto = "auto"


ModelOption = Annotated[
    str | None,
    typer.Option(
        "--model",
        "-m",
        help=from_setting("model", "Model: hub id, local directory, or toy."),
        show_default=False,
    ),
]
BackendOption = Annotated[
    Backend | None,
    typer.Option(
        help=from_setting("backend", "Inference backend; auto: ctranslate2 when installed."),
        show_default=False,
    ),
]
GlossaryOption = Annotated[
    list[str] | None,
    typer.Option(
        "--glossary",
        "-g",
        help=from_setting(
            "glossary", "Glossary file or name, used instead of the default; repeat to combine."
        ),
        show_default=False,
    ),
]
NoGlossaryOption = Annotated[bool, typer.Option("--no-glossary", help="Apply no glossary.")]
BeamSizeOption = Annotated[
    int | None,
    typer.Option(help=from_setting("beam_size", "Beam width."), show_default=False),
]
ThreadsOption = Annotated[
    int | None,
    typer.Option(
        help=from_setting("threads", "CPU threads for inference, 0 for all cores."),
        show_default=False,
    ),
]
SourceLangOption = Annotated[
    SourceLang,
    typer.Option(
        help="de: refuse an article that is not German; auto: translate its German "
        "sentences and keep the others.",
    ),
]
AlignmentOption = Annotated[
    bool,
    typer.Option(
        "--alignment",
        help="Give every segment its word pairs (alignment) in --format json.",
    ),
]
# The options that translate, batch and serve all take (tests/test_cli_options.py).
SHARED_OPTIONS = ("model", "backend", "glossary", "no_glossary", "beam_size", "threads")


class TargetLang(StrEnum):
    en = "en"
    en_gb = "en-GB"
    en_us = "en-US"


TargetOption = Annotated[
    TargetLang | None,
    typer.Option(
        "--target",
        "-t",
        help=from_setting(
            "target_lang", "Target locale: en (the model's English as it is), en-GB or en-US."
        ),
        show_default=False,
    ),
]


StyleOption = Annotated[
    str | None,
    typer.Option(
        "--style",
        help=from_setting(
            "style",
            "House style on top of the target locale: ap, reuters (en-US), guardian, bbc (en-GB).",
        ),
        show_default=False,
    ),
]


def check_style(style: str | None, settings: Settings) -> None:
    """An explicit ``--style`` must be one for the target locale (a clear error, before any
    model loads); MTDESK_STYLE alone serves its own locale and leaves the others neutral."""
    if style:
        from service.compose import profile

        profile(settings, None, style)


class OutputFormat(StrEnum):
    text = "text"
    json = "json"


class InputFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    html = "html"


INPUT_SUFFIXES = {
    ".html": InputFormat.html,
    ".htm": InputFormat.html,
    ".md": InputFormat.markdown,
    ".markdown": InputFormat.markdown,
}


def input_format_of(source: str, given: InputFormat | None) -> InputFormat:
    """The format given, else the one the file name says (stdin and others: text)."""
    if given is not None:
        return given
    return INPUT_SUFFIXES.get(Path(source).suffix.lower(), InputFormat.text)


class GlossaryFileFormat(StrEnum):
    tsv = "tsv"
    csv = "csv"
    tbx = "tbx"


def fail(message: str) -> NoReturn:
    typer.echo(f"mtdesk: error: {message}", err=True)
    raise typer.Exit(2)


def cli_message(error: MtdeskError) -> str:
    """An error's message in the CLI's terms: its options, not the API's fields."""
    if isinstance(error, NotGerman):
        return (
            f"the article is not German: it reads as {error.detail['detected']!r}; "
            "give --source-lang auto to translate its German sentences and keep the others"
        )
    return error.message


def settings_with(**overrides: object) -> Settings:
    """Settings from the environment, with the options given on the command line on top."""
    given = {key: value for key, value in overrides.items() if value is not None}
    try:
        return Settings.model_validate({**Settings().model_dump(), **given})
    except ValidationError as error:  # a bad option or MTDESK_ variable: a line, no traceback
        fail(setting_problem(error))


def setting_problem(error: ValidationError) -> str:
    """The first invalid setting, with where it comes from and what it must be."""
    problem = error.errors()[0]
    name = str(problem["loc"][0]) if problem["loc"] else "settings"
    # the value helps find a typo, but a key or a database password stays off the screen
    value = "" if name in Settings.SECRETS else " " + repr(problem.get("input"))[:60]
    return (
        f"invalid {name}{value}: {problem['msg']} (set by its option or by MTDESK_{name.upper()})"
    )


def read_input(source: str) -> str:
    """The article from a file or from stdin (`-`), decoded as UTF-8."""
    if source == "-":
        data = sys.stdin.buffer.read()
    else:
        path = Path(source)
        if path.is_dir():
            fail(f"{source} is a directory: give a file (`mtdesk batch` takes a directory)")
        if not path.is_file():
            fail(f"no such file: {source}")
        try:
            data = path.read_bytes()
        except OSError as error:  # no permission, a device that fails: say so, no traceback
            fail(f"cannot read {source}: {error.strerror}")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UndecodableInput(error) from None
    return check_storable(text, "input")  # as the API and batch jobs refuse it


def chosen_glossary(settings: Settings, specs: list[str] | None, none: bool) -> Glossary | None:
    from service.compose import chosen_glossary as composed  # the one place glossaries are chosen

    if none:
        return None
    return composed(settings, specs, stored_lookup(settings))


def stored_lookup(settings: Settings) -> Callable[[str], Glossary | None]:
    """Finds glossaries in the store, opening it only when asked and only if it exists."""

    def lookup(name: str) -> Glossary | None:
        if not database_exists(settings.db):
            return None
        return open_store(settings).glossary(name)

    return lookup


def database_exists(url: str) -> bool:
    """False for an SQLite file not yet made: looking a name up must not create it."""
    prefix = "sqlite:///"
    return not url.startswith(prefix) or Path(url.removeprefix(prefix)).is_file()


def open_store(settings: Settings) -> Store:
    from service.store.articles import Store

    try:
        return Store(settings.db)
    except DatabaseUrlInvalid as error:
        fail(error.message)
