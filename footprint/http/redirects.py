"""Following a redirect, footprint's way: keys stay with their service.

httpx drops only ``Authorization`` when a redirect leaves the origin, so an API key in a
header of its own (or in the query) would follow a redirect to any host. Here a request
that carries a secret (a value of the scan's secrets, or ``Authorization``,
``Proxy-Authorization`` or ``Cookie``) does not follow a redirect to another origin at
all, no request follows one from https to http, a request that expects an API's own answer
does not follow one to another site either (that site's empty answer must never read as
"clear"), and the redirect target, which the server chose, passes the quarantine like any
other server-supplied address.
"""

from __future__ import annotations

from collections.abc import Collection

import httpx

from footprint.errors import RedirectRefused
from footprint.http.quarantine import Quarantine

REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})
CREDENTIAL_HEADERS = frozenset({"authorization", "proxy-authorization", "cookie"})
_BODY_HEADERS = ("content-length", "transfer-encoding", "content-type")
MIN_SECRET_LENGTH = 6  # shorter values would match by chance; keys are much longer


def is_redirect(response: httpx.Response) -> bool:
    return response.status_code in REDIRECT_CODES and "location" in response.headers


def carries_secret(request: httpx.Request, secrets: Collection[str]) -> bool:
    """Whether the request holds credentials: a credential header, or a secret's value
    anywhere in the address, a header or the body."""
    if any(name.lower() in CREDENTIAL_HEADERS for name in request.headers):
        return True
    values = [s for s in secrets if len(s) >= MIN_SECRET_LENGTH]
    if not values:
        return False
    texts = [str(request.url), request.url.query.decode("latin-1"), *request.headers.values()]
    body = request.content.decode("latin-1") if request.content else ""
    return any(v in t for v in values for t in (*texts, body))


def _target(request: httpx.Request, response: httpx.Response) -> httpx.URL:
    location = response.headers["location"]
    try:
        url = request.url.join(location)
    except httpx.InvalidURL as exc:
        raise httpx.RemoteProtocolError(f"invalid redirect address: {exc}",
                                        request=request) from None
    if url.scheme not in ("http", "https"):
        raise httpx.InvalidURL(f"a redirect to a {url.scheme or 'relative'}: address")
    if request.url.fragment and not url.fragment:
        url = url.copy_with(fragment=request.url.fragment)
    return url


def _method(request: httpx.Request, status: int) -> str:
    if status in (302, 303) and request.method != "HEAD":
        return "GET"  # what browsers do, whatever the standard allows
    if status == 301 and request.method == "POST":
        return "GET"
    return request.method


def _same_origin(a: httpx.URL, b: httpx.URL) -> bool:
    return (a.scheme, a.host, a.port) == (b.scheme, b.host, b.port)


def next_request(request: httpx.Request, response: httpx.Response, *,
                 secrets: Collection[str], quarantine: Quarantine,
                 api: bool = False) -> httpx.Request:
    """The request a redirect asks for, or an error saying why it is not followed.

    ``api``: the caller expects a service's own answer (JSON from an API), so a redirect
    to another site is not that answer, whatever the other site would say."""
    url = _target(request, response)
    source = request.url.host
    if request.url.scheme == "https" and url.scheme == "http":
        raise RedirectRefused(source, url.host, "from https to plain http")
    cross = not _same_origin(request.url, url)
    if cross and carries_secret(request, secrets):
        raise RedirectRefused(source, url.host, "the request carries a key or credentials, "
                                                "which stay with their own service")
    if cross and api:
        raise RedirectRefused(source, url.host, "an answer from the service itself was "
                                                "expected, not a redirect to another site")
    method = _method(request, response.status_code)
    headers = httpx.Headers(request.headers)
    headers.pop("cookie", None)  # footprint keeps no cookies, and sends none back
    headers["host"] = url.netloc.decode("ascii")
    content = request.content
    if method != request.method and method == "GET":
        for name in _BODY_HEADERS:
            headers.pop(name, None)
        content = b""
    follow = httpx.Request(method, url, headers=headers, content=content or None,
                           extensions=request.extensions)
    quarantine.admit(request.url, [follow])  # the server chose it: a group of one
    return follow
