"""What the report says about the route: the proxy, and the DNS that did not use it."""

from __future__ import annotations

from footprint.models import L10n


def route_notes(proxy: str, dns_direct: tuple[str, ...]) -> tuple[L10n, ...]:
    """Sentences for "what was sent where"; nothing when no proxy was used."""
    if not proxy:
        return ()
    notes = [L10n(
        en=f"Requests went through the proxy {proxy} (hosts listed in no_proxy excepted): "
           "the proxy saw which hosts footprint contacted, and for plain http also what "
           "was sent.",
        nl=f"Verzoeken gingen via de proxy {proxy} (behalve hosts in no_proxy): de proxy "
           "zag welke hosts footprint benaderde, en bij gewoon http ook wat er verstuurd "
           "werd.")]
    if dns_direct:
        checks = ", ".join(dns_direct)
        notes.append(L10n(
            en=f"DNS lookups by {checks} did not go through the proxy: they went straight to "
               "this computer's own DNS resolver.",
            nl=f"DNS-opvragingen van {checks} gingen niet via de proxy: ze gingen "
               "rechtstreeks naar de eigen DNS-resolver van deze computer."))
    return tuple(notes)
