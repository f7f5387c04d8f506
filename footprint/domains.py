"""The registrable domain of a host, from the Public Suffix List.

The list is the snapshot bundled with the ``publicsuffixlist`` package: nothing is fetched
at run time, and a newer list comes with a package update. Only the ICANN section is used:
the name a registrant registers at a registry (``example.co.uk``), which is what RDAP
servers know and what DMARC and "is this the same site" questions are about; private
sections (``github.io``, ``blogspot.com``) would split one operator into many.
"""

from __future__ import annotations

import functools
import ipaddress

from publicsuffixlist import PublicSuffixList

__all__ = ["registrable_domain"]


@functools.cache
def _list() -> PublicSuffixList:
    return PublicSuffixList(only_icann=True)  # reads the bundled file once, about 30 ms


def registrable_domain(host: str) -> str | None:
    """``www.example.co.uk`` -> ``example.co.uk``; None for a public suffix itself
    (``co.uk``), a single label or an IP address. A TLD the list does not know counts as a
    suffix of one label, as browsers treat it."""
    name = host.strip().rstrip(".").lower()
    if not name or "." not in name:
        return None
    try:
        ipaddress.ip_address(name.strip("[]"))
        return None
    except ValueError:
        pass
    found = _list().privatesuffix(name)
    return found if isinstance(found, str) else None
