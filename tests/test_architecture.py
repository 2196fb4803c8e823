"""The import graph of ARCHITECTURE.md: no cycles, and every import goes downwards.

Every import statement counts, inside functions and ``TYPE_CHECKING`` blocks too:
an import that runs later is still a dependency.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ROOMS = ("service", "models", "glossary")

# Lowest first: a module may import from its own layer and the layers below it.
LAYERS = [
    ("models", "glossary"),
    ("service.errors", "service.document", "service.settings", "service.metrics"),
    ("service.segment",),
    ("service.markup",),
    ("service.store",),
    ("service.localise",),
    ("service.checks",),
    ("service.pipeline",),
    ("service.compose",),
    ("service.desk",),
    ("service.http",),
    (
        "service.batch",
        "service.api",
        "service.web",
        "service.app",
        "service.cli",
        "service.__main__",
    ),
]


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
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
        else:
            continue
        found.update(target for target in targets if target in modules and target != name)
    return found


def import_graph() -> dict[str, set[str]]:
    modules = our_modules()
    return {name: imports_of(name, path, modules) for name, path in modules.items()}


def layer_of(module: str) -> int:
    for rank, prefixes in enumerate(LAYERS):
        if any(module == prefix or module.startswith(prefix + ".") for prefix in prefixes):
            return rank
    raise AssertionError(f"{module} is in no layer: add it to ARCHITECTURE.md and LAYERS")


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


def test_every_import_goes_down_the_layers() -> None:
    upward = [
        f"{module} → {imported}"
        for module, imported_set in import_graph().items()
        for imported in imported_set
        if layer_of(imported) > layer_of(module)
    ]
    assert upward == []


@pytest.mark.parametrize("room", ["models", "glossary"])
def test_models_and_glossary_import_nothing_of_the_service(room: str) -> None:
    graph = import_graph()
    reaching = {
        f"{module} → {imported}"
        for module, imported_set in graph.items()
        if module.split(".")[0] == room
        for imported in imported_set
        if imported.split(".")[0] != room
    }
    assert reaching == set()


def test_the_checks_see_function_level_imports() -> None:
    graph = {"a": {"b"}, "b": {"a"}, "c": set()}
    assert cycles(graph) == [["a", "b"]]
    source = "def f():\n    from service.errors import MtdeskError\n"
    path = ROOT / "tests" / "_probe_module.py"
    try:
        path.write_text(source)
        assert imports_of("probe", path, our_modules()) == {"service.errors"}
    finally:
        path.unlink()


def test_service_keeps_few_modules_at_its_top() -> None:
    top = sorted(path.name for path in (ROOT / "service").glob("*.py"))
    assert len(top) <= 12, top
