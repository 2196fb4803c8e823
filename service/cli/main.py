"""The `mtdesk` command line."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from glossary import GlossaryError
from models.errors import ModelError
from service.cli.batch import batch
from service.cli.check import check_command
from service.cli.localise import localise_command
from service.cli.options import (
    AlignmentOption,
    BackendOption,
    BeamSizeOption,
    Command,
    GlossaryFileFormat,
    GlossaryOption,
    InputFormat,
    ModelOption,
    NoGlossaryOption,
    OutputFormat,
    SourceLang,
    SourceLangOption,
    StyleOption,
    TargetOption,
    ThreadsOption,
    check_style,
    chosen_glossary,
    cli_message,
    database_exists,
    fail,
    from_setting,
    input_format_of,
    open_store,
    read_input,
    settings_with,
    stored_lookup,
)
from service.cli.previous import PreviousOption, read_previous, summary_line
from service.cli.words import counted, plural
from service.errors import EmptyInput, GlossaryInvalid, InputTooLarge, MtdeskError, NotGerman

# Plain help: rich markup would take "[default: …]" in a help text for a markup tag.
app = typer.Typer(
    help="German→English news translation with sentence-aligned output.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
models_app = typer.Typer(
    help="Translation models: list, fetch and convert.", no_args_is_help=True, rich_markup_mode=None
)
glossary_app = typer.Typer(
    help="Glossaries of names and terms.", no_args_is_help=True, rich_markup_mode=None
)


def show_version(shown: bool) -> None:
    if shown:
        from importlib.metadata import version as package_version

        typer.echo(f"mtdesk {package_version('mtdesk')}")
        raise typer.Exit()


@app.callback()
def options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=show_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """German→English news translation with sentence-aligned output."""


app.add_typer(models_app, name="models")
app.add_typer(glossary_app, name="glossary")
app.command(cls=Command)(batch)
app.command("localise", cls=Command)(localise_command)
app.command("check", cls=Command)(check_command)


@app.command(cls=Command)
def translate(
    source: Annotated[str, typer.Argument(help="German article file, or - for stdin.")],
    output_format: Annotated[
        OutputFormat,
        typer.Option("--format", "-f", help="text: the English article; json: aligned document."),
    ] = OutputFormat.text,
    model: ModelOption = None,
    glossary: GlossaryOption = None,
    no_glossary: NoGlossaryOption = False,
    beam_size: BeamSizeOption = None,
    threads: ThreadsOption = None,
    backend: BackendOption = None,
    input_format: Annotated[
        InputFormat | None,
        typer.Option(
            "--input-format",
            "-i",
            help="How the article is marked up; default from the file name "
            "(.html/.htm: html, .md/.markdown: markdown, else text).",
        ),
    ] = None,
    source_lang: SourceLangOption = SourceLang.de,
    target: TargetOption = None,
    style: StyleOption = None,
    alignment: AlignmentOption = False,
    previous: PreviousOption = None,
) -> None:
    """Translate a German article to English (the output keeps the input's markup)."""
    from service.checks.reading import read_checked

    settings = settings_with(
        model=model,
        beam_size=beam_size,
        threads=threads,
        backend=backend and backend.value,
        target_lang=target and target.value,
        style=style,
    )
    check_style(style, settings)
    # Everything that needs no model is checked before it loads: a plain mistake
    # (an empty or huge file, an English article, a bad glossary) is answered at once.
    text = read_input(source)
    if not text.strip():
        raise EmptyInput()
    if len(text) > settings.max_chars:  # the API's limit: a huge file would run for hours
        raise InputTooLarge(len(text), settings.max_chars)
    try:
        article = read_checked(text, input_format_of(source, input_format).value, source_lang.value)
    except NotGerman as error:  # its message names the API's field; here it is an option
        fail(cli_message(error))
    earlier = read_previous(previous) if previous else None
    # Only now the engine, glossary and checks: an article refused above never imports them.
    from service import compose
    from service.cli.progress import SentenceProgress

    chosen = chosen_glossary(settings, glossary, no_glossary)
    compose.profile(settings)  # a broken profile too
    engine = compose.batching_engine(compose.load_engine(settings), settings, "batch")
    try:
        translator = compose.translator(settings, engine, glossary=chosen)
        if earlier is None:
            document = translator.translate_article(
                article, progress=SentenceProgress("translating"), alignment=alignment
            )
        else:  # a new version of a story: only changed and new sentences are translated
            from service.desk.revisions import carry_over

            revision = carry_over(translator, article, earlier, alignment=alignment)
            document = revision.document
            typer.echo(summary_line(revision.summary), err=True)
    finally:
        engine.close()
    if output_format is OutputFormat.json:
        typer.echo(document.model_dump_json(indent=2))
    else:  # the English ends as the German did: a final newline is not doubled
        english = document.target_document
        typer.echo(english, nl=not english.endswith("\n"))


@glossary_app.command("import", cls=Command)
def import_glossary(
    path: Annotated[Path, typer.Argument(help="TSV, CSV or TBX file.")],
    name: Annotated[str | None, typer.Option(help="Name to store it under [file stem].")] = None,
) -> None:
    """Store a glossary file in the database (MTDESK_DB) under a name."""
    from glossary import load_glossary

    if not path.is_file():
        fail(f"no such file: {path}")
    try:
        glossary = load_glossary(path, name=name or path.stem)
    except GlossaryError as error:
        raise GlossaryInvalid(str(error)) from None
    from service.pipeline.glossaries import DEFAULT_NAME

    if glossary.name == DEFAULT_NAME:
        fail(f"{DEFAULT_NAME!r} is the shipped glossary; import yours under another --name")
    created = open_store(settings_with()).put_glossary(glossary)
    verb = "stored" if created else "replaced"
    version = glossary.version[:12]
    entries = counted(len(glossary), "entry")
    typer.echo(f"{verb} glossary {glossary.name!r}: {entries}, version {version}")


@glossary_app.command("list", cls=Command)
def list_glossaries() -> None:
    """The shipped glossary and those stored in the database (MTDESK_DB)."""
    from glossary import default_glossary

    default = default_glossary()
    typer.echo(glossary_row(default.name, len(default), default.version, "shipped"))
    settings = settings_with()
    if not database_exists(settings.db):
        return
    for info in open_store(settings).glossaries():
        typer.echo(glossary_row(info.name, info.entries, info.version, "stored"))


def glossary_row(name: str, entries: int, version: str, where: str) -> str:
    return f"{name:30} {entries:6} {plural('entry', entries):7}  {version[:12]}  {where}"


# `glossary check`'s TSV: character offsets in the text, the form found there, and the entry
CHECK_COLUMNS = ("offsets", "found", "source", "target", "kind")


@glossary_app.command("check", cls=Command)
def check_glossary(
    source: Annotated[str, typer.Argument(help="German text file, or - for stdin.")],
    glossary: GlossaryOption = None,
) -> None:
    """List the glossary terms found in a German text, without translating."""
    from glossary import compile_glossary
    from service.segment.sentences import split_sentences

    chosen = chosen_glossary(settings_with(), glossary, False)
    if chosen is None:
        fail("no glossary to check against")
    text = read_input(source)
    matcher = compile_glossary(chosen)
    typer.echo("\t".join(CHECK_COLUMNS))
    for span in split_sentences(text):
        for match in matcher.find(text[span.start : span.end]):
            start, end = span.start + match.start, span.start + match.end
            entry = match.entry
            typer.echo(
                f"{start}-{end}\t{match.surface}\t{entry.source}\t{entry.target}\t{entry.kind}"
            )


@glossary_app.command("export", cls=Command)
def export_glossary(
    name: Annotated[str, typer.Argument(help="Glossary name or file.")] = "news-de-en",
    file_format: Annotated[
        GlossaryFileFormat, typer.Option("--format", "-f", help="File format to write.")
    ] = GlossaryFileFormat.tsv,
) -> None:
    """Write a glossary to stdout as TSV, CSV or TBX."""
    from glossary import dump_glossary
    from service.pipeline.glossaries import resolve_glossary

    data = dump_glossary(resolve_glossary(name, stored_lookup(settings_with())), file_format.value)
    typer.echo(data.decode() if isinstance(data, bytes) else data, nl=False)


@models_app.command("list", cls=Command)
def list_models(model: ModelOption = None) -> None:
    """Known models, where they are, and whether they are on this machine."""
    from models.registry import known_models

    settings = settings_with(model=model)
    rows = [
        (
            "*" if info.name == settings.model else " ",
            info.name,
            "present" if info.present else "absent",
            info.source,
            str(info.path) if info.path else "-",
        )
        for info in known_models(settings.model)
    ]
    width = max(len("MODEL"), *(len(row[1]) for row in rows))
    typer.echo(f"  {'MODEL':{width}} {'STATE':8} {'SOURCE':10} PATH")
    for marker, name, state, source, where in rows:
        typer.echo(f"{marker} {name:{width}} {state:8} {source:10} {where}")
    typer.echo(
        "\n* the model in use (--model or MTDESK_MODEL). present: on this machine; "
        "absent: fetch it with `mtdesk models pull NAME`."
    )


@models_app.command("pull", cls=Command)
def pull_model(
    name: Annotated[str | None, typer.Argument(help="Hub id [default: MTDESK_MODEL].")] = None,
) -> None:
    """Download a model from the hub into the local cache."""
    from models.registry import pull

    target = name or settings_with().model
    typer.echo(f"{target}: {pull(target)}")


@models_app.command("convert", cls=Command)
def convert_model(
    name: Annotated[str | None, typer.Argument(help="Model [default: MTDESK_MODEL].")] = None,
    force: Annotated[bool, typer.Option(help="Convert again even if converted.")] = False,
) -> None:
    """Convert a model for the ctranslate2 backend (int8), once; later runs reuse it."""
    from models.ctranslate_convert import convert, find_converted
    from models.registry import resolve

    settings = settings_with()
    target = name or settings.model
    path = resolve(target)
    found = None if force else find_converted(target, path, "int8", settings.cache_dir)
    converted = found or convert(target, path, "int8", settings.cache_dir, force=force)
    typer.echo(f"{target}: {converted}{' (already converted)' if found else ''}")


@app.command(cls=Command)
def serve(
    model: ModelOption = None,
    backend: BackendOption = None,
    glossary: GlossaryOption = None,
    no_glossary: NoGlossaryOption = False,
    beam_size: BeamSizeOption = None,
    threads: ThreadsOption = None,
    host: Annotated[
        str | None, typer.Option(help=from_setting("host", "Address to listen on."))
    ] = None,
    port: Annotated[
        int | None, typer.Option(help=from_setting("port", "Port to listen on."))
    ] = None,
    target: TargetOption = None,
    style: StyleOption = None,
) -> None:
    """Run the HTTP service (the model loads in the background; /ready says when)."""
    import uvicorn

    from models.registry import resolve
    from service.app import create_app
    from service.http.guard import server_options

    settings = settings_with(
        model=model,
        backend=backend and backend.value,
        glossary="" if no_glossary else glossary and ",".join(glossary),
        beam_size=beam_size,
        threads=threads,
        host=host,
        port=port,
        target_lang=target and target.value,
        style=style,
    )
    check_style(style, settings)
    resolve(settings.model)  # a missing model fails here, in one line, before the server starts
    uvicorn.run(
        create_app(settings), host=settings.host, port=settings.port, **server_options(settings)
    )


def main() -> None:
    try:
        app()
    except (MtdeskError, ModelError) as error:
        typer.echo(f"mtdesk: error: {error}", err=True)
        raise SystemExit(2) from None
    except KeyboardInterrupt:
        typer.echo("mtdesk: interrupted", err=True)
        raise SystemExit(130) from None
