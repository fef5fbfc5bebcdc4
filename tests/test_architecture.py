"""The layout keeps its promises: no import circle, no import from a lower layer to a higher one.

Read from the source, as a newcomer reads docs/architecture.md: each module belongs to a layer
(by its package or its name); a module may import its own package and the layers below, and
packages of one layer never import each other.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "textlint"

# Lowest first. A name is a top-level module or package of textlint.
LAYERS: list[set[str]] = [
    {"errors", "issues", "sourcemap", "document", "version"},
    {
        "layout",
        "names",
        "langid",
        "guards",
        "results",
        "config",
        "selection",
        "suppressions",
        "fixer",
        "writer",
        "yamlmarks",
        "cachedir",
        "cachestore",
        "resultcache",
        "frequency",
        "regexes",
    },
    {"yamlrules", "formats", "languagetool", "reporters"},
    {"engine", "linter", "runcache"},
    {"api", "corpus"},
    {"__init__"},  # the package's public face: the Python API and the types it returns
    {
        "cli",
        "serve",
        "resident",
    },  # front doors: the command line, the HTTP server, the resident process; never importing each other
    {"__main__"},
]
# Within these layers each name is a package of its own that must not import the others.
INDEPENDENT = {2, 4, 6}
# The command line launches the other front doors (`textlint serve`): it may import them, but
# only inside the command that runs them, so that it starts without their dependencies.
LAUNCHER = "cli"


def layer_of(unit: str) -> int:
    return next(index for index, names in enumerate(LAYERS) if unit in names)


def modules() -> Iterator[Path]:
    yield from sorted(PACKAGE.rglob("*.py"))


def unit_of(path: Path) -> str:
    """The top-level module or package a file belongs to (`__init__` for textlint itself)."""
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return parts[0]


def dotted(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path, module_level_only: bool) -> Iterator[str]:
    """The textlint modules `path` imports: `from package import module` names the module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if module_level_only else list(ast.walk(tree))
    for node in nodes:
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "textlint" or node.module.startswith("textlint."):
                for alias in node.names:
                    name = f"{node.module}.{alias.name}"
                    yield name if _is_module(name) else node.module
        elif isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names if alias.name.startswith("textlint"))


def _is_module(name: str) -> bool:
    relative = Path(*name.split(".")[1:])
    return (PACKAGE / relative).is_dir() or (PACKAGE / relative.with_suffix(".py")).is_file()


def target_unit(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


@pytest.mark.parametrize("path", list(modules()), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_go_down_the_layers(path: Path) -> None:
    unit = unit_of(path)
    own = layer_of(unit)
    at_module_level = set(imports(path, module_level_only=True))
    for module in imports(path, module_level_only=False):
        target = target_unit(module)
        if target == unit or not _is_module(f"textlint.{target}"):
            continue
        layer = layer_of(target)
        assert layer <= own, f"{dotted(path)} (layer {own}) imports {module} (layer {layer})"
        if unit == LAUNCHER and layer == own and module not in at_module_level:
            continue
        if layer == own and own in INDEPENDENT:
            pytest.fail(f"{dotted(path)} imports {module}: packages of one layer stay independent")


def test_no_import_circle() -> None:
    graph = {dotted(path): {module for module in imports(path, module_level_only=True)} for path in modules()}
    known = set(graph)
    for name, imported in graph.items():
        # A module importing its own package (`from textlint.languagetool import paths` inside
        # textlint.languagetool.checker) or a package root is Python's normal start-up order.
        resolved = {_resolve(module, known) for module in imported}
        graph[name] = {
            module for module in resolved if module and module != name and not name.startswith(module + ".")
        }
    visiting: list[str] = []
    done: set[str] = set()

    def visit(name: str) -> None:
        if name in done:
            return
        assert name not in visiting, "import circle: " + " -> ".join(
            [*visiting[visiting.index(name) :], name]
        )
        visiting.append(name)
        for other in sorted(graph.get(name, ())):
            visit(other)
        visiting.pop()
        done.add(name)

    for name in sorted(graph):
        visit(name)


def _resolve(module: str, known: set[str]) -> str | None:
    """`textlint.a.b` as imported (a module, or a name from a package) to a known module."""
    while module and module not in known:
        module = module.rpartition(".")[0]
    return module or None
