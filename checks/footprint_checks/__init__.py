"""footprint's built-in checks, loaded through the same entry-point loader as plugins.

Each family is a subpackage with a ``provide()`` that yields its checks; data-driven
families keep their lists as data files next to their code.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Iterator, Mapping
from typing import Any

from footprint.check import Check


def families() -> list[str]:
    return sorted(m.name for m in pkgutil.iter_modules(__path__) if m.ispkg
                  and not m.name.startswith("_"))


def provide(settings: Mapping[str, Mapping[str, Any]] | None = None) -> Iterator[Check]:
    """Every built-in check. A family whose ``provide`` takes an argument gets its config
    section (``[checks.<family>]``), e.g. extra site catalogues."""
    settings = settings or {}
    for family in families():
        module = importlib.import_module(f"{__name__}.{family}")
        if inspect.signature(module.provide).parameters:
            yield from module.provide(settings.get(family, {}))
        else:
            yield from module.provide()


def data_versions() -> Iterator[tuple[str, str]]:
    """What ``footprint --version`` shows of the families' bundled data: a family's
    ``data_versions()`` yields (what, which copy) pairs, e.g. the RDAP bootstrap's date."""
    for family in families():
        hook = getattr(importlib.import_module(f"{__name__}.{family}"), "data_versions", None)
        if hook is not None:
            yield from hook()


def register_commands(app: object) -> None:
    """Adds the families' own commands (``<family>/commands.py`` with ``register(app)``)."""
    for family in families():
        try:
            module = importlib.import_module(f"{__name__}.{family}.commands")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{family}.commands":
                raise
            continue
        module.register(app)
