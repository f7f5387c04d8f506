"""A family's prose as data: remediation steps, links and phrases in both languages, read
from a TOML file next to the family's code and checked on load.

The file has four tables, each optional:

- ``[texts]``: phrases as ``{ en = "...", nl = "..." }`` leaves (``footprint.words`` rules:
  both languages, same ``{placeholders}``), by dotted key;
- ``[steps.NAME]``: one remediation step, ``en`` and ``nl``;
- ``[links.NAME]``: ``url`` (http or https), ``en`` and ``nl`` for its label;
- ``[remediations.NAME]``: ``summary`` (``en``/``nl``), ``steps`` and ``links`` as lists of
  names, ``effort`` (minutes, hours, days, ongoing). A name written ``FLAG:name`` is used
  only when the code passes that flag (``when={"online"}``), so one entry covers every
  variant of a remediation.

Every name a remediation uses must exist, so a typo fails when the file is read.
"""

from __future__ import annotations

import tomllib
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from importlib.resources import files
from typing import Any

from footprint.models import Effort, L10n, Link, Remediation
from footprint.words import Words, WordsError


class ProseError(ValueError):
    """A prose file that is not valid: names the file and the entry."""


@dataclass(frozen=True, slots=True)
class _Template:
    summary: L10n
    steps: tuple[str, ...]
    links: tuple[str, ...]
    effort: Effort


class Prose:
    def __init__(self, texts: Words, steps: Mapping[str, L10n], links: Mapping[str, Link],
                 remediations: Mapping[str, _Template]) -> None:
        self._texts = texts
        self._steps = dict(steps)
        self._links = dict(links)
        self._remediations = dict(remediations)

    @classmethod
    def load(cls, package: str, name: str) -> Prose:
        """``name`` in ``package`` (a family's folder)."""
        resource = files(package) / name
        return cls.parse(resource.read_text(encoding="utf-8"), f"{package}/{name}")

    @classmethod
    def parse(cls, text: str, origin: str) -> Prose:
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise ProseError(f"{origin}: not valid TOML: {exc}") from None
        unknown = set(data) - {"texts", "steps", "links", "remediations"}
        if unknown:
            raise ProseError(f"{origin}: unknown table [{sorted(unknown)[0]}]")
        try:
            texts = Words.from_data(_table(data, "texts", origin), origin)
            steps = {name: _l10n(raw, f"steps.{name}", origin)
                     for name, raw in _table(data, "steps", origin).items()}
        except WordsError as exc:
            raise ProseError(str(exc)) from None
        links = {name: _link(raw, f"links.{name}", origin)
                 for name, raw in _table(data, "links", origin).items()}
        remediations = {}
        for name, raw in _table(data, "remediations", origin).items():
            where = f"{origin}: remediations.{name}"
            template = _template(raw, where, origin)
            for ref in template.steps:
                if _name(ref) not in steps:
                    raise ProseError(f"{where}: no step {_name(ref)!r}")
            for ref in template.links:
                if _name(ref) not in links:
                    raise ProseError(f"{where}: no link {_name(ref)!r}")
            remediations[name] = template
        return cls(texts, steps, links, remediations)

    def text(self, key: str, **values: object) -> L10n:
        return self._texts.l10n(key, **values)

    def step(self, name: str) -> L10n:
        return self._steps[name]

    def link(self, name: str) -> Link:
        return self._links[name]

    def remediation(self, name: str, when: Collection[str] = (),
                    **values: object) -> Remediation:
        """The remediation called ``name``: the steps and links of the flags in ``when``,
        and ``{placeholders}`` filled from ``values``."""
        template = self._remediations[name]

        def wanted(ref: str) -> bool:
            flag, _, _ = ref.rpartition(":")
            return not flag or flag in when

        def fill(text: L10n) -> L10n:
            if not values:
                return text
            return L10n(en=text.en.format(**values), nl=text.nl.format(**values))

        return Remediation(
            summary=fill(template.summary),
            steps=tuple(fill(self._steps[_name(r)]) for r in template.steps if wanted(r)),
            links=tuple(self._links[_name(r)] for r in template.links if wanted(r)),
            effort=template.effort,
        )


def _name(ref: str) -> str:
    return ref.rpartition(":")[2]


def _table(data: dict[str, Any], key: str, origin: str) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise ProseError(f"{origin}: [{key}] must be a table")
    return value


def _l10n(raw: object, key: str, origin: str) -> L10n:
    if not isinstance(raw, dict):
        raise ProseError(f"{origin}: {key} must be a table with en and nl")
    return Words.from_data({key: raw}, origin).l10n(key)


def _link(raw: object, key: str, origin: str) -> Link:
    if not isinstance(raw, dict):
        raise ProseError(f"{origin}: {key} must be a table with url, en and nl")
    url = raw.get("url")
    if not isinstance(url, str) or not url.startswith(("https://", "http://")):
        raise ProseError(f"{origin}: {key}: 'url' must be an http(s) URL")
    label = {k: v for k, v in raw.items() if k != "url"}
    try:
        return Link(url, _l10n(label, key, origin))
    except WordsError as exc:
        raise ProseError(str(exc)) from None


def _template(raw: object, where: str, origin: str) -> _Template:
    if not isinstance(raw, dict):
        raise ProseError(f"{where} must be a table")
    unknown = set(raw) - {"summary", "steps", "links", "effort"}
    if unknown:
        raise ProseError(f"{where}: unknown field {sorted(unknown)[0]!r}")
    try:
        summary = _l10n(raw.get("summary"), where.split(": ", 1)[1] + ".summary", origin)
    except WordsError as exc:
        raise ProseError(str(exc)) from None
    lists = {}
    for field in ("steps", "links"):
        value = raw.get(field, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ProseError(f"{where}: {field!r} must be a list of names")
        lists[field] = tuple(value)
    try:
        effort = Effort(raw.get("effort", "minutes"))
    except ValueError:
        raise ProseError(f"{where}: 'effort' must be one of "
                         f"{', '.join(e.value for e in Effort)}") from None
    return _Template(summary, lists["steps"], lists["links"], effort)
