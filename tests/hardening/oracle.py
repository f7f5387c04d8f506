"""A hostile site on 127.0.0.1 that tries to read private details from footprint's requests.

It answers a page whose image links each carry some of a list of candidate postcodes, a
cookie holding the candidates, and redirect chains that ask one question per hop (the
attacks of issue 14). Every request is recorded (path and headers), so a test can compare
what the site saw for two profiles with different private details.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import quote

# 16 postcodes: four bits of an index each. The profiles of the tests use the first two.
CANDIDATES = tuple(f"{1000 + 137 * i} {chr(65 + i)}{chr(66 + i)}" for i in range(14))
CANDIDATES = ("3511 AB", "1012 NP", *CANDIDATES)
BITS = 4
SVG = b"<svg xmlns='http://www.w3.org/2000/svg'/>"


def bit_links(candidates: tuple[str, ...] = CANDIDATES, bits: int = BITS) -> list[str]:
    """For each bit and value, the candidates with that bit: which images arrive would
    spell the index of the person's postcode (two links per bit)."""
    links = []
    for bit in range(bits):
        for value in (0, 1):
            chosen = [c for i, c in enumerate(candidates) if (i >> bit) & 1 == value]
            links.append(f"/img/{bit}-{value}.svg?c=" + quote(",".join(chosen)))
    return links


def page_html(links: list[str]) -> bytes:
    images = "".join(f"<img src='{link}' alt='photo'>" for link in links)
    return (f"<html><head><title>Raadslid</title></head><body><p>Welkom op mijn pagina.</p>"
            f"{images}</body></html>").encode()


def hop_target(n: int) -> str:
    """Hop ``n`` of a redirect chain: the question "is your postcode among these?"."""
    chosen = [c for i, c in enumerate(CANDIDATES) if (i >> n) & 1]
    return f"/hop/{n + 1}?c=" + quote(",".join(chosen))


@dataclass
class Site:
    base: str = ""
    seen: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    pages: dict[str, bytes] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def url(self, path: str) -> str:
        return self.base + path

    @property
    def paths(self) -> list[str]:
        return [path for path, _ in self.seen]

    @property
    def cookies_sent(self) -> list[str]:
        return [h["cookie"] for _, h in self.seen if "cookie" in h]


@contextmanager
def hostile_site(pages: dict[str, bytes] | None = None) -> Iterator[Site]:
    site = Site(pages=dict(pages or {}))

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            with site.lock:
                site.seen.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
            route = self.path.split("?", 1)[0]
            if route.startswith("/img/"):
                self._send(200, "image/svg+xml", SVG)
            elif route.startswith("/bounce/"):  # an image that redirects with a question
                n = int(route.rsplit("/", 1)[1])
                self._send(302, "text/plain", b"", ("Location", "/img/bounced.svg"
                                                    + hop_target(n).partition("?")[1]
                                                    + hop_target(n).partition("?")[2]))
            elif route.startswith("/hop/"):
                n = int(route.rsplit("/", 1)[1])
                if n < BITS:
                    self._send(302, "text/plain", b"", ("Location", hop_target(n)))
                else:
                    self._send(200, "text/html", b"<html><body><p>end</p></body></html>")
            elif route in site.pages:
                cookie = "guess=" + quote(",".join(CANDIDATES))
                self._send(200, "text/html; charset=utf-8", site.pages[route],
                           ("Set-Cookie", f"{cookie}; Path=/"))
            else:
                self._send(404, "text/plain", b"not here")

        def _send(self, status: int, ctype: str, body: bytes, *extra: tuple[str, str]) -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            for name, value in extra:
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
