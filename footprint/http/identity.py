"""How footprint introduces itself to servers: fixed text, the same in every request."""

from __future__ import annotations

from http.cookiejar import Cookie, CookieJar
from urllib.request import Request

import httpx

from footprint import __version__

USER_AGENT = f"footprint-audit/{__version__} (self-audit of one's own footprint; no crawling)"
ACCEPT_ENCODING = "gzip, deflate"  # what the bounded body reader (body.py) can inflate

# Header values footprint itself sets. They carry no data about the person, so the guard
# skips them: otherwise a family member called "Ling" (inside "no crawling") would get
# every request blocked.
FIXED_HEADERS = frozenset({("user-agent", USER_AGENT), ("accept-encoding", ACCEPT_ENCODING)})


class NoCookies(CookieJar):
    """A cookie jar that keeps nothing: footprint never sends back what a server set.

    A cookie is data the server chose, sent again with the next request; holding a
    candidate postcode, it would make that request blocked or not, one bit per probe."""

    def extract_cookies(self, response: object, request: Request) -> None:
        return None

    def set_cookie(self, cookie: Cookie) -> None:
        return None


class Cookieless(httpx.Cookies):
    """The client's cookies: always none. httpx hands every response to its cookie store,
    which wraps it in urllib's request and response types first (50 µs a response) even
    when the jar would keep nothing; this store skips that work."""

    def __init__(self) -> None:
        super().__init__(NoCookies())

    def extract_cookies(self, response: httpx.Response) -> None:
        return None


class CookielessClient(httpx.AsyncClient):
    """An AsyncClient whose cookie store is always :class:`Cookieless`."""

    _none = Cookieless()

    @property
    def cookies(self) -> httpx.Cookies:
        return self._none

    @cookies.setter
    def cookies(self, cookies: object) -> None:
        return None  # footprint keeps no cookies, whoever asks
