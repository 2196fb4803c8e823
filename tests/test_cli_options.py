"""The command line as a whole: shared options declared once, help that reads well,
``--version``, ``models list``, and start-up that pays only for what it runs."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from importlib.metadata import version
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from service import compose
from service.cli import options
from service.cli.main import app
from tests.conftest import ROOT, run_cli
from tests.fakes import FakeEngine

COMMANDS = ("translate", "batch", "serve")
ENGLISH = (
    "The Secretary of State met his Russian counterpart in Geneva on Friday. The talks "
    "lasted ninety minutes and ended without an agreement, officials said afterwards. "
    "Both sides promised to keep talking, but neither would say when they would meet again."
)


def command(name: str) -> Any:
    group = typer.main.get_command(app)
    return group.commands[name]  # type: ignore[attr-defined]


def shared_params(name: str) -> dict[str, Any]:
    return {p.name: p for p in command(name).params if p.name in options.SHARED_OPTIONS}


@pytest.mark.parametrize("name", COMMANDS)
@pytest.mark.parametrize("option", options.SHARED_OPTIONS)
def test_every_command_takes_the_shared_options_as_declared_once(name: str, option: str) -> None:
    """Same flags, same help, same default on every command: one declaration."""
    param = shared_params(name)[option]
    reference = shared_params("translate")[option]
    assert (
        param.help
        and param.help.endswith(f"env MTDESK_{option.upper()}]")
        or (option == "no_glossary")
    )
    assert (param.opts, param.help, param.default) == (
        reference.opts,
        reference.help,
        reference.default,
    )


@pytest.mark.parametrize("name", ["translate", "batch"])
def test_translate_and_batch_take_the_source_language(name: str) -> None:
    (param,) = [p for p in command(name).params if p.name == "source_lang"]
    assert param.opts == ["--source-lang"] and param.default == "de"


def help_of(*args: str) -> str:
    result = CliRunner().invoke(app, [*args, "--help"], terminal_width=100)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["translate"],
        ["batch"],
        ["serve"],
        ["localise"],
        ["models", "list"],
        ["glossary", "import"],
    ],
)
def test_help_reads_well(args: list[str]) -> None:
    text = help_of(*args)
    assert "<bool>" not in text
    assert not re.search(r"Usage: .*\{", text)  # typer writes a required argument as {name}
    assert not re.search(r"\s[.,;](\s|$)", text), text  # no space before a stop
    options_part = text.split("Options:")[1]
    entries = re.findall(r"^  (-[-\w, ]+?)(?:\s<[^>]+>)?(?:\s{2,}(\S.*))?$", options_part, re.M)
    assert entries and all(help_text for _, help_text in entries), entries


@pytest.mark.parametrize("option", ["model", "backend", "beam_size", "threads", "glossary"])
def test_help_shows_each_settings_default_and_variable(option: str) -> None:
    text = " ".join(help_of("translate").split())
    assert f"env MTDESK_{option.upper()}]" in text


def test_version() -> None:
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output == f"mtdesk {version('mtdesk')}\n"


def test_models_list_has_a_header_and_explains_its_marker() -> None:
    lines = CliRunner().invoke(app, ["models", "list", "--model", "toy"]).output.splitlines()
    assert lines[0].split() == ["MODEL", "STATE", "SOURCE", "PATH"]
    assert lines[1].startswith("* toy ") and "present" in lines[1]
    assert lines[-1].startswith("* the model in use")


def test_the_ctranslate2_path_imports_neither_torch_nor_transformers() -> None:
    """Nor the libraries of what it does not use: the store (SQLAlchemy), localisation
    (pint) and the hub client. Each costs a start a part of a second."""
    pytest.importorskip("ctranslate2")
    script = (
        "import sys\n"
        "from service.cli.main import main\n"
        "sys.argv = ['mtdesk', 'translate', '-', '--model', 'toy', '--backend', 'ctranslate2']\n"
        "try:\n    main()\nexcept SystemExit as end:\n    assert not end.code, end.code\n"
        "unused = ('torch', 'transformers', 'sqlalchemy', 'pint', 'huggingface_hub')\n"
        "print('LOADED', sorted(m for m in unused if m in sys.modules))\n"
    )
    # The first run of a fresh checkout converts the toy model, which needs torch and
    # transformers; the run measured is a later one, which finds the conversion cached.
    for _ in range(2):
        done = subprocess.run(
            [sys.executable, "-c", script],
            input=b"Der Minister kommt.",
            capture_output=True,
            cwd=ROOT,
            timeout=300,
            check=False,
        )
        assert done.returncode == 0, done.stderr.decode()
    assert done.stdout.decode().splitlines()[-1] == "LOADED []"


class Loading:
    """Stands in for loading the model; records whether anything asked for it."""

    def __init__(self) -> None:
        self.loaded = False

    def __call__(self, settings: Any) -> FakeEngine:
        self.loaded = True
        return FakeEngine()


@pytest.mark.parametrize(
    ("text", "args", "message"),
    [
        (ENGLISH, [], "give --source-lang auto"),
        ("", [], "empty"),
        ("Der Minister kommt.", ["--glossary", "no-such-glossary"], "no-such-glossary"),
        ("Der Minister kommt.", ["--input-format", "html"], None),
    ],
)
def test_checks_that_need_no_model_come_before_it_loads(
    monkeypatch: pytest.MonkeyPatch, text: str, args: list[str], message: str | None
) -> None:
    loading = Loading()
    monkeypatch.setattr(compose.engines, "load_engine", loading)
    monkeypatch.setenv("MTDESK_GLOSSARY", "")
    result = CliRunner().invoke(app, ["translate", "-", "--model", "toy", *args], input=text)
    if message is None:  # a good article: the model loads, and only then
        assert result.exit_code == 0 and loading.loaded
        return
    assert result.exit_code != 0 and not loading.loaded
    assert message in str(result.exception or "") + result.output


def test_an_english_article_is_refused_by_the_real_command_before_the_model_loads() -> None:
    result = run_cli("translate", "-", "--model", "/no/such/model", stdin=ENGLISH.encode())
    assert result.returncode == 2
    assert "not German" in result.stderr.decode() and "no such" not in result.stderr.decode()


def test_failures_give_a_json_free_message_in_the_batch_report() -> None:
    message = options.cli_message(
        __import__("service.errors", fromlist=["NotGerman"]).NotGerman("en")
    )
    assert "--source-lang auto" in message and '"source_lang"' not in message
    assert json.dumps(message)  # plain text
