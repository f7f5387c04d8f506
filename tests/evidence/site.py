"""A loopback site for evidence tests: pages, redirect chains, gzip and chunked bodies,
large and stalled answers, over http or TLS (a throwaway trustme CA)."""

from __future__ import annotations

import gzip
import ssl
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import trustme

# A doxing page as they are posted: name, street, house number, postcode and a phone.
DOX_PAGE = ("<html><head><title>Wie is wie</title></head><body><h1>Wethouder Jan de Vries"
            "</h1><p>Woont op Kerkstraat 12a, 3511 AB Utrecht. Bel hem: 06-12345678.</p>"
            "<p>Ga eens langs!</p></body></html>")

# Text that would become markup in a statement if it were not escaped.
HOSTILE_PAGE = ("<html><body><p>&lt;script&gt;alert(1)&lt;/script&gt; [klik](javascript:alert(1))"
                " ![x](http://evil.example/t.png) Kerkstraat 12a \x1b]8;;http://evil.example"
                "\x1b\\ &lt;img src=x onerror=alert(2)&gt;</p></body></html>")


@dataclass
class Seen:
    paths: list[str] = field(default_factory=list)
    headers: list[dict[str, str]] = field(default_factory=list)
    certificate: bytes = b""


def _handler(seen: Seen) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            seen.paths.append(self.path)
            seen.headers.append({k.lower(): v for k, v in self.headers.items()})
            if self.path == "/stall":
                time.sleep(5)
                return
            if self.path.startswith("/hop/"):
                n = int(self.path.rsplit("/", 1)[1])
                target = "/dox" if n >= 3 else f"/hop/{n + 1}"
                self._send(302 if n % 2 else 301, b"moved", [("Location", target)])
            elif self.path == "/dox":
                self._send(200, DOX_PAGE.encode())
            elif self.path == "/gzip":
                self._send(200, gzip.compress(DOX_PAGE.encode()),
                           [("Content-Encoding", "gzip")])
            elif self.path == "/chunked":
                self._chunked(DOX_PAGE.encode())
            elif self.path == "/big":
                self._send(200, DOX_PAGE.encode() + b"x" * (3 * 1024 * 1024))
            elif self.path == "/doc.pdf":  # an address in a PDF is not read, so not "clear"
                self._send(200, b"%PDF-1.4 Kerkstraat 12a", [("X-Kind", "pdf")],
                           content_type="application/pdf")
            elif self.path == "/hostile":
                self._send(200, HOSTILE_PAGE.encode())
            elif self.path == "/away":
                self._send(302, b"", [("Location", "ftp://127.0.0.1/file")])
            else:
                self._send(404, b"not found")

        def _send(self, status: int, body: bytes, extra: list[tuple[str, str]] | None = None,
                  content_type: str = "text/html; charset=utf-8") -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            for name, value in extra or []:
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

        def _chunked(self, body: bytes) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for part in (body[:40], body[40:]):
                self.wfile.write(f"{len(part):x}\r\n".encode() + part + b"\r\n")
            self.wfile.write(b"0\r\n\r\n")

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


@contextmanager
def site(tls: trustme.CA | None = None) -> Iterator[tuple[str, Seen]]:
    """The site's base URL and what it saw; over TLS, ``seen.certificate`` is its DER."""
    seen = Seen()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(seen))
    server.daemon_threads = True
    scheme = "http"
    if tls is not None:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        leaf = tls.issue_cert("127.0.0.1", "localhost")
        leaf.configure_cert(context)
        seen.certificate = ssl.PEM_cert_to_DER_cert(leaf.cert_chain_pems[0].bytes().decode())
        server.socket = context.wrap_socket(server.socket, server_side=True)
        scheme = "https"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"{scheme}://127.0.0.1:{server.server_address[1]}", seen
    finally:
        server.shutdown()
        server.server_close()
