"""Each guided step as a check: sends nothing, yields one finding of kind "manual"."""

from __future__ import annotations

from collections.abc import Iterable

from footprint.check import BaseCheck, CheckContext
from footprint.models import Evidence, Finding, FindingKind, Remediation, Subject
from footprint_checks.guides.model import Guide


class GuideCheck(BaseCheck):
    guide_only = True  # no network: `footprint checklist` runs these offline

    def __init__(self, guide: Guide) -> None:
        self.guide = guide
        self.id = f"guide.{guide.id}"
        self.title = guide.title

    async def run(self, subject: Subject, ctx: CheckContext) -> Iterable[Finding]:
        return [guide_finding(self.guide, self.id, subject, ctx)]


def guide_finding(guide: Guide, check_id: str, subject: Subject, ctx: CheckContext) -> Finding:
    deep = guide.deep_link.for_profile(ctx.profile) if guide.deep_link else None
    links = (deep, *guide.links) if deep is not None else guide.links
    return Finding(
        check_id=check_id, subject=subject, key=guide.id,  # stable: suppressions use it
        title=guide.title, severity=guide.severity, kind=FindingKind.MANUAL,
        detail=guide.why,
        remediation=Remediation(summary=guide.summary, steps=(*guide.check, *guide.fix),
                                links=links, effort=guide.effort),
        evidence=Evidence(url=links[0].url if links else None))
