"""Discovery: built-ins and plugins through one loader; broken plugins warn, duplicates fail."""

from __future__ import annotations

import sys
import types
from collections.abc import Iterator
from importlib.metadata import EntryPoint

import pytest

from footprint.check import BaseCheck
from footprint.errors import DuplicateCheckError, UsageError
from footprint.models import L10n
from footprint.registry import BUILTIN, CheckRegistry


class One(BaseCheck):
    id = "demo.one"
    title = L10n.same("one")


class OptIn(BaseCheck):
    id = "demo.opt-in"
    title = L10n.same("opt in")
    opt_in = True


@pytest.fixture
def plugin_module() -> Iterator[str]:
    module = types.ModuleType("fp_test_plugin")
    module.One = One  # type: ignore[attr-defined]
    module.provide = lambda: [OptIn()]  # type: ignore[attr-defined]
    module.broken = lambda: 1 / 0  # type: ignore[attr-defined]
    module.badid = lambda: [type("Bad", (BaseCheck,), {"id": "NoDot"})()]  # type: ignore[attr-defined]
    sys.modules["fp_test_plugin"] = module
    yield "fp_test_plugin"
    del sys.modules["fp_test_plugin"]


def ep(name: str, value: str) -> EntryPoint:
    return EntryPoint(name=name, value=value, group="footprint.checks.v1")


def test_classes_providers_and_problems(plugin_module: str) -> None:
    registry = CheckRegistry.load([ep("one", f"{plugin_module}:One"),
                                   ep("many", f"{plugin_module}:provide"),
                                   ep("broken", f"{plugin_module}:broken"),
                                   ep("badid", f"{plugin_module}:badid"),
                                   ep("missing", "no_such_module:x")])
    assert [c.id for c in registry.checks] == ["demo.one", "demo.opt-in"]
    assert len(registry.problems) == 3
    assert any("ZeroDivisionError" in p or "division" in p for p in registry.problems)
    assert any("NoDot" in p for p in registry.problems)


def test_duplicate_ids_are_an_error(plugin_module: str) -> None:
    with pytest.raises(DuplicateCheckError, match="demo.one"):
        CheckRegistry.load([ep("a", f"{plugin_module}:One"), ep("b", f"{plugin_module}:One")])


def test_selection_and_opt_in(plugin_module: str) -> None:
    registry = CheckRegistry.load([ep("one", f"{plugin_module}:One"),
                                   ep("many", f"{plugin_module}:provide")])
    assert [c.id for c in registry.select()] == ["demo.one"]
    assert [c.id for c in registry.select(enable=["demo.*"])] == ["demo.one", "demo.opt-in"]
    assert [c.id for c in registry.select(only=["demo.opt-in"])] == ["demo.opt-in"]
    assert [c.id for c in registry.select(skip=["demo.one"])] == []
    with pytest.raises(UsageError, match="nope"):
        registry.select(only=["nope.*"])


def test_builtins_load_without_install_metadata() -> None:
    registry = CheckRegistry.load([BUILTIN])
    assert not registry.problems, registry.problems
    ids = [c.id for c in registry.checks]
    assert "web.pages" in ids and len(ids) == len(set(ids))
    assert all(c.origin == "footprint:builtin" for c in registry.checks)


def test_autoload_switch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FOOTPRINT_DISABLE_PLUGIN_AUTOLOAD", "1")
    registry = CheckRegistry.load()
    assert {c.origin for c in registry.checks} == {"footprint:builtin"}
