"""The statement for people: markdown and printable HTML, in Dutch and English.

The texts are data (statement.toml); this module only arranges them. Everything that came
from a captured page or a server (URLs, excerpts, certificate names) is escaped for the
format it goes into, like a report's content: evidence must not become markup.
"""

from __future__ import annotations

import functools
import html as htmllib
import tomllib
from collections.abc import Callable
from datetime import UTC, datetime
from importlib import resources
from typing import Any
from zoneinfo import ZoneInfo

from footprint import __version__
from footprint.models import LANGS, Lang
from footprint.profile.markers import MARKER_LABELS, MarkerKind
from footprint.renderers import html as html_renderer
from footprint.renderers import markdown as md

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
_GENERIC = {"generic-address": {"nl": "straatadres met postcode (is het het uwe?)",
                                "en": "street address with postcode (is it yours?)"},
            "generic-mobile": {"nl": "mobiel nummer (is het het uwe?)",
                               "en": "mobile number (is it yours?)"}}


@functools.cache
def texts() -> dict[str, Any]:
    data = tomllib.loads(resources.files("footprint.evidence").joinpath(
        "statement.toml").read_text("utf-8"))
    for lang in LANGS:  # a missing text would otherwise surface mid-capture
        missing = set(data["en"]) - set(data[lang])
        if missing:
            raise ValueError(f"statement.toml: [{lang}] lacks {sorted(missing)}")
    return data


