"""footprint's public plugin API, version 1: everything a check needs, in one import.

    from footprint.plugin import BaseCheck, CheckContext, Finding, L10n, ...

What is named here keeps its meaning for as long as the entry-point group is
``footprint.checks.v1``; everything else in ``footprint`` is internal and may change. The
built-in checks use the same pieces.

- the contract: :class:`BaseCheck` (defaults to subclass; any object with the same
  attributes will do), :class:`CheckContext`, and the outcomes :class:`Skip` and
  :class:`Inconclusive`;
- the models a finding is made of, in both languages;
- :class:`HttpSession`, the scan's one guarded client (``ctx.http``): a request that would
  carry a private marker is refused before it leaves;
- local matching of private markers (:func:`find_markers`, :func:`masked_excerpt`, ...):
  the user's private details are only ever compared here, never sent; ``marker_key``
  names what matched in ``Evidence.matched`` (docs/report-format.md lists the keys);
- page reading: ``await ctx.pages.read(html, url)`` in a check (found pages go to a worker
  process when a scan reads many; :class:`PageNotRead` when the page crashed or hung the
  reader: report it as unread, never as clear), :func:`extract_page` outside a scan;
- the registrable domain of a host.
"""

from __future__ import annotations

from footprint.check import BaseCheck, Check, CheckContext, Inconclusive, Skip
from footprint.dns import DnsAnswer, Resolver
from footprint.domains import registrable_domain
from footprint.errors import ConfigError, PluginError, PrivateDataBlocked, ResponseTooLarge
from footprint.extract import PageText, extract_page
from footprint.http.session import HttpSession, retry_after_seconds
from footprint.matching import (
    GenericHit,
    MarkerMatch,
    contains_marker,
    find_markers,
    generic_hits,
    masked_excerpt,
    postcode_near_number,
)
from footprint.matchkeys import marker_key
from footprint.models import (
    PROFILE_SUBJECT,
    Disclosure,
    Effort,
    Evidence,
    Finding,
    FindingKind,
    Kind,
    L10n,
    Lang,
    Link,
    Remediation,
    Severity,
    Subject,
)
from footprint.page_reader import PageNotRead, PageReaders
from footprint.profile.markers import Marker, MarkerKind, fold
from footprint.profile.model import Profile
from footprint.textsafe import clean

__all__ = [
    "PROFILE_SUBJECT",
    "BaseCheck",
    "Check",
    "CheckContext",
    "ConfigError",
    "Disclosure",
    "DnsAnswer",
    "Effort",
    "Evidence",
    "Finding",
    "FindingKind",
    "GenericHit",
    "HttpSession",
    "Inconclusive",
    "Kind",
    "L10n",
    "Lang",
    "Link",
    "Marker",
    "MarkerKind",
    "MarkerMatch",
    "PageNotRead",
    "PageReaders",
    "PageText",
    "PluginError",
    "PrivateDataBlocked",
    "Profile",
    "Remediation",
    "Resolver",
    "ResponseTooLarge",
    "Severity",
    "Skip",
    "Subject",
    "clean",
    "contains_marker",
    "extract_page",
    "find_markers",
    "fold",
    "generic_hits",
    "marker_key",
    "masked_excerpt",
    "postcode_near_number",
    "registrable_domain",
    "retry_after_seconds",
]
