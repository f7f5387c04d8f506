"""Spellings the guard used to miss (issue 14), each sent by a plugin-like check to a
loopback server: the request never arrives and the check says it was blocked."""

from __future__ import annotations

import base64
import codecs
from collections.abc import Iterable
from email.header import Header
from urllib.parse import quote

import pytest

from footprint.check import BaseCheck, CheckContext
from footprint.dns import GuardedResolver
from footprint.errors import PrivateDataBlocked
from footprint.models import Finding, L10n, Status, Subject
from footprint.profile.load import parse_profile
from footprint.profile.markers import private_markers

from .faultserver import Reply, serve
from .harness import QuietResolver, run_one

PROFILE = parse_profile("""
[person]
name = "Jan de Vries"
[public]
usernames = ["jdevries"]
trade_names = ["De Vries Advies"]
[private]
phones = ["06 12345678"]
family = ["Renée Jünger", "Marieke de Vries"]
[private.address]
street = "Kerkstraat"
house_number = "12"
postcode = "3511 AB"
""", "spellings.toml")


def _layers(text: str, n: int) -> str:
    for _ in range(n):
        text = quote(text, safe="")
    return text


def _punycode(text: str) -> str:
    return "xn--" + codecs.encode(text, "punycode").decode("ascii")


ARABIC_INDIC = "".join(chr(0x660 + int(d)) for d in "3511") + " AB"

# (where, how): the check puts ``how`` into the query, a header or the path
CASES = {
    "eleven layers of percent-encoding": ("query", _layers("3511 AB", 11)),
    "twenty layers of percent-encoding": ("query", _layers("3511 AB", 20)),
    "phone without the trunk 0": ("query", "612345678"),
    "Arabic-Indic digits": ("query", ARABIC_INDIC),
    "Devanagari digits": ("query", "".join(chr(0x966 + int(d)) for d in "3511") + "AB"),
    "RFC 2047 base64 header": ("X-Name", Header("Renée Jünger", "utf-8").encode()),
    "RFC 2047 quoted-printable header": ("X-Name", "=?iso-8859-1?q?Ren=E9e_J=FCnger?="),
    "punycode label in the path": ("path", _punycode("reneejünger")),
    "Basic authentication": ("Authorization",
                             "Basic " + base64.b64encode(b"3511AB:secret").decode()),
    "family name surname first": ("query", "Jünger, Renée"),
    "family name with initials": ("query", "M. de Vries"),
    "family name surname first with initials": ("query", "Vries, M. de"),
}


class Sends(BaseCheck):
    def __init__(self, url: str, where: str, value: str) -> None:
        self.id, self.title = "plugin.sends", L10n.same("a plugin")
        self.url, self.where, self.value = url, where, value

    async def run(self, subject: Subject, ctx: CheckContext) -> Iterable[Finding]:
        if self.where == "query":
            await ctx.http.get(self.url + "?q=" + self.value)
        elif self.where == "path":
            await ctx.http.get(self.url + "/" + self.value)
        else:
            await ctx.http.get(self.url, headers={self.where: self.value})
        return []


@pytest.mark.parametrize("case", list(CASES))
async def test_the_spelling_is_blocked_before_it_leaves(case: str) -> None:
    where, value = CASES[case]
    with serve() as server:
        result = await run_one(Sends(server.url("/api"), where, value), profile=PROFILE)
    assert sum(server.hits.values()) == 0, server.heads
    assert result.status is Status.ERROR
    assert "blocked" in result.reason.en  # type: ignore[union-attr]


@pytest.mark.parametrize("value", ["naam=Jan de Vries", "Jan de Vries Maastricht",
                                   "De Vries Advies", "jdevries", "team de Vries",
                                   _layers("Utrecht", 10)])
async def test_public_details_and_near_misses_still_go_out(value: str) -> None:
    with serve() as server:
        server.pages["/api"] = Reply(200, (), b"ok")
        result = await run_one(Sends(server.url("/api"), "query", quote(value)),
                               profile=PROFILE)
    assert result.status is Status.CLEAR, result.reason
    assert server.hits["/api"] == 1


async def test_a_punycode_dns_name_is_not_looked_up() -> None:
    markers = private_markers(PROFILE, include_street=True)
    inner = QuietResolver()
    resolver = GuardedResolver(inner, markers)
    with pytest.raises(PrivateDataBlocked):
        await resolver.query(_punycode("kérkstraat12") + ".example", "A")
    with pytest.raises(PrivateDataBlocked):
        await resolver.query(_punycode("reneejünger") + ".example", "A")
    await resolver.query("example.org", "A")
    assert inner.queries == [("example.org", "A")]
