"""Discovers checks: built-ins and third-party plugins through one entry-point loader.

Every check comes out wrapped in the one contract adapter (:mod:`footprint.contract`);
nothing past the registry sees a plugin's own object.
"""

from __future__ import annotations

import fnmatch
import inspect
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib.metadata import EntryPoint, entry_points
from importlib.resources import files
from pathlib import Path
from typing import Any

from footprint.contract import ContractError, LoadedCheck, adapt
from footprint.errors import DuplicateCheckError, FootprintError, UsageError
from footprint.models import CheckInfo

__all__ = ["BUILTIN", "BUILTIN_COMMANDS", "BUILTIN_VERSIONS", "CHECKS_GROUP", "COMMANDS_GROUP",
           "VERSIONS_GROUP", "CheckRegistry", "LoadedCheck", "builtin_data"]

CHECKS_GROUP = "footprint.checks.v1"
COMMANDS_GROUP = "footprint.commands.v1"
# The only place footprint/ names the built-in package: it is loaded like any plugin.
_BUILTIN_PACKAGE = "footprint_checks"
BUILTIN = EntryPoint(name="builtin", value=f"{_BUILTIN_PACKAGE}:provide", group=CHECKS_GROUP)
BUILTIN_COMMANDS = EntryPoint(name="builtin", value=f"{_BUILTIN_PACKAGE}:register_commands",
                              group=COMMANDS_GROUP)
VERSIONS_GROUP = "footprint.versions.v1"
BUILTIN_VERSIONS = EntryPoint(name="builtin", value=f"{_BUILTIN_PACKAGE}:data_versions",
                              group=VERSIONS_GROUP)


def builtin_data(name: str) -> Path:
    """A data folder shipped with the built-in checks (the demo persona, say)."""
    return Path(str(files(_BUILTIN_PACKAGE) / name))


@dataclass
class CheckRegistry:
    checks: list[LoadedCheck] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # plugins that failed to load

    @classmethod
    def load(cls, eps: Sequence[EntryPoint] | None = None,
             settings: Mapping[str, Mapping[str, Any]] | None = None) -> CheckRegistry:
        """Built-ins first, then the ``footprint.checks.v1`` entry points.

        ``FOOTPRINT_DISABLE_PLUGIN_AUTOLOAD=1`` loads built-ins only;
        ``FOOTPRINT_DISABLE_PLUGINS=a,b`` blocks entry points by name. A provider that
        takes an argument gets ``settings`` (the config's ``[checks.<family>]`` sections).
        """
        if eps is None:
            eps = [BUILTIN, *_installed_entry_points()]
        registry = cls()
        seen: dict[str, str] = {}
        for ep in eps:
            origin = "footprint:builtin" if ep is BUILTIN else f"{_dist_name(ep)}:{ep.name}"
            try:
                provided = list(_provided(ep.load(), settings or {}))
            except FootprintError:
                raise  # the user's own configuration is wrong (a bad --sites file, say)
            except Exception as exc:  # a broken plugin must not take the tool down
                registry.problems.append(f"plugin {origin!r} failed to load: {exc}")
                continue
            for obj in provided:
                try:
                    check = adapt(obj, origin)
                except ContractError as exc:
                    registry.problems.append(f"plugin {origin!r} failed to load: {exc}")
                    continue
                if check.id in seen:
                    raise DuplicateCheckError(
                        f"check id {check.id!r} is provided by both {seen[check.id]} and {origin}")
                seen[check.id] = origin
                registry.checks.append(check)
                if check.problem is not None:  # listed, and an error result in every scan
                    registry.problems.append(f"plugin {origin!r}: {check.id}: "
                                             f"{check.problem.en}")
        registry.checks.sort(key=lambda lc: lc.id)
        return registry

    def select(self, only: Sequence[str] = (), skip: Sequence[str] = (),
               enable: Sequence[str] = ()) -> list[LoadedCheck]:
        """Checks matching ``only`` globs (all when empty) minus ``skip``; opt-in ones need
        to be named in ``only`` or ``enable``."""
        for pattern in (*only, *skip, *enable):
            if not any(fnmatch.fnmatchcase(c.id, pattern) for c in self.checks):
                raise UsageError(f"no check matches {pattern!r}; 'footprint checks' lists them")
        chosen = []
        for check in self.checks:
            wanted = not only or any(fnmatch.fnmatchcase(check.id, p) for p in only)
            if not wanted or any(fnmatch.fnmatchcase(check.id, p) for p in skip):
                continue
            named = any(fnmatch.fnmatchcase(check.id, p) for p in (*only, *enable))
            explicit = any(p == check.id for p in (*only, *enable))
            if check.opt_in and not (explicit or (named and enable)):
                continue
            chosen.append(check)
        return chosen

    def infos(self, endpoints: Mapping[str, str] | None = None) -> list[CheckInfo]:
        return [lc.info(endpoints) for lc in self.checks]


def _installed_entry_points() -> list[EntryPoint]:
    if os.environ.get("FOOTPRINT_DISABLE_PLUGIN_AUTOLOAD"):
        return []
    blocked = {n.strip() for n in os.environ.get("FOOTPRINT_DISABLE_PLUGINS", "").split(",")}
    return [ep for ep in entry_points(group=CHECKS_GROUP) if ep.name not in blocked]


def _dist_name(ep: EntryPoint) -> str:
    dist = getattr(ep, "dist", None)
    return dist.name if dist is not None else ep.module


def _provided(obj: object, settings: Mapping[str, Mapping[str, Any]]) -> Iterable[object]:
    """An entry point may name a check class, a check, a provider function or an iterable."""
    if isinstance(obj, type):
        return [obj()]
    if _looks_like_check(obj):
        return [obj]
    if callable(obj):
        takes_settings = bool(inspect.signature(obj).parameters)
        obj = obj(settings) if takes_settings else obj()
    if isinstance(obj, Iterable) and not isinstance(obj, str | bytes):
        return list(obj)
    raise TypeError(f"{obj!r} is neither a check, a provider nor an iterable of checks")


def _looks_like_check(obj: object) -> bool:
    try:
        return isinstance(getattr(obj, "id", None), str) and callable(getattr(obj, "run", None))
    except Exception:
        return False
