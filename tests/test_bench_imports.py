"""The benchmarks stand on the product: nothing in bench/ imports the tests.

Every form counts: ``import tests...``, ``from tests... import``, at module or
function level, and ``importlib.import_module("tests...")`` / ``__import__``
with a literal name.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"


def imported(tree: ast.AST) -> list[str]:
    """Every module name ``tree`` imports, however it imports it."""
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
        elif isinstance(node, ast.Call) and node.args:
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            first = node.args[0]
            if called in ("import_module", "__import__") and isinstance(first, ast.Constant):
                names.append(str(first.value))
    return names


def from_tests(source: str) -> list[str]:
    return [
        name for name in imported(ast.parse(source)) if name == "tests" or name.startswith("tests.")
    ]


@pytest.mark.parametrize(
    "path", sorted(BENCH.rglob("*.py")), ids=lambda path: str(path.relative_to(BENCH))
)
def test_a_benchmark_imports_nothing_from_tests(path: Path) -> None:
    assert from_tests(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    "source",
    [
        "from tests.conftest import run_cli",
        "import tests.live_server",
        "def f():\n    from tests import batch_data",
        "import importlib\nimportlib.import_module('tests.batch_data')",
        "__import__('tests.live_server')",
    ],
)
def test_the_check_sees_every_form_of_import(source: str) -> None:
    assert from_tests(source)
