"""What a network failure means for the person reading the report, in one clear reason.

The engine asks here before its generic "network error": a proxy that refused or could
not be reached, and a certificate that was not trusted (often a network filter inspecting
TLS), each get their own plain sentence. A certificate failure is inconclusive: the site
may be fine, footprint just could not see it.
"""

from __future__ import annotations

import errno
import socket
import ssl
from typing import Literal

import httpx

from footprint.http.deadline import DeadlineExceeded
from footprint.http.tls import DOCS_SECTION, certificate_error
from footprint.models import L10n, Status


def describe(exc: BaseException) -> tuple[Status, L10n] | None:
    """A status and reason for ``exc``, or None to leave it to the generic wording."""
    if isinstance(exc, httpx.ProxyError):
        return Status.ERROR, L10n(en=str(exc), nl=f"via de proxy lukte het niet: {exc}")
    if isinstance(exc, httpx.ConnectError):
        cert = certificate_error(exc)
        if cert is not None:
            return Status.INCONCLUSIVE, _untrusted(_host(exc), cert.verify_message or str(cert))
    return None


ConnectionFailure = Literal["proxy", "connect-timeout", "tls", "dns", "refused", "unreachable",
                            "connect"]
_UNREACHABLE = {errno.ENETUNREACH, errno.EHOSTUNREACH, errno.ENETDOWN, errno.EHOSTDOWN,
                errno.EADDRNOTAVAIL}
# what the messages say where a transport kept no cause chain
_BY_WORDS: tuple[tuple[ConnectionFailure, tuple[str, ...]], ...] = (
    ("tls", ("certificate", "ssl", "tls")),
    ("dns", ("name or service not known", "nodename nor servname", "no address associated",
             "temporary failure in name resolution", "getaddrinfo failed", "no address for")),
    ("refused", ("refused",)),
    ("unreachable", ("unreachable",)),
)


def connection_failure(exc: BaseException) -> ConnectionFailure | None:
    """The connection-level cause of ``exc``, for telling "no network" from "a site did not
    answer": None when the connection was made (or it was not a network error at all).

    Works for every transport footprint ships: the cause chain keeps the OSError or the
    ssl error behind the httpx exception; the message is the last resort."""
    if isinstance(exc, httpx.ProxyError):
        return "proxy"
    if isinstance(exc, httpx.ConnectTimeout):
        return "connect-timeout"
    if not isinstance(exc, httpx.ConnectError):
        return None
    kind: ConnectionFailure | None = None
    cause: BaseException | None = exc
    for _ in range(16):  # a cause chain is short; never follow a cycle
        if cause is None:
            break
        if isinstance(cause, ssl.SSLError | ssl.CertificateError):
            return "tls"
        if isinstance(cause, socket.gaierror):
            return "dns"
        if isinstance(cause, ConnectionRefusedError):
            return "refused"
        if isinstance(cause, OSError) and cause.errno in _UNREACHABLE:
            kind = "unreachable"
        cause = cause.__cause__ or cause.__context__
    if kind is not None:
        return kind
    text = str(exc).lower()
    for found, words in _BY_WORDS:
        if any(word in text for word in words):
            return found
    return "connect"


def plain_reason(exc: httpx.HTTPError) -> str:
    """One short English reason for a command's error line: a proxy's or the deadline's own
    sentence, a certificate a network filter may have replaced, else the kind of failure."""
    if isinstance(exc, httpx.ProxyError | DeadlineExceeded):
        return str(exc)
    described = describe(exc)
    return described[1].en if described else type(exc).__name__


def deadline_reason(exc: BaseException) -> L10n | None:
    if not isinstance(exc, DeadlineExceeded):
        return None
    host = _host(exc)
    return L10n(en=f"no complete answer from {host} within {exc.seconds:g} s (the overall "
                   "limit per request)",
                nl=f"geen volledig antwoord van {host} binnen {exc.seconds:g} s (de "
                   "grens per verzoek)")


def _untrusted(host: str, why: str) -> L10n:
    return L10n(
        en=f"the certificate of {host} is not trusted ({why}). On a work, school or public "
           "network this may be a network filter inspecting TLS; footprint could not "
           f"check this site. See {DOCS_SECTION}",
        nl=f"het certificaat van {host} wordt niet vertrouwd ({why}). Op een werk-, school- "
           "of openbaar netwerk kan dit een netwerkfilter zijn dat TLS inspecteert; "
           f"footprint kon deze site niet controleren. Zie {DOCS_SECTION}")


def _host(exc: BaseException) -> str:
    try:
        return str(exc.request.url.host)  # type: ignore[attr-defined]
    except (AttributeError, RuntimeError):
        return "the service"
