"""A tiny page server on 127.0.0.1 for tests that need a real socket."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@contextmanager
def serve(pages: dict[str, tuple[int, str | bytes]], stall: set[str] | None = None,
          hits: list[str] | None = None,
          content_type: str = "text/html; charset=utf-8") -> Iterator[str]:
    """Serves ``pages`` (path -> (status, html)); paths in ``stall`` hang for 30 s.
    Requested paths are appended to ``hits``."""
    stalled = stall or set()
    seen = hits if hits is not None else []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            seen.append(self.path)
            if self.path in stalled:
                time.sleep(30)
                return
            status, body = pages.get(self.path, (404, "not found"))
            data = body.encode() if isinstance(body, str) else body
            self.send_response(status)
            self.send_header("content-type", content_type)
            self.send_header("content-length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
