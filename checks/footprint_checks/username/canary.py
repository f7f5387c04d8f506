"""A random-username probe for entries whose rules cannot tell a soft 404 from a profile.

An entry with an empty ``e_string`` or ``m_string`` decides on the status code alone; a site
that answers 200 to every name would then "find" everyone. Once per site and scan, such an
entry is asked about a random username first: if the site claims that one exists too, no
answer from it can be trusted, and every handle on that site is inconclusive. When the
random probe itself gets no clear answer (blocked, rate limited, network error), a hit on
such an entry cannot be confirmed either: inconclusive again. Only hits are confirmed, so
entries with nothing found cost no extra request.
"""

from __future__ import annotations

import asyncio
import secrets
import string
from typing import Literal

from footprint.check import CheckContext

from .catalogue import Site
from .detect import State, decide

CanaryMode = Literal["weak", "all", "off"]
MODES: tuple[CanaryMode, ...] = ("weak", "all", "off")


def wants_canary(site: Site, mode: CanaryMode) -> bool:
    if mode == "off":
        return False
    return mode == "all" or not site.e_string or not site.m_string


def canary_name() -> str:
    return "".join(secrets.choice(string.ascii_lowercase) for _ in range(14))


async def _probe(site: Site, ctx: CheckContext) -> State:
    account = site.account_for(canary_name())
    response = await ctx.http.request(
        site.method, site.check_url(account), headers=dict(site.headers) or None,
        content=site.body_for(account), follow_redirects=False)
    return decide(site, response).state


class Canary:
    """One probe per scan (per event loop), shared by every handle checked on the site."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self._task: asyncio.Task[State] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    async def random_name_state(self, ctx: CheckContext) -> State:
        """What the site says about a random username (INCONCLUSIVE if it could not run)."""
        loop = asyncio.get_running_loop()
        if self._task is None or self._loop is not loop:
            self._loop = loop
            self._task = loop.create_task(_probe(self.site, ctx))
            # retrieved even if every waiter was cancelled, so it is never logged as lost
            self._task.add_done_callback(lambda t: t.cancelled() or t.exception())
        try:
            return await asyncio.shield(self._task)
        except asyncio.CancelledError:
            raise
        except Exception:  # network error, guard, oversized body: no confirmation
            return State.INCONCLUSIVE
