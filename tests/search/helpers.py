"""Recorded search answers and a router side effect that serves them per query."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

DATA = Path(__file__).resolve().parents[1] / "data" / "search"
SEARX = "https://searx.test.example"
SEARX_SETTINGS = {"provider": "searxng", "url": SEARX}


def load(name: str) -> Any:
    return json.loads((DATA / name).read_text("utf-8"))


def per_query(answers: dict[str, httpx.Response | Any], default: httpx.Response | Any
              ) -> Callable[[httpx.Request], httpx.Response]:
    """Serves answers[q] (a Response, or JSON for a 200), else the default."""
    def handler(request: httpx.Request) -> httpx.Response:
        answer = answers.get(request.url.params.get("q", ""), default)
        if isinstance(answer, httpx.Response):
            return answer
        return httpx.Response(200, json=answer)
    return handler
