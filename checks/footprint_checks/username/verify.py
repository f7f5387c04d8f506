"""Catalogue health: ask each site about its ``known`` account and a random username.

A maintainer tool (``footprint sites verify``): it contacts every site it checks, so it runs
only when asked. An entry is healthy when the known account reads as found and the random
one as not found; anything else means the entry (or the site) changed.
"""

from __future__ import annotations

import asyncio
import secrets
import string
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

import httpx

from footprint.errors import ResponseTooLarge
from footprint.http.client import HttpOptions, build_client, session_for
from footprint.http.session import HttpSession

from .catalogue import Site
from .detect import State, Verdict, decide


class Health(StrEnum):
    OK = "ok"
    KNOWN_MISSING = "known account not found"  # false negatives likely
    RANDOM_FOUND = "random username found"  # false positives likely: the worst kind
    UNDECIDED = "could not tell"  # blocked, rate limited, unexpected answer, network error


@dataclass(frozen=True, slots=True)
class SiteHealth:
    site: Site
    health: Health
    known: str  # what the known account gave
    random: str  # what the random username gave

    @property
    def broken(self) -> bool:
        return self.health in (Health.KNOWN_MISSING, Health.RANDOM_FOUND)


def random_username(length: int = 14) -> str:
    """Lower-case letters only, so every site can hold it."""
    return "".join(secrets.choice(string.ascii_lowercase) for _ in range(length))


async def _probe(http: HttpSession, site: Site, handle: str) -> Verdict | str:
    account = site.account_for(handle)
    try:
        response = await http.request(site.method, site.check_url(account),
                                      headers=dict(site.headers) or None,
                                      content=site.body_for(account), follow_redirects=False)
    except (httpx.HTTPError, ResponseTooLarge) as exc:
        return f"network error ({type(exc).__name__})"
    return decide(site, response)


def _describe(outcome: Verdict | str) -> str:
    if isinstance(outcome, str):
        return outcome
    if outcome.state is State.INCONCLUSIVE and outcome.reason is not None:
        return f"inconclusive: {outcome.reason.en}"
    return outcome.state.value.replace("_", " ")


def judge(site: Site, known: Verdict | str, random: Verdict | str) -> SiteHealth:
    def state(o: Verdict | str) -> State | None:
        return o.state if isinstance(o, Verdict) else None

    if state(random) is State.FOUND:
        health = Health.RANDOM_FOUND
    elif state(known) is State.NOT_FOUND:
        health = Health.KNOWN_MISSING
    elif state(known) is State.FOUND and state(random) is State.NOT_FOUND:
        health = Health.OK
    else:
        health = Health.UNDECIDED
    return SiteHealth(site, health, _describe(known), _describe(random))


async def verify_sites(sites: Sequence[Site], *, options: HttpOptions | None = None,
                       concurrency: int = 16, timeout_s: float = 20.0,
                       transport: httpx.AsyncBaseTransport | None = None,
                       done: Callable[[SiteHealth], None] | None = None) -> list[SiteHealth]:
    options = options or HttpOptions()
    gate = asyncio.Semaphore(concurrency)
    results: list[SiteHealth] = []
    async with build_client((), options, transport) as client:
        http = session_for(client, options)

        async def one(site: Site) -> None:
            async with gate:
                try:
                    async with asyncio.timeout(timeout_s):
                        known = await _probe(http, site, site.known[0])
                        random = await _probe(http, site, random_username())
                except TimeoutError:
                    known = random = f"no answer within {timeout_s:g} s"
            result = judge(site, known, random)
            results.append(result)
            if done is not None:
                done(result)

        async with asyncio.TaskGroup() as group:
            for site in sites:
                group.create_task(one(site))
    return sorted(results, key=lambda r: r.site.name.casefold())
