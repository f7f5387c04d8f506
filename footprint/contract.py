"""The check contract, enforced in one place.

Every check the registry loads, built-in or third-party, subclass of ``BaseCheck`` or not,
is wrapped in one :class:`LoadedCheck`: its declaration read once, checked, with the
defaults filled in. The engine, the CLI and the checklist read only the adapter, never the
plugin's own object, so a plugin that leaves out an optional attribute, or whose attribute
raises, cannot take a scan down: the check ends as an ``error`` result with the reason.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from footprint.check import CheckContext
from footprint.models import (
    PROFILE_SUBJECT,
    CheckInfo,
    Disclosure,
    Finding,
    Kind,
    L10n,
    Subject,
)
from footprint.profile.model import Profile
from footprint.provenance import Provenance
from footprint.provenance import of as provenance_of

__all__ = ["CHECK_ID", "REQUIRED", "ContractError", "LoadedCheck", "adapt"]

REQUIRED = ("id", "title", "inputs", "disclosures", "secrets", "run")
CHECK_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\.[a-z0-9]+(?:[-_][a-z0-9]+)*(?:\.[a-z0-9-]+)*$")


class ContractError(TypeError):
    """The object cannot be a check at all (no usable id, no ``run``)."""


@dataclass(frozen=True, slots=True, eq=False)
class LoadedCheck:
    """A check as footprint sees it: a complete, validated declaration plus the plugin's
    ``run`` and ``subjects``. ``problem`` is set when the declaration could not be read;
    such a check still appears (by id) and ends every scan as an error with that reason."""

    id: str
    title: L10n
    origin: str  # "footprint:builtin" or "<distribution>:<entry point>"
    impl: Any  # the plugin's object: only run() and subjects() are ever called on it
    inputs: frozenset[Kind] = frozenset()
    disclosures: tuple[Disclosure, ...] = ()
    secrets: tuple[str, ...] = ()
    optional_secrets: tuple[str, ...] = ()
    timeout_s: float | None = None  # budget per subject; None: the engine's default
    opt_in: bool = False
    guide_only: bool = False
    missing_secret_hint: L10n | None = None
    provenance: tuple[Provenance, ...] = ()  # where its request/answer shapes were confirmed
    problem: L10n | None = None

    def info(self, endpoints: Mapping[str, str] | None = None) -> CheckInfo:
        """What the report shows about the check; a disclosure tied to an ``[endpoints]``
        name names the host the override points at."""
        return CheckInfo(
            id=self.id, title=self.title, inputs=tuple(sorted(k.value for k in self.inputs)),
            disclosures=tuple(d.resolved(endpoints or {}) for d in self.disclosures),
            secrets=self.secrets, origin=self.origin,
        )

    def subjects(self, profile: Profile) -> list[Subject]:
        """What to run for, without duplicates; raises what the plugin raises."""
        derive = getattr(self.impl, "subjects", None)
        if callable(derive):
            derived = list(dict.fromkeys(derive(profile)))
            wrong = [s for s in derived if not isinstance(s, Subject)]
            if wrong:
                raise TypeError(f"subjects() returned {type(wrong[0]).__name__}, "
                                "not a Subject")
            return derived
        if not self.inputs:
            return [PROFILE_SUBJECT]
        return [s for kind in sorted(self.inputs) for s in profile.subjects(kind)]

    async def run(self, subject: Subject, ctx: CheckContext) -> tuple[Finding, ...]:
        """The plugin's findings, checked and in a stable order; raises what it raises."""
        pending = self.impl.run(subject, ctx)
        if not inspect.isawaitable(pending):
            raise TypeError("run() is not async (it must be 'async def run')")
        return _findings(await pending)


def adapt(check: object, origin: str = "direct") -> LoadedCheck:
    """Wraps ``check``; raises :class:`ContractError` only when it has no usable id or no
    ``run``. Everything else that is wrong becomes the adapter's ``problem``."""
    if isinstance(check, LoadedCheck):
        return check
    plugin: Any = check
    try:
        check_id = plugin.id  # a property may raise anything: it is the plugin's code
    except Exception as exc:
        raise ContractError(f"{check!r}: reading its id failed ({_describe(exc)})") from None
    if not isinstance(check_id, str) or not CHECK_ID.match(check_id):
        raise ContractError(f"check id {check_id!r} is not of the form 'family.name'")
    missing = [name for name in REQUIRED if not _has(check, name)]
    if "run" in missing or not callable(getattr(check, "run", None)):
        raise ContractError(f"{check_id}: has no run()")
    try:
        if missing:
            raise TypeError(f"it lacks {', '.join(missing)}")
        return _declared(check, check_id, origin)
    except Exception as exc:
        reason = _describe(exc)
        return LoadedCheck(id=check_id, title=L10n.same(check_id), origin=origin, impl=check,
                           problem=L10n(en=f"the check's declaration is unusable ({reason})",
                                        nl=f"de opgave van de controle is onbruikbaar "
                                           f"({reason})"))


def _declared(check: Any, check_id: str, origin: str) -> LoadedCheck:
    title = check.title
    if isinstance(title, str):
        title = L10n.same(title)
    if not isinstance(title, L10n):
        raise TypeError(f"title is {type(title).__name__}, not L10n")
    disclosures = tuple(check.disclosures)
    if not all(isinstance(d, Disclosure) for d in disclosures):
        raise TypeError("disclosures must be Disclosure objects")
    timeout = getattr(check, "timeout_s", None)
    if timeout is not None and (isinstance(timeout, bool) or not isinstance(timeout, int | float)
                                or timeout <= 0):
        raise TypeError(f"timeout_s {timeout!r} is not a positive number of seconds")
    hint = getattr(check, "missing_secret_hint", None)
    if hint is not None and not isinstance(hint, L10n):
        raise TypeError("missing_secret_hint must be L10n or None")
    return LoadedCheck(
        id=check_id, title=title, origin=origin, impl=check,
        inputs=frozenset(Kind(k) for k in check.inputs),
        disclosures=disclosures,
        secrets=_names(check.secrets, "secrets"),
        optional_secrets=_names(getattr(check, "optional_secrets", ()), "optional_secrets"),
        timeout_s=float(timeout) if timeout is not None else None,
        opt_in=_flag(getattr(check, "opt_in", False), "opt_in"),
        guide_only=_flag(getattr(check, "guide_only", False), "guide_only"),
        missing_secret_hint=hint,
        provenance=provenance_of(check),
    )


def _has(check: object, name: str) -> bool:
    """hasattr, except that an attribute which raises counts as present: reading it again
    later reports the exception, which says more than 'missing'."""
    try:
        getattr(check, name)
    except AttributeError:
        return False
    except Exception:
        return True
    return True


def _names(value: object, what: str) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise TypeError(f"{what} must be a sequence of names")
    names = tuple(value)
    if not all(isinstance(n, str) and n for n in names):
        raise TypeError(f"{what} must be a sequence of names")
    return names


def _flag(value: object, what: str) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"{what} must be True or False")
    return value


def _findings(returned: object) -> tuple[Finding, ...]:
    if not isinstance(returned, Iterable) or isinstance(returned, str | bytes):
        raise TypeError(f"run() returned {type(returned).__name__}, not findings")
    findings: Sequence[object] = tuple(returned)
    wrong = [f for f in findings if not isinstance(f, Finding)]
    if wrong:
        raise TypeError(f"run() returned {type(wrong[0]).__name__} where a Finding belongs")
    checked = [f for f in findings if isinstance(f, Finding)]
    return tuple(sorted(checked, key=lambda f: (-f.severity, f.key)))


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
