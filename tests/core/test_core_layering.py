"""The layering, as a test: checks never reach for the terminal or the CLI, footprint/
never names its built-in checks outside the loader, and no two modules import each other.

Imports are read from the source (every ``import``, at module level or inside a function,
except under ``if TYPE_CHECKING``), so a lazy import counts as much as a top-level one.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = {"footprint": ROOT / "footprint",
            "footprint_checks": ROOT / "checks" / "footprint_checks"}
CONSOLE_MODULES = {"commands.py", "view.py"}  # a family's CLI wiring and its console view
TERMINAL = ("typer", "rich", "click", "footprint.cli")
CLI_DOOR = "footprint.cli.api"  # the one module family commands may use of the CLI
LOADER = ROOT / "footprint" / "registry.py"


def _modules() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for package, base in PACKAGES.items():
        for path in base.rglob("*.py"):
            parts = list(path.relative_to(base).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join([package, *parts])] = path
    return found


MODULES = _modules()


def _type_checking_only(tree: ast.AST) -> set[int]:
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for inner in node.body:
                skipped.update(id(n) for n in ast.walk(inner))
    return skipped


def imports(module: str) -> Iterator[str]:
    """Every module ``module`` imports, as dotted names (a ``from x import y`` names
    ``x.y`` when that is a module of ours, else ``x``)."""
    path = MODULES[module]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = _type_checking_only(tree)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                yield candidate if candidate in MODULES else base


def _is(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def test_the_module_list_is_real() -> None:
    assert "footprint.extract" in MODULES and "footprint_checks.photos.view" in MODULES
    assert "footprint.cli.api" in MODULES and len(MODULES) > 100


@pytest.mark.parametrize("module", sorted(m for m in MODULES if m.startswith("footprint_checks")))
def test_checks_stay_off_the_terminal_and_the_cli(module: str) -> None:
    console = MODULES[module].name in CONSOLE_MODULES
    for name in imports(module):
        if console:
            assert not _is(name, "footprint.cli") or name == CLI_DOOR, (
                f"{module} imports {name}: family commands use {CLI_DOOR} only")
            assert not _is(name, "footprint.http.client"), (
                f"{module} builds a client: use {CLI_DOOR}.plain_session")
        else:
            bad = [t for t in TERMINAL if _is(name, t)]
            assert not bad, f"{module} imports {name}: only commands.py or view.py may"


def test_footprint_names_its_checks_only_in_the_loader() -> None:
    offenders = [str(path.relative_to(ROOT)) for module, path in MODULES.items()
                 if module.startswith("footprint.") and path != LOADER
                 and "footprint_checks" in path.read_text(encoding="utf-8")]
    assert offenders == []


def test_no_module_takes_another_ones_private_names() -> None:
    """``_name`` is a module's own business: a helper two modules share is public in
    one of them (as extract_lxml once took extract's ``_link``)."""
    offenders = []
    for module, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.level or (node.module or "")
                                                     .startswith(tuple(PACKAGES))):
                offenders += [f"{module}: {node.module}.{a.name}" for a in node.names
                              if a.name.startswith("_") and not a.name.startswith("__")]
    assert offenders == []


def _cycles() -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    graph = {m: sorted({n for n in imports(m) if n in MODULES and n != m}) for m in MODULES}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return found


def test_no_import_cycles() -> None:
    assert _cycles() == []


def test_the_cycle_finder_finds_one(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text("from footprint import b_mod\n")
    (tmp_path / "b.py").write_text("def f():\n    import footprint.a_mod\n")
    monkeypatch.setitem(MODULES, "footprint.a_mod", tmp_path / "a.py")
    monkeypatch.setitem(MODULES, "footprint.b_mod", tmp_path / "b.py")
    assert ["footprint.a_mod", "footprint.b_mod"] in _cycles()
