"""One check per catalogue site: is there a public account with this handle, and what does
it show? The engine schedules, times out, rate-limits and reports each site on its own."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable, Sequence
from urllib.parse import urljoin

import httpx

from footprint.check import BaseCheck, CheckContext, Inconclusive, Skip
from footprint.errors import ResponseTooLarge
from footprint.models import Disclosure, Finding, Kind, L10n, Subject
from footprint.page_reader import PageNotRead
from footprint.profile.model import Profile

from .canary import Canary, CanaryMode, wants_canary
from .catalogue import Site
from .detect import State, decide
from .extensions import Extensions
from .handles import subjects_for, unusable
from .report import build_finding
from .reveal import PageView, assess, read_document

_SLUG = re.compile(r"[^a-z0-9]+")
PAGE_MAX_BYTES = 1024 * 1024


def slug(name: str) -> str:
    return _SLUG.sub("-", name.lower()).strip("-") or "site"


class SiteCheck(BaseCheck):
    inputs = frozenset({Kind.USERNAME})

    def __init__(self, site: Site, check_id: str, ext: Extensions, *,
                 derive_handles: bool = True, timeout_s: float | None = None,
                 third_party: bool = False, known_hosts: frozenset[str] = frozenset(),
                 canary: CanaryMode = "weak") -> None:
        self.site = site
        self.id = check_id
        self.ext = ext
        self.derive_handles = derive_handles
        self.timeout_s = timeout_s
        self.third_party = third_party
        # a mirror or tracker learns the username: only when the person asks for it
        self.opt_in = third_party
        self.known_hosts = known_hosts
        self.canary = Canary(site) if wants_canary(site, canary) else None
        self.provenance = ext.provenance(site)  # shown by `footprint checks` / `sites list`
        self.title = L10n(en=f"Public profile on {site.name}",
                          nl=f"Openbaar profiel op {site.name}")
        who = L10n(en="your usernames and handles made from your name",
                   nl="je gebruikersnamen en van je naam afgeleide handles")
        self.disclosures = tuple(
            Disclosure(host, L10n(en=f"{who.en} (third party: not the site itself)",
                                  nl=f"{who.nl} (derde partij: niet de site zelf)")
                       if third_party else who)
            for host in site.hosts if host)

    def subjects(self, profile: Profile) -> Sequence[Subject]:
        return subjects_for(profile, self.derive_handles)

    async def run(self, subject: Subject, ctx: CheckContext) -> Iterable[Finding]:
        site, handle = self.site, subject.value
        why_not = unusable(site, handle, self.ext.for_site(site).username)
        if why_not is not None:
            raise Skip(why_not)
        account = site.account_for(handle)
        # WhatsMyName reads the first answer: a redirect is itself the signal, never followed
        response = await ctx.http.request(
            site.method, site.check_url(account), headers=dict(site.headers) or None,
            content=site.body_for(account), follow_redirects=False)
        verdict = decide(site, response)
        if verdict.state is State.NOT_FOUND:
            return []
        if verdict.state is State.INCONCLUSIVE:
            raise Inconclusive(verdict.reason or L10n.same("inconclusive"))
        if self.canary is not None:
            await self._confirm(self.canary, ctx)
        views = await self._read_profile(account, response, ctx)
        own_hosts = [h for h in site.hosts if h]
        exposure = assess(views, ctx.markers, ctx.profile, own_hosts, self.known_hosts)
        return [build_finding(self, subject, account, exposure, ctx.profile)]

    async def _confirm(self, canary: Canary, ctx: CheckContext) -> None:
        """A hit on a status-code-only entry counts only if a random name is not found."""
        state = await canary.random_name_state(ctx)
        if state is State.NOT_FOUND:
            return
        name = self.site.name
        if state is State.FOUND:
            raise Inconclusive(L10n(
                en=f"{name} also claims that a random username exists, so its answer says "
                   "nothing; check it yourself in a browser",
                nl=f"{name} beweert ook dat een willekeurige gebruikersnaam bestaat, dus het "
                   "antwoord zegt niets; controleer het zelf in een browser"))
        raise Inconclusive(L10n(
            en=f"{name} seems to have this account, but a check with a random username got "
               "no clear answer, so it cannot be confirmed; check it yourself in a browser",
            nl=f"{name} lijkt dit account te hebben, maar een controle met een willekeurige "
               "gebruikersnaam gaf geen duidelijk antwoord, dus het is niet te bevestigen; "
               "controleer het zelf in een browser"))

    async def _read_profile(self, account: str, probe: httpx.Response,
                            ctx: CheckContext) -> list[PageView]:
        """The probe's own answer, plus the public profile page fetched once."""
        views: list[PageView] = []
        content_type = probe.headers.get("content-type", "")
        if probe.is_success and probe.content:
            with contextlib.suppress(PageNotRead):  # the finding then says it was not read
                views.append(await read_document(str(probe.url), probe.text, content_type,
                                                 ctx.pages))
        page_url = self.site.profile_url(account)
        redirected = probe.is_redirect and "location" in probe.headers
        if redirected:
            page_url = urljoin(str(probe.url), probe.headers["location"])
        elif self.site.method == "GET" and page_url == str(probe.url) and views:
            return views  # the probe already was the profile page
        try:
            if redirected:  # the site chose the address: it passes the quarantine
                [got] = await ctx.http.get_derived(str(probe.url), [page_url],
                                                   max_bytes=PAGE_MAX_BYTES)
                if isinstance(got, Exception):
                    raise got
                page = got
            else:
                page = await ctx.http.get(page_url, max_bytes=PAGE_MAX_BYTES)
        except (httpx.HTTPError, httpx.InvalidURL, ResponseTooLarge):
            return views  # the account exists either way; the finding says the page was unread
        if page.is_success:
            with contextlib.suppress(PageNotRead):
                views.append(await read_document(str(page.url), page.text,
                                                 page.headers.get("content-type", ""),
                                                 ctx.pages))
        return views
