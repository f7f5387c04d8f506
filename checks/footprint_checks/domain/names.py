"""Which domains the domain checks look at: yours, and those of your email addresses."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from importlib.resources import files

from footprint.errors import PluginError
from footprint.models import Subject
from footprint.profile.model import Profile

_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")

# RFC 2606 / RFC 6761 names: nobody can register them, so there is no registration to read.
RESERVED_TLDS = frozenset({"example", "test", "invalid", "localhost", "local", "internal",
                           "onion", "alt", "arpa"})


def normalise(raw: str) -> str | None:
    """The ASCII (A-label) form of a domain name, or None when it is not one."""
    name = raw.strip().rstrip(".").lower()
    if name.startswith(("http://", "https://")):
        name = name.split("://", 1)[1].split("/", 1)[0]
    try:
        name = name.encode("idna").decode("ascii")
    except UnicodeError:
        return None
    labels = name.split(".")
    if len(labels) < 2 or len(name) > 253 or not all(_LABEL.match(lab) for lab in labels):
        return None
    return name


def tld_of(domain: str) -> str:
    return domain.rsplit(".", 1)[-1]


def _data_lines(name: str) -> tuple[str, ...]:
    text = (files(__package__) / "data" / name).read_text("utf-8")
    return tuple(line.strip() for line in text.splitlines()
                 if line.strip() and not line.lstrip().startswith("#"))


@cache
def mail_providers() -> frozenset[str]:
    """Large mail providers' domains (data/mail_providers.txt), validated on load."""
    out = set()
    for n, line in enumerate(_data_lines("mail_providers.txt"), 1):
        domain = normalise(line)
        if domain is None:
            raise PluginError(f"domain/data/mail_providers.txt: entry {n} ({line!r}) "
                              "is not a domain name")
        out.add(domain)
    return frozenset(out)


@cache
def privacy_service_phrases() -> tuple[str, ...]:
    phrases = tuple(p.casefold() for p in _data_lines("privacy_services.txt"))
    for phrase in phrases:
        if len(phrase) < 5:
            raise PluginError(f"domain/data/privacy_services.txt: entry {phrase!r} is too "
                              "short to match safely")
    return phrases


def email_domain(address: str) -> str | None:
    if "@" not in address:
        return None
    return normalise(address.rsplit("@", 1)[1])


def profile_domains(profile: Profile) -> tuple[str, ...]:
    """Domains the person lists as theirs (the ones they can change)."""
    found = (normalise(d) for d in profile.public.domains)
    return tuple(dict.fromkeys(d for d in found if d))


def domain_subjects(profile: Profile) -> Sequence[Subject]:
    """Your domains, then the domains of your email addresses, each once, without the
    large mail providers (their settings are not yours to change)."""
    ordered = list(profile_domains(profile))
    ordered += [d for d in (email_domain(e) for e in profile.public.emails) if d]
    providers = mail_providers()
    unique = dict.fromkeys(d for d in ordered if d not in providers)
    return tuple(Subject("domain", d) for d in unique)


def is_own_domain(profile: Profile, domain: str) -> bool:
    return domain in profile_domains(profile)


def mail_addresses_at(profile: Profile, domain: str) -> tuple[str, ...]:
    return tuple(e for e in profile.public.emails if email_domain(e) == domain)
