"""Search engines: what they show about you.

``search.engine`` (opt-in) runs searches built from public identifiers through a provider
the person configures in ``[checks.search]`` (a SearXNG instance's JSON API, or Brave
Search with BRAVE_API_KEY) and matches the results locally against the private markers.
``search.links`` is the guided step without a provider: prepared Google, Bing and
DuckDuckGo links, including ``site:`` searches on known KvK copy sites (registers/sources.toml).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from footprint.check import Check


def provide(settings: Mapping[str, Any] | None = None) -> Iterator[Check]:
    # Imported here so that loading a family's commands stays cheap.
    from footprint_checks.search.engine_check import SearchEngineCheck
    from footprint_checks.search.links_check import SearchLinksCheck

    yield SearchEngineCheck(settings or {})
    yield SearchLinksCheck()
