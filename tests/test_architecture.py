"""The import graph of ARCHITECTURE.md.

The layers and the forbidden directions are import-linter contracts
(``[tool.importlinter]`` in pyproject.toml, run by ``lint-imports`` in .ci/run):
here they are run, and shown to fail on planted violations. What import-linter
cannot see is checked by hand: cycles and forbidden directions counting
``importlib.import_module("…")`` and ``__import__("…")`` calls with literal names,
the size of each folder, and benchmarks that stand on the product, not on the tests.

Every import statement counts, inside functions and ``TYPE_CHECKING`` blocks too:
an import that runs later is still a dependency.
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ROOMS = ("service", "models", "glossary")
MAX_MODULES = 12  # per folder of service/
# Directions no import may take (also import-linter contracts), counting importlib calls.
FORBIDDEN = [
    ("service.web", "service.api"),
    ("service.api", "service.web"),
    ("service.store", "service.markup"),
    ("service.store", "service.pipeline"),
    ("service.store", "service.localise"),
    ("models", "service"),
    ("glossary", "service"),
]


def module_name(path: Path, root: Path = ROOT) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def our_modules() -> dict[str, Path]:
    return {
        module_name(path): path
        for room in ROOMS
        for path in (ROOT / room).rglob("*.py")
        if "migrations" not in path.parts
    }


def dynamic_target(node: ast.Call) -> str | None:
    """The module an ``importlib.import_module("x")`` or ``__import__("x")`` call names."""
    function = node.func
    named = (isinstance(function, ast.Name) and function.id in {"__import__", "import_module"}) or (
        isinstance(function, ast.Attribute) and function.attr == "import_module"
    )
    if not named or not node.args:
        return None
    first = node.args[0]
    if isinstance(first, ast.Constant) and isinstance(first.value, str):
        return first.value
    return None


def imports_of(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The modules of ours that ``path`` imports, anywhere in the file."""
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            anchor = package[: len(package) - node.level + 1] if node.level else []
            base = ".".join([*anchor, *([node.module] if node.module else [])])
            # `from service.pipeline import engines` imports the submodule
            targets = [
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base
                for alias in node.names
            ]
        elif isinstance(node, ast.Call) and (target := dynamic_target(node)):
            targets = [target]
        else:
            continue
        for target in targets:
            # the deepest module of ours the name is in (a name imported from a module)
            while target and target not in modules:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def import_graph() -> dict[str, set[str]]:
    modules = our_modules()
    return {name: imports_of(name, path, modules) for name, path in modules.items()}


def within(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle through each strongly connected component of more than one module."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:  # Tarjan's algorithm
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for successor in sorted(graph[node]):
            if successor not in index:
                visit(successor)
                low[node] = min(low[node], low[successor])
            elif successor in on_stack:
                low[node] = min(low[node], index[successor])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_import_graph_has_no_cycles() -> None:
    assert cycles(import_graph()) == []


@pytest.mark.parametrize(("source", "target"), FORBIDDEN)
def test_no_import_takes_a_forbidden_direction(source: str, target: str) -> None:
    taken = sorted(
        f"{module} → {imported}"
        for module, imported_set in import_graph().items()
        if within(module, source)
        for imported in imported_set
        if within(imported, target)
    )
    assert taken == []


def test_the_checks_see_function_level_and_importlib_imports(tmp_path: Path) -> None:
    graph = {"a": {"b"}, "b": {"a"}, "c": set()}
    assert cycles(graph) == [["a", "b"]]
    source = (
        "import importlib\n"
        "def f():\n"
        "    from service.errors import MtdeskError\n"
        "    importlib.import_module('service.api.articles')\n"
        "    __import__('service.pipeline.engines')\n"
        "    importlib.import_module(name_from_elsewhere)\n"
    )
    path = tmp_path / "probe.py"
    path.write_text(source)
    assert imports_of("probe", path, our_modules()) == {
        "service.errors",
        "service.api.articles",
        "service.pipeline.engines",
    }


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    """``lint-imports`` with the project's contracts over the packages under ``root``."""
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run(
        [sys.executable, "-c", "from importlinter.cli import lint_imports_command as c; c()",
         "--no-cache", str(root / "pyproject.toml")],
        cwd=root, env=env, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip


def test_the_contracts_hold() -> None:
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


PLANTED = {
    "web imports api": ("service/web/diff.py", "from service.api import articles"),
    "api imports web, in a function": (
        "service/api/health.py",
        "def planted():\n    from service.web import render",
    ),
    "store renders": ("service/store/rows.py", "import service.markup.render"),
    "store localises, when type checking": (
        "service/store/rows.py",
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import service.localise",
    ),
    "pipeline imports a use case": ("service/pipeline/alignment.py", "import service.desk"),
    "glossary imports the service": ("glossary/__init__.py", "import service.errors"),
}


@pytest.mark.parametrize("planted", sorted(PLANTED))
def test_a_planted_violation_fails_the_contracts(planted: str, tmp_path: Path) -> None:
    for room in ROOMS:
        shutil.copytree(ROOT / room, tmp_path / room, ignore=only_python)
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    assert lint_imports(tmp_path).returncode == 0  # the copy holds, as the tree does
    relative, line = PLANTED[planted]
    path = tmp_path / relative
    path.write_text(path.read_text() + "\n\n" + line + "\n")
    result = lint_imports(tmp_path)
    assert result.returncode != 0
    assert "BROKEN" in result.stdout


def only_python(folder: str, names: list[str]) -> set[str]:
    """What a copy of the packages leaves out: all but Python files and folders."""
    return {
        name
        for name in names
        if name == "__pycache__" or not (name.endswith(".py") or Path(folder, name).is_dir())
    }


def test_no_folder_of_the_service_holds_more_than_twelve_modules() -> None:
    crowded = {
        str(folder.relative_to(ROOT)): count
        for folder in [ROOT / "service", *(ROOT / "service").rglob("*")]
        if folder.is_dir() and "migrations" not in folder.parts
        if (count := len(list(folder.glob("*.py")))) > MAX_MODULES
    }
    assert crowded == {}


# Where a glossary may be looked up by name or spec: the composition root chooses which
# glossary a request, job, command or stored article gets; the glossary endpoints and
# `mtdesk glossary` read the one a user names, as a resource.
CHOOSE_GLOSSARIES = {"service/compose.py", "service/pipeline/glossaries.py"}
READ_GLOSSARIES = {"service/api/glossaries.py", "service/cli/main.py"}


def test_glossaries_are_chosen_only_in_the_composition_root() -> None:
    calls = sorted(
        f"{path.relative_to(ROOT)}:{node.lineno} {name}"
        for path in [*(ROOT / "service").rglob("*.py"), *(ROOT / "bench").rglob("*.py")]
        if str(path.relative_to(ROOT)) not in CHOOSE_GLOSSARIES | READ_GLOSSARIES
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.Call)
        and (name := getattr(node.func, "id", getattr(node.func, "attr", "")))
        in {"select_glossary", "resolve_glossary"}
        and not isinstance(node.func, ast.Attribute)
    )
    assert calls == []


def test_benchmarks_stand_on_the_product_not_on_the_tests() -> None:
    reaching = sorted(
        f"{path.name} → {target}"
        for path in (ROOT / "bench").rglob("*.py")
        for target in bench_imports(path)
        if within(target, "tests")
    )
    assert reaching == []


def bench_imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
        elif isinstance(node, ast.Call) and (target := dynamic_target(node)):
            found.add(target)
    return found