def parse_time(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def utc_text(value: str) -> str:
    return parse_time(value).astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")


def local_text(value: str) -> str:
    return parse_time(value).astimezone(AMSTERDAM).strftime("%Y-%m-%d %H:%M:%S %Z")


def kind_label(kind: str, lang: Lang) -> str:
    if kind in _GENERIC:
        return _GENERIC[kind][lang]
    try:
        return MARKER_LABELS[MarkerKind(kind)].get(lang)
    except ValueError:
        return kind


def reason_text(capture: dict[str, Any], lang: Lang) -> str:
    """Why a capture failed, worded in ``lang`` where the kind is known."""
    template = texts()[lang]["reasons"].get(capture.get("reason_kind") or "")
    if template is None:
        return str(capture.get("reason") or "?")
    detail = str(capture.get("reason_detail") or "")
    if capture["reason_kind"] == "blocked":
        detail = next((label.get(lang) for label in MARKER_LABELS.values()
                       if label.en == detail), detail)
    return str(template).format(detail=detail)


def size_text(limit: int) -> str:
    return f"{limit // (1024 * 1024)} MiB" if limit % (1024 * 1024) == 0 else f"{limit} bytes"


class _Url(str):
    """A URL to show exactly as it is (a link in markdown, text in HTML), not defanged."""


class _Done(str):
    """Text already rendered for the format."""


class _Format:
    """What differs between markdown and HTML: escaping, and how blocks are written."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.esc: Callable[[str], str] = (
            (lambda s: md.esc(s, limit=None, mid_line=True)) if name == "md"
            else (lambda s: html_renderer.h(s, limit=None)))

    def fill(self, template: str, **values: object) -> str:
        """A trusted template with untrusted values, both escaped for the format (the
        template too: its `code` spans are the only markup it may carry)."""
        escaped = {k: v if isinstance(v, _Done) else self.url(v) if isinstance(v, _Url)
                   else self.esc(str(v)) for k, v in values.items()}
        if self.name == "md":
            return template.format(**escaped)
        parts = template.split("`")
        out = []
        for i, part in enumerate(parts):
            text = htmllib.escape(part).format(**escaped)
            out.append(f"<code>{text}</code>" if i % 2 else text)
        return "".join(out)

    def url(self, value: str) -> str:
        if self.name == "md":
            return md.link(value) or self.esc(value)
        return html_renderer.h(value, limit=None)

    def heading(self, level: int, text: str) -> str:
        return f"{'#' * level} {text}\n" if self.name == "md" else f"<h{level}>{text}</h{level}>"

    def para(self, text: str) -> str:
        return f"{text}\n" if self.name == "md" else f"<p>{text}</p>"

    def items(self, rows: list[str]) -> str:
        if self.name == "md":
            return "".join(f"- {r}\n" for r in rows)
        return "<ul>" + "".join(f"<li>{r}</li>" for r in rows) + "</ul>"

    def field(self, label: str, value: str) -> str:
        if self.name == "md":
            return f"**{label}**: {value}"
        return f"<b>{htmllib.escape(label)}</b>: {value}"

    def link(self, url: str, label: str) -> str:
        made = md.link(url, label) if self.name == "md" else html_renderer.a(url, label)
        return made or self.esc(label)

    def table(self, head: list[str], rows: list[list[str]]) -> str:
        if self.name == "md":
            lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
            lines += ["| " + " | ".join(r) + " |" for r in rows]
            return "\n".join(lines) + "\n"
        cells = "".join(f"<th>{c}</th>" for c in head)
        body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
        return f"<table><thead><tr>{cells}</tr></thead><tbody>{body}</tbody></table>"


def _capture(fmt: _Format, t: dict[str, Any], n: int, capture: dict[str, Any],
             lang: Lang) -> list[str]:
    out = [fmt.heading(3, fmt.fill(t["capture_heading"], n=n, url=_Url(capture["url"])))]
    rows = [fmt.field(t["requested"], fmt.esc(
        f"{utc_text(capture['started_at'])} UTC / {local_text(capture['started_at'])}"))]
    if capture.get("final_url") and capture["final_url"] != capture["url"]:
        rows.append(fmt.field(t["final_url"], fmt.url(capture["final_url"])))
    hops = [fmt.fill(t["hop_line"], when_utc=utc_text(h["answered_at"]), url=_Url(h["url"]),
                     status=h["status"]) for h in capture["hops"]]
    if hops:
        rows.append(fmt.field(t["hops"], "; ".join(hops)))
    last = capture["hops"][-1] if capture["hops"] else None
    if last is not None:
        rows.append(fmt.field(t["server"], fmt.esc(last.get("ip") or "?")))
        cert = last.get("certificate")
        rows.append(fmt.field(t["certificate"], fmt.fill(t["cert_line"], **cert) if cert
                              else fmt.esc(t["no_certificate"])))
        rows.append(fmt.field(t["record"], fmt.esc(f"{capture['warc']}, {last['record_id']}")))
        rows.append(fmt.field(t["payload_digest"], fmt.esc(last.get("payload_digest") or "")))
    result = fmt.esc(t["result_ok"]) if capture["ok"] else fmt.fill(
        t["result_failed"], reason=reason_text(capture, lang))
    if capture.get("truncated"):
        result += "; " + fmt.fill(t["result_truncated"], limit=size_text(capture["limit"]))
    rows.append(fmt.field(t["result"], result))
    out.append(fmt.items(rows))
    if last is None:
        return out
    out.append(fmt.heading(4, fmt.esc(t["found_heading"])))
    found = [fmt.fill(t["found_line"], kind=kind_label(f["kind"], lang), value=f["value"],
                      excerpt=f["excerpt"]) for f in capture.get("found", [])]
    if found:
        out.append(fmt.items(found))
    elif not capture.get("matched"):
        out.append(fmt.para(fmt.esc(t["found_no_profile"])))
    elif not capture.get("match_problem"):  # never "none found" for what was not read
        out.append(fmt.para(fmt.esc(t["found_none"])))
    if capture.get("match_problem"):
        out.append(fmt.para(fmt.fill(t["found_problem"], problem=capture["match_problem"])))
    return out


def _body(fmt: _Format, manifest: dict[str, Any], files: list[dict[str, Any]],
          lang: Lang) -> str:
    t = texts()[lang]
    captures = manifest.get("captures", [])
    runs = manifest.get("runs", [])
    first = runs[0]["started_at"] if runs else manifest["created_at"]
    last = runs[-1].get("finished_at") or first if runs else first
    ok = sum(1 for c in captures if c["ok"])
    out = [fmt.heading(1, fmt.esc(t["title"])),
           fmt.para(fmt.fill(t["intro"], version=__version__, first_local=local_text(first),
                             first_utc=utc_text(first), last_local=local_text(last),
                             last_utc=utc_text(last), captured=ok, failed=len(captures) - ok))]
    if any(r.get("interrupted") for r in runs):
        out.append(fmt.para(fmt.esc(t["interrupted"])))
        done = {c["url"] for c in captures}
        missing = [u for r in runs for u in r.get("urls", []) if u not in done]
        if missing:
            urls = _Done(", ".join(fmt.url(u) for u in missing))
            out.append(fmt.para(fmt.fill(t["not_reached"], urls=urls)))
    out.append(fmt.heading(2, fmt.esc(t["what_heading"])))
    for n, capture in enumerate(captures, 1):
        out += _capture(fmt, t, n, capture, lang)
    out.append(fmt.heading(2, fmt.esc(t["how_heading"])))
    out.append(fmt.para(fmt.fill(t["how"], version=__version__)))
    for run in runs:
        s = run["settings"]
        out.append(fmt.para(fmt.fill(t["settings"], limit=size_text(s["max_bytes"]),
                                     timeout=s["read_timeout_s"], redirects=s["max_redirects"],
                                     user_agent=s["user_agent"])))
    out.append(fmt.heading(2, fmt.esc(t["files_heading"])))
    out.append(fmt.para(fmt.fill(t["files_intro"])))
    out.append(fmt.para(fmt.fill(t["timestamp"])))
    out.append(fmt.table([fmt.esc(t["file_col"]), fmt.esc(t["bytes_col"]),
                          fmt.esc(t["sha_col"])],
                         [[fmt.esc(f["path"]), str(f["bytes"]), fmt.esc(f["sha256"])]
                          for f in files]))
    out.append(fmt.heading(2, fmt.esc(t["next_heading"])))
    for step in ("report", "support", "remove", "keep"):
        out.append(fmt.heading(3, fmt.esc(t[f"step_{step}_title"])))
        out.append(fmt.para(fmt.fill(t[f"step_{step}"])))
    out.append(fmt.heading(3, fmt.esc(t["links_heading"])))
    out.append(fmt.items([fmt.link(link["url"], link["label"]) for link in t["links"]]))
    out.append(fmt.para(fmt.fill(t["footer"], version=__version__)))
    return "\n".join(out)


def render(manifest: dict[str, Any], files: list[dict[str, Any]], lang: Lang,
           kind: str) -> str:
    """The statement as ``md`` or ``html``; ``files`` are the evidence files it names."""
    if kind == "md":
        return _body(_Format("md"), manifest, files, lang)
    body = _body(_Format("html"), manifest, files, lang)
    return html_renderer.page(texts()[lang]["title"], body, lang)


def statement_names() -> list[tuple[str, Lang, str]]:
    return [(f"statement.{lang}.{kind}", lang, kind) for lang in LANGS
            for kind in ("md", "html")]
