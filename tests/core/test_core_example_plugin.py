"""The example third-party plugin works as a check, through the same loader as built-ins."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from importlib.metadata import EntryPoint
from pathlib import Path

import httpx
import pytest

from footprint.check import Inconclusive
from footprint.engine import Engine
from footprint.models import Severity, Status, Subject
from footprint.registry import CheckRegistry

PLUGIN = Path(__file__).resolve().parents[2] / "examples" / "plugin"
KEY_URL = "https://keys.openpgp.org/vks/v1/by-email/jan%40devries-utrecht.nl"


@pytest.fixture
def plugin(monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    monkeypatch.syspath_prepend(str(PLUGIN))
    ep = EntryPoint(name="openpgp", value="footprint_example_plugin:OpenPgpKeyCheck",
                    group="footprint.checks.v1")
    [loaded] = CheckRegistry.load([ep]).checks
    yield loaded
    sys.modules.pop("footprint_example_plugin", None)


async def test_published_key_is_a_low_finding(plugin, make_context, router) -> None:  # type: ignore[no-untyped-def]
    router.get(KEY_URL).respond(200, text="-----BEGIN PGP PUBLIC KEY BLOCK-----\n...")
    [finding] = await plugin.run(Subject("email", "jan@devries-utrecht.nl"), make_context())
    assert finding.severity is Severity.LOW and finding.remediation.links


async def test_no_key_is_clear_and_odd_answers_are_not(plugin, make_context, router) -> None:  # type: ignore[no-untyped-def]
    router.get(KEY_URL).mock(side_effect=[httpx.Response(404), httpx.Response(502)])
    subject = Subject("email", "jan@devries-utrecht.nl")
    assert list(await plugin.run(subject, make_context())) == []
    with pytest.raises(Inconclusive):
        await plugin.run(subject, make_context())


async def test_runs_in_the_engine_with_its_disclosure(plugin, make_context, router) -> None:  # type: ignore[no-untyped-def]
    router.get(KEY_URL).respond(404)
    [result] = await Engine([plugin], make_context()).run()
    assert result.status is Status.CLEAR
    assert plugin.disclosures[0].host == "keys.openpgp.org"


def test_it_uses_only_the_public_plugin_api() -> None:
    import ast

    source = (PLUGIN / "footprint_example_plugin" / "__init__.py").read_text("utf-8")
    imported = {node.module for node in ast.walk(ast.parse(source))
                if isinstance(node, ast.ImportFrom) and node.module}
    imported |= {alias.name for node in ast.walk(ast.parse(source))
                 if isinstance(node, ast.Import) for alias in node.names}
    ours = {name for name in imported if name.split(".")[0] == "footprint"}
    assert ours == {"footprint.plugin"}
