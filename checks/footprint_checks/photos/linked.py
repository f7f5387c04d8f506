"""Audit the images a page links to: called by the ``web.pages`` check during a scan.

Each image is fetched through the scan's guarded client, capped in size, and its
metadata read locally; the home location is compared here and never sent. The image
addresses come from the page, so they are checked as one group and fetched all or none:
one that would carry a private detail means none is fetched (footprint/http/quarantine.py).

Images that could not be checked are never passed off as clear: when none of them could
be checked, the whole audit is inconclusive; when only some could not, the findings for
the others come back together with one guided-step finding (kind MANUAL) that lists the
unchecked images and why, so the result can never read "clear".
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

import httpx

from footprint.check import CheckContext, Inconclusive
from footprint.errors import HostClosed, HostileSite, PrivateDataBlocked, ResponseTooLarge
from footprint.http.quarantine import masked_url
from footprint.models import Evidence, Finding, FindingKind, L10n, Severity, Subject
from footprint_checks.photos import texts
from footprint_checks.photos.assess import HomeArea, PhotoAssessment, assess
from footprint_checks.photos.metadata import UnreadablePhoto, metadata_from_bytes
from footprint_checks.photos.texts import say

_HOME = say("evidence.home")  # beside the evidence key home-location

FETCH_CONCURRENCY = 4
_NO_EXIF_TYPES = frozenset({"image/svg+xml"})  # vector drawings: no camera metadata


@dataclass(frozen=True, slots=True)
class Unchecked:
    url: str
    reason: L10n


@dataclass(frozen=True, slots=True)
class Checked:
    url: str
    assessment: PhotoAssessment | None  # None: an image type without camera metadata


async def audit_linked_images(urls: Sequence[str], ctx: CheckContext, check_id: str,
                              subject: Subject, *, max_images: int = 10,
                              max_bytes: int = 5 * 1024 * 1024,
                              source: str | None = None) -> list[Finding]:
    """Findings for the images at ``urls`` (GPS at home: high; near home or with no home
    location to compare: medium; elsewhere: low; serials and owner names: low).

    ``source`` is the page the addresses came from (the subject's URL when not given): the
    images are server-supplied addresses, fetched all or none (``get_derived``)."""
    candidates = [u for u in dict.fromkeys(urls) if u.startswith(("http://", "https://"))]
    if not candidates:
        return []
    selected, over_cap = candidates[:max_images], candidates[max_images:]
    home = HomeArea.of(ctx.profile.private.home_location)
    try:
        responses = await ctx.http.get_derived(source or subject.value, selected,
                                               headers={"Accept": "image/*"},
                                               max_bytes=max_bytes,
                                               concurrency=FETCH_CONCURRENCY)
    except HostileSite:
        # The scan reports this page's attempt as a finding of its own, with what to do;
        # "check the photos yourself" would have a browser send the guesses after all.
        return []
    except HostClosed as exc:
        raise Inconclusive(say("inconclusive.host-closed", n=len(candidates),
                               host=exc.host)) from None
    outcomes = [_assess(url, got, home, max_bytes) for url, got in zip(selected, responses,
                                                                          strict=True)]
    unchecked = [o for o in outcomes if isinstance(o, Unchecked)]
    unchecked += [Unchecked(u, say("unchecked.over-cap", max=max_images)) for u in over_cap]
    checked = [o for o in outcomes if isinstance(o, Checked)]
    if unchecked and not checked:
        raise Inconclusive(say("inconclusive.none-checked", n=len(candidates),
                               first=unchecked[0].reason))
    findings: list[Finding] = []
    for outcome in checked:
        if outcome.assessment is not None:
            findings += image_findings(outcome.url, outcome.assessment, check_id, subject)
    if unchecked:
        findings.append(_unchecked_finding(unchecked, check_id, subject))
    return findings


def _assess(url: str, got: httpx.Response | Exception, home: HomeArea | None,
            max_bytes: int) -> Checked | Unchecked:
    def unchecked(key: str, **values: object) -> Unchecked:
        return Unchecked(url, say(f"unchecked.{key}", **values))

    if isinstance(got, ResponseTooLarge):
        return unchecked("too-large", size=_size(max_bytes))
    if isinstance(got, PrivateDataBlocked | HostileSite | HostClosed):
        return Unchecked(masked_url(url), say("unchecked.site-closed"))
    if isinstance(got, Exception):
        return unchecked("network", error=type(got).__name__)
    response = got
    if response.is_redirect:
        return unchecked("redirected", code=response.status_code)
    if response.status_code != 200:
        return Unchecked(url, L10n.same(f"HTTP {response.status_code}"))
    ctype = response.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype in _NO_EXIF_TYPES:
        return Checked(url, None)
    if not ctype.startswith("image/"):
        return unchecked("not-image", type=ctype) if ctype else unchecked("no-type")
    try:
        metadata = metadata_from_bytes(response.content)
    except UnreadablePhoto:
        return unchecked("unreadable", type=ctype)
    return Checked(url, assess(metadata, home))


def _size(max_bytes: int) -> str:
    if max_bytes >= 2**20:
        return f"{max_bytes / 2**20:g} MiB"
    return f"{max(1, max_bytes // 1024)} KiB"


def _summary(a: PhotoAssessment) -> L10n:
    """What the photo's metadata says, in both languages: footprint's words around the
    file's own values (camera, tags), which read the same in either."""
    m = a.metadata
    parts: list[L10n] = []
    if a.distance_m is not None:
        parts.append(say("evidence.gps-from-home", d=texts.distance(a.distance_m)))
    elif m.gps is not None:
        parts.append(say("evidence.gps"))
    if m.taken_at:
        parts.append(say("evidence.taken", when=m.taken_at))
    if m.camera:
        parts.append(say("evidence.camera", camera=m.camera))
    parts += [L10n.same(f"{name}: {value}") for name, value in (*m.identifying,
                                                                  *m.location_names)]
    return L10n(en="; ".join(p.en for p in parts), nl="; ".join(p.nl for p in parts))


def image_findings(url: str, a: PhotoAssessment, check_id: str,
                   subject: Subject) -> list[Finding]:
    out: list[Finding] = []
    summary = _summary(a)
    gps_severity = a.gps_severity
    if gps_severity is not None:
        out.append(Finding(
            check_id=check_id, subject=subject, key=f"photo-gps:{url}",
            title=texts.gps_title(a), severity=gps_severity,
            remediation=texts.gps_remediation(online=True),
            evidence=Evidence(url=url,
                              matched=("home-location",) if a.distance_m is not None else (),
                              labels=(_HOME,) if a.distance_m is not None else ()),
            detail=summary,
        ))
    tags_severity = a.identifying_severity
    if tags_severity is not None:
        names = tuple(n for n, _ in (*a.metadata.identifying, *a.metadata.location_names))
        out.append(Finding(
            check_id=check_id, subject=subject, key=f"photo-tags:{url}",
            title=texts.IDENTIFYING_TITLE, severity=tags_severity,
            remediation=texts.identifying_remediation(online=True),
            evidence=Evidence(url=url,
                              matched=tuple(f"photo-tag:{n}" for n in names),
                              labels=tuple(L10n.same(n) for n in names)),
            detail=summary,
        ))
    return out


def _unchecked_finding(unchecked: list[Unchecked], check_id: str, subject: Subject) -> Finding:
    urls = sorted(u.url for u in unchecked)
    digest = hashlib.sha256("\n".join(urls).encode()).hexdigest()[:12]
    count = say("evidence.not-checked", n=len(unchecked))
    detail = L10n(
        en="\n".join([f"{count.en}:", *(f"{u.url}: {u.reason.en}" for u in unchecked)]),
        nl="\n".join([f"{count.nl}:", *(f"{u.url}: {u.reason.nl}" for u in unchecked)]))
    return Finding(
        check_id=check_id, subject=subject, key=f"photos-unchecked:{digest}",
        title=texts.UNCHECKED_TITLE, severity=Severity.INFO,
        remediation=texts.unchecked_remediation(), kind=FindingKind.MANUAL,
        evidence=Evidence(url=unchecked[0].url),
        detail=detail,
    )
