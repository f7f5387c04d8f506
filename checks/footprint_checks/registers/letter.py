"""A ready-to-send erasure request (AVG/GDPR art. 17, with an art. 21 objection) to a copy
site or directory, in Dutch, plus English when the operator may sit abroad.

The letter carries the person's public name, role and the URLs found; never the home
address or other private markers (the site already has them; the URLs identify the record).
"""

from __future__ import annotations

import json
import re
import string
import tomllib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from footprint.errors import ReportFileError
from footprint.profile.model import Profile
from footprint.textsafe import clean
from footprint_checks.registers.sources import Source


def _evidence_urls(node: Any) -> Iterator[str]:
    """Every URL under an evidence/url-like key, whatever the report's exact layout."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "url" and isinstance(value, str):
                yield value
            else:
                yield from _evidence_urls(value)
    elif isinstance(node, list):
        for item in node:
            yield from _evidence_urls(item)


def urls_from_report(path: Path, source: Source) -> list[str]:
    """The URLs on the source's domains that a JSON report recorded as evidence."""
    try:
        data = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        raise ReportFileError(f"{path}: report not found") from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise ReportFileError(f"{path}: not a readable JSON report ({exc})") from None
    findings = data.get("findings", data) if isinstance(data, dict) else data
    urls = [u for u in _evidence_urls(findings) if source.owns(u)]
    return [u for u in dict.fromkeys(urls) if "google.com/search" not in u]


_SNIPPETS = ("date", "pages_listed", "pages_unlisted", "business", "office", "iam",
             "iam_unknown", "reply_to", "template")
_PLACEHOLDERS = {
    "date": {"day", "month", "year", "iso"}, "business": {"list"},
    "office": {"role", "municipality"}, "iam": {"office"}, "reply_to": {"email"},
    "template": {"source", "domain", "date", "name", "pages", "urls", "business", "iam",
                 "office", "reply_to"},
}
_ALONE = re.compile(r"\{(\w+)\}")


class LetterTemplateError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class Template:
    """One language's letter and the snippets that fill its placeholders."""

    snippets: dict[str, str]
    months: tuple[str, ...]

    def fill(self, key: str, **values: str) -> str:
        return self.snippets[key].format(**values)


@cache
def templates() -> dict[str, Template]:
    """``letter.toml``, checked: every language has every snippet and no unknown
    placeholder."""
    text = (files("footprint_checks.registers") / "letter.toml").read_text(encoding="utf-8")
    return parse_templates(text, "footprint_checks/registers/letter.toml")


def parse_templates(text: str, origin: str) -> dict[str, Template]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise LetterTemplateError(f"{origin}: not valid TOML: {exc}") from None
    out = {}
    for lang in ("nl", "en"):
        table = data.get(lang)
        if not isinstance(table, dict):
            raise LetterTemplateError(f"{origin}: no [{lang}] letter")
        snippets = {}
        for key in _SNIPPETS:
            value = table.get(key)
            if not isinstance(value, str) or not value.strip():
                raise LetterTemplateError(f"{origin}: [{lang}] {key} must be a non-empty text")
            used = {name for _, name, _, _ in string.Formatter().parse(value) if name}
            unknown = used - _PLACEHOLDERS.get(key, set())
            if unknown:
                raise LetterTemplateError(f"{origin}: [{lang}] {key}: unknown placeholder "
                                          f"{{{sorted(unknown)[0]}}}")
            snippets[key] = value
        months = table.get("months", [])
        if "{month}" in snippets["date"] and len(months) != 12:
            raise LetterTemplateError(f"{origin}: [{lang}] needs the 12 month names")
        out[lang] = Template(snippets, tuple(months))
    return out


def _business(profile: Profile, source: Source) -> list[str]:
    if source.kind != "kvk-copy":
        return []
    pub = profile.public
    return [*pub.trade_names, *(f"KvK {n}" for n in pub.kvk_numbers)]


def letter(lang: str, profile: Profile, source: Source, urls: Sequence[str],
           today: date) -> str:
    """The letter in ``lang`` (nl or en) from its template in ``letter.toml``."""
    tpl = templates()[lang]
    office = ""
    if profile.role:
        office = (tpl.fill("office", role=profile.role, municipality=profile.municipality)
                  if profile.municipality else profile.role)
    business = _business(profile, source)
    month = tpl.months[today.month - 1] if tpl.months else ""
    values = {
        "source": source.name, "domain": source.domains[0], "name": profile.name,
        "date": tpl.fill("date", day=str(today.day), month=month, year=str(today.year),
                         iso=today.isoformat()),
        "pages": tpl.fill("pages_listed" if urls else "pages_unlisted"),
        "urls": "\n".join(f"- {u}" for u in urls),
        "business": tpl.fill("business", list=", ".join(business)) if business else "",
        "iam": tpl.fill("iam", office=office) if office else tpl.fill("iam_unknown"),
        "office": office,
        "reply_to": tpl.fill("reply_to", email=profile.public.emails[0])
        if profile.public.emails else "",
    }
    lines: list[str] = []
    for line in tpl.snippets["template"].splitlines():
        alone = _ALONE.fullmatch(line)
        if alone and not values[alone.group(1)]:
            if lines and not lines[-1]:
                lines.pop()  # the blank line that would have set it apart
            continue
        lines.append(line.format(**values))
    return "\n".join(lines) + "\n"


def compose(profile: Profile, source: Source, urls: Sequence[str], today: date) -> str:
    """The letter as plain text; URLs from reports are untrusted, so control characters go."""
    urls = [clean(u) for u in urls]
    text = letter("nl", profile, source, urls, today)
    if source.abroad:
        text += "\n" + "-" * 24 + " English version " + "-" * 24 + "\n\n"
        text += letter("en", profile, source, urls, today)
    return clean(text, keep_newlines=True)
