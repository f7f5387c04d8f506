"""What a domain publishes in DNS about its mail: MX, SPF, DMARC and DNSSEC."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

from footprint.check import Inconclusive
from footprint.dns import Resolver
from footprint.errors import PluginError
from footprint.models import L10n
from footprint.profile.markers import Marker
from footprint_checks.domain.dmarc import (
    DmarcRecord,
    is_dmarc,
    looks_like_dmarc,
    organisational_domain,
    parse_dmarc,
)
from footprint_checks.domain.spf import SpfEvaluation, SpfRecord, evaluate, is_spf, parse_spf


@dataclass(frozen=True, slots=True)
class MailFacts:
    domain: str
    mx: tuple[tuple[int, str], ...]  # (preference, host) with the trailing dot removed
    spf_records: tuple[str, ...]
    spf: SpfRecord | None  # parsed when there is exactly one record
    spf_eval: SpfEvaluation | None
    dmarc_records: tuple[str, ...]
    dmarc: DmarcRecord | None  # parsed when there is exactly one record
    dmarc_name: str  # where the record was found (the organisation's, for a subdomain)
    signed: bool  # a DS record at the parent
    validated: bool  # and the resolver set the AD flag on the domain's own answers
    dmarc_ignored: tuple[str, ...] = ()  # meant as DMARC, ignored: not exactly v=DMARC1

    @property
    def null_mx(self) -> bool:
        return len(self.mx) == 1 and self.mx[0][1] in ("", ".")

    @property
    def receives_mail(self) -> bool:
        return bool(self.mx) and not self.null_mx

    @property
    def sends_no_mail(self) -> bool:
        """No mail host and an SPF record that authorises nobody (or none at all)."""
        if self.receives_mail:
            return False
        if not self.spf_records:
            return True
        return self.spf is not None and self.spf.terms == ("-all",)

    @property
    def dmarc_inherited(self) -> bool:
        return self.dmarc_name != f"_dmarc.{self.domain}"

    @property
    def dmarc_policy(self) -> str | None:
        if self.dmarc is None:
            return None
        if self.dmarc_inherited:
            return self.dmarc.policy_for_subdomains()
        return self.dmarc.policy


def _mx(records: tuple[str, ...]) -> tuple[tuple[int, str], ...]:
    out = []
    for record in records:
        pref, _, host = record.strip().partition(" ")
        try:
            out.append((int(pref), host.strip().rstrip(".").lower() or "."))
        except ValueError:
            continue
    return tuple(sorted(out))


async def gather(domain: str, resolver: Resolver,
                 markers: tuple[Marker, ...] = ()) -> MailFacts:
    """Every query goes through ``resolver``; DnsFailure propagates (the engine reports an
    error: an unanswered query is never read as 'no record')."""
    mx = await resolver.query(domain, "MX")
    if not mx.exists:
        raise Inconclusive(L10n(
            en=f"{domain} does not exist in DNS (NXDOMAIN); check the spelling, and see "
               "domain.rdap for whether it is still registered",
            nl=f"{domain} bestaat niet in DNS (NXDOMAIN); controleer de spelling, en zie "
               "domain.rdap voor of het nog geregistreerd is"))
    txt = await resolver.query(domain, "TXT")
    spf_records = tuple(t for t in txt.records if is_spf(t))
    spf = parse_spf(spf_records[0]) if len(spf_records) == 1 else None
    spf_eval = None
    if spf is not None and spf.error is None:  # a syntax error ends evaluation at once
        spf_eval = await evaluate(spf, resolver, markers, domain,
                                  known={(domain, "MX"): mx, (domain, "TXT"): txt})
    dmarc_name = f"_dmarc.{domain}"
    dmarc_records, ignored = await _dmarc_records(dmarc_name, resolver)
    org = organisational_domain(domain)
    if not dmarc_records and org != domain:  # RFC 7489 6.6.3 step 4
        inherited, _ = await _dmarc_records(f"_dmarc.{org}", resolver)
        if inherited:
            dmarc_name, dmarc_records = f"_dmarc.{org}", inherited
    dmarc = parse_dmarc(dmarc_records[0]) if len(dmarc_records) == 1 else None
    ds = await resolver.query(domain, "DS")
    signed = bool(ds.records)
    return MailFacts(domain=domain, mx=_mx(mx.records), spf_records=spf_records, spf=spf,
                     spf_eval=spf_eval, dmarc_records=dmarc_records, dmarc=dmarc,
                     dmarc_name=dmarc_name, signed=signed,
                     validated=signed and (mx.authenticated or txt.authenticated),
                     dmarc_ignored=ignored)


async def _dmarc_records(name: str, resolver: Resolver
                         ) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(records receivers take, records meant as DMARC that receivers discard)."""
    answer = await resolver.query(name, "TXT")
    taken = tuple(t for t in answer.records if is_dmarc(t))
    return taken, tuple(t for t in answer.records if looks_like_dmarc(t) and not is_dmarc(t))


@dataclass(frozen=True, slots=True)
class MailHost:
    provider: str
    include: str


@cache
def _mail_hosts() -> dict[str, MailHost]:
    source = "domain/data/mx_spf_includes.json"
    data: Any = json.loads((files(__package__) / "data" / "mx_spf_includes.json")
                           .read_text("utf-8"))
    hosts = data.get("hosts") if isinstance(data, dict) else None
    if not isinstance(hosts, dict):
        raise PluginError(f"{source}: needs a 'hosts' table")
    out = {}
    for suffix, entry in hosts.items():
        if not (isinstance(entry, dict) and isinstance(entry.get("provider"), str)
                and isinstance(entry.get("include"), str)):
            raise PluginError(f"{source}: entry {suffix!r} needs 'provider' and 'include'")
        out[suffix.lower()] = MailHost(entry["provider"], entry["include"])
    return out


def known_mail_host(facts: MailFacts) -> MailHost | None:
    """The mail provider the MX records point to, when footprint knows its SPF include."""
    for _, host in facts.mx:
        for suffix, known in _mail_hosts().items():
            if host == suffix or host.endswith("." + suffix):
                return known
    return None
