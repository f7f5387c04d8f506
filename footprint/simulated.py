"""A simulated web and DNS from recorded answers, for the offline demo and for tests.

A web directory holds JSON files, each ``{"routes": [...]}``. A route is::

    {"method": "GET", "url": "https://host/path?q=1", "match": "exact" | "prefix",
     "status": 200, "headers": {...}, "body": "..." | "json": ... | "body_file": "rel/path"}

Query parameters compare without regard to order. A request no route answers gets a 404
with an empty body: the simulated web is small, and what is not in it does not exist.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import httpx

from footprint.dns import DnsAnswer


@dataclass(frozen=True, slots=True)
class Route:
    method: str
    url: str
    prefix: bool
    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes

    def matches(self, method: str, url: httpx.URL) -> bool:
        if method != self.method:
            return False
        if self.prefix:
            return str(url).startswith(self.url)
        return _canonical(str(url)) == _canonical(self.url)


def _canonical(url: str) -> tuple[str, str, str, tuple[tuple[str, str], ...]]:
    parts = urlsplit(url)
    return (parts.scheme, parts.netloc.lower(), parts.path or "/",
            tuple(sorted(parse_qsl(parts.query, keep_blank_values=True))))


def _route(raw: dict[str, Any], base: Path, source: str) -> Route:
    try:
        if "json" in raw:
            body = json.dumps(raw["json"]).encode()
            headers = {"content-type": "application/json", **raw.get("headers", {})}
        elif "body_file" in raw:
            body = (base / raw["body_file"]).read_bytes()
            headers = dict(raw.get("headers", {}))
        else:
            body = str(raw.get("body", "")).encode()
            headers = dict(raw.get("headers", {}))
        return Route(method=raw.get("method", "GET").upper(), url=raw["url"],
                     prefix=raw.get("match", "exact") == "prefix",
                     status=int(raw.get("status", 200)),
                     headers=tuple(headers.items()), body=body)
    except (KeyError, TypeError, ValueError, OSError) as exc:
        raise ValueError(f"{source}: bad route {raw.get('url', '?')!r}: {exc}") from exc


@dataclass
class SimulatedWeb:
    routes: list[Route] = field(default_factory=list)
    requests: list[httpx.Request] = field(default_factory=list)
    answered: set[int] = field(default_factory=set)  # indexes of routes that answered

    @classmethod
    def from_dir(cls, directory: Path) -> SimulatedWeb:
        web = cls()
        for path in sorted(directory.glob("*.json")):
            data = json.loads(path.read_text("utf-8"))
            web.routes.extend(_route(r, directory, path.name) for r in data.get("routes", []))
        # exact routes win over prefixes, longer prefixes over shorter
        web.routes.sort(key=lambda r: (r.prefix, -len(r.url)))
        return web

    def handler(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        for index, route in enumerate(self.routes):
            if route.matches(request.method, request.url):
                self.answered.add(index)
                return httpx.Response(route.status, headers=list(route.headers),
                                      content=route.body)
        return httpx.Response(404, content=b"")

    def unanswered(self) -> list[Route]:
        """Exact routes no request has reached: recorded answers that went stale when the
        requests changed (a new query, a new parameter), so what they hold is never seen."""
        return [r for i, r in enumerate(self.routes) if not r.prefix and i not in self.answered]

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handler)


@dataclass
class SimulatedDns:
    """Answers from a JSON file ``{"name TYPE": {"records": [...], "authenticated": bool}}``."""

    answers: dict[tuple[str, str], DnsAnswer] = field(default_factory=dict)

    @classmethod
    def from_file(cls, path: Path) -> SimulatedDns:
        if not path.exists():
            return cls()
        data = json.loads(path.read_text("utf-8"))
        answers = {}
        for key, value in data.items():
            name, rdtype = key.rsplit(" ", 1)
            answers[(name.lower().rstrip("."), rdtype.upper())] = DnsAnswer(
                tuple(value.get("records", ())), bool(value.get("authenticated", False)),
                bool(value.get("exists", True)))
        return cls(answers)

    async def query(self, name: str, rdtype: str) -> DnsAnswer:
        return self.answers.get((name.lower().rstrip("."), rdtype.upper()),
                                DnsAnswer((), exists=False))
