"""Turns a found profile and what it exposes into a finding with remediation (nl/en)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from footprint.i18n import yours_of
from footprint.models import ActionGroup, Evidence, Finding, L10n, Link, Remediation, Subject
from footprint.profile.model import Profile
from footprint.textsafe import clean

from .handles import is_derived
from .reveal import Exposure

if TYPE_CHECKING:
    from .check import SiteCheck


def _join(parts: list[str]) -> str:
    return "; ".join(parts)


def _and(items: list[str], word: str) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {word} {items[-1]}"


def _exposed(exposure: Exposure) -> tuple[list[str], list[str]]:
    en: list[str] = []
    nl: list[str] = []
    if exposure.matched_l10n:
        what = yours_of(exposure.matched_l10n)  # "je huisadres en de naam van een gezinslid"
        en.append(what.en)
        nl.append(what.nl)
    if exposure.near_home:
        en.append("locations (activity or route points) near your home")
        nl.append("locaties (activiteit- of routepunten) vlak bij je huis")
    elif exposure.coordinates:
        en.append(f"{exposure.coordinates} map coordinates (activities or places)")
        nl.append(f"{exposure.coordinates} kaartcoördinaten (activiteiten of plekken)")
    if exposure.home_city:
        en.append("your home town")
        nl.append("je woonplaats")
    if exposure.locations:
        shown = ", ".join(clean(v, limit=60) for v in exposure.locations[:3])
        en.append(f"a location field ({shown})")
        nl.append(f"een locatieveld ({shown})")
    if exposure.links:
        en.append(f"links to {len(exposure.links)} other account(s)")
        nl.append(f"links naar {len(exposure.links)} andere account(s)")
    return en, nl


def build_finding(check: SiteCheck, subject: Subject, account: str, exposure: Exposure,
                  profile: Profile) -> Finding:
    site, ext = check.site, check.ext
    risk, site_ext = ext.risk_of(site), ext.for_site(site)
    url = site.profile_url(account)
    en, nl = _exposed(exposure)
    if is_derived(profile, subject.value):
        handle_en = (f"Found with {subject.value!r}, a handle made from your name: it may "
                     "be someone else with your name. If it is not you, mark it 'not me'.")
        handle_nl = (f"Gevonden met {subject.value!r}, een handle afgeleid van je naam: het kan "
                     "iemand anders met dezelfde naam zijn. Ben jij het niet, markeer het dan "
                     "als 'niet ik'.")
    else:
        handle_en = f"Found with your username {subject.value!r}."
        handle_nl = f"Gevonden met je gebruikersnaam {subject.value!r}."
    if en:
        shows_en = f"The public page shows {_join(en)}."
        shows_nl = f"De openbare pagina toont {_join(nl)}."
    elif exposure.page_read:
        shows_en = "The public page shows no private details footprint knows of."
        shows_nl = "De openbare pagina toont geen privégegevens die footprint kent."
    else:
        shows_en = "footprint could not read the profile page; look at it yourself."
        shows_nl = "footprint kon de profielpagina niet lezen; bekijk hem zelf."
    detail = L10n(
        en=f"{handle_en} A {risk.label.en} can reveal {risk.reveals.en}. {shows_en}",
        nl=f"{handle_nl} Een {risk.label.nl} kan dit onthullen: {risk.reveals.nl}. {shows_nl}")
    steps = list(risk.steps)
    if site_ext.note is not None:
        steps.insert(0, site_ext.note)
    links = [Link(url, L10n(en=f"Your profile on {site.name}", nl=f"Je profiel op {site.name}"))]
    if site_ext.privacy_url:
        links.append(Link(site_ext.privacy_url, L10n(
            en=f"{site.name} privacy settings", nl=f"Privacy-instellingen van {site.name}")))
    remediation = Remediation(
        summary=L10n(en=f"Check what your {site.name} profile shows strangers and lock it down",
                     nl=f"Controleer wat je {site.name}-profiel aan vreemden laat zien en "
                        "scherm het af"),
        steps=tuple(steps), links=tuple(links), effort=risk.effort)
    severity = exposure.severity(risk.floor)
    title = L10n(en=f"Public {site.name} profile: {account}",
                 nl=f"Openbaar {site.name}-profiel: {account}")
    return Finding(
        check_id=check.id, subject=subject, key=f"{site.name}:{account.casefold()}",
        title=title, severity=severity, remediation=remediation,
        evidence=Evidence(url=url, excerpt=exposure.excerpt, matched=tuple(exposure.matched),
                              labels=tuple(exposure.matched_l10n)),
        detail=detail,
        # one account reached under several usernames (case, an alias) is one thing to do
        group=ActionGroup(f"account:{check.id}:{account.casefold()}"))
