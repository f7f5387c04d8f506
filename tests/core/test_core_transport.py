"""The per-host cap holds on real sockets, whatever the checks ask for."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from footprint.http.client import HttpOptions, build_client, session_for


@pytest.fixture
def counting_server() -> Iterator[tuple[str, dict[str, int]]]:
    state = {"now": 0, "peak": 0, "total": 0}
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802
            with lock:
                state["now"] += 1
                state["total"] += 1
                state["peak"] = max(state["peak"], state["now"])
            time.sleep(0.05)
            with lock:
                state["now"] -= 1
            self.send_response(200)
            self.send_header("content-length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", state
    server.shutdown()
    server.server_close()


async def test_per_host_cap(counting_server: tuple[str, dict[str, int]]) -> None:
    base, state = counting_server
    options = HttpOptions(per_host=2)
    async with build_client((), options) as client:
        session = session_for(client, options)
        responses = await asyncio.gather(*(session.get(f"{base}/{i}") for i in range(10)))
    assert [r.status_code for r in responses] == [200] * 10
    assert state["total"] == 10 and state["peak"] == 2
