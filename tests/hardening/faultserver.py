"""A misbehaving HTTP server on 127.0.0.1, for fault tests against the real HTTP stack.

Each path is a fault: ``/stall`` sends half a body and goes quiet, ``/reset`` drops the
connection with a TCP reset, ``/big`` streams 20 MB, ``/gzip-bomb`` sends a small gzip body
that inflates to hundreds of megabytes, and so on. It speaks just enough HTTP/1.1 by hand
(one request per connection, ``Connection: close``) so that it can misbehave in ways a
framework would not allow. Stalls end when the server stops, so no test hangs on it.
"""

from __future__ import annotations

import json
import socket
import socketserver
import struct
import threading
import time
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

BIG_BODY_BYTES = 20 * 1024 * 1024
BOMB_INFLATED_BYTES = 200 * 1024 * 1024
NESTED_TAGS = 100_000


@dataclass(frozen=True, slots=True)
class Reply:
    status: int = 200
    headers: tuple[tuple[str, str], ...] = ()
    body: bytes = b""


def _bomb() -> bytes:
    # Zeros compress about 1000:1; built once per process, in 1 MiB pieces.
    block = bytes(1024 * 1024)
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)  # wbits 31: a gzip container
    pieces = [compressor.compress(block) for _ in range(BOMB_INFLATED_BYTES // len(block))]
    return b"".join(pieces) + compressor.flush()


_BOMB: bytes | None = None


def gzip_bomb() -> bytes:
    global _BOMB
    if _BOMB is None:
        _BOMB = _bomb()
    return _BOMB


def nested_html(depth: int = NESTED_TAGS, inner: str = "deep inside") -> bytes:
    return ("<html><head><title>nested</title></head><body>" + "<div>" * depth + inner
            + "</div>" * depth + "</body></html>").encode()


def _reason(status: int) -> str:
    from http import HTTPStatus

    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"


@dataclass
class FaultServer:
    """Start with :func:`serve`; ``url(path)`` gives an address, ``hits`` counts requests."""

    host: str = "127.0.0.1"
    port: int = 0
    hits: Counter[str] = field(default_factory=Counter)
    stop: threading.Event = field(default_factory=threading.Event)
    pages: dict[str, Reply] = field(default_factory=dict)  # extra fixed answers by path
    heads: list[str] = field(default_factory=list)  # every request line and header block

    def url(self, path: str) -> str:
        return f"http://{self.host}:{self.port}{path}"


class _Handler(socketserver.BaseRequestHandler):
    server: _Server

    def handle(self) -> None:
        conn: socket.socket = self.request
        conn.settimeout(5)
        try:
            head = _read_head(conn)
        except (OSError, ValueError):
            return
        if head is None:
            return
        method, path, raw_head = head
        state = self.server.state
        state.hits[path.split("?", 1)[0]] += 1
        state.heads.append(raw_head)
        try:
            behave = _BEHAVIOURS.get(path.split("?", 1)[0])
            if path.startswith("/echo"):
                _send(conn, _echo(path, raw_head), method)
            elif behave is not None:
                behave(conn, state, method)
            elif path in state.pages or path.split("?", 1)[0] in state.pages:
                _send(conn, state.pages.get(path) or state.pages[path.split("?", 1)[0]], method)
            else:
                _send(conn, Reply(404, (("Content-Type", "text/plain"),), b"not here"), method)
        except OSError:
            pass  # the client went away: that is what several faults provoke


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True
    state: FaultServer


def _read_head(conn: socket.socket) -> tuple[str, str, str] | None:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return None
        data += chunk
        if len(data) > 1024 * 1024:
            raise ValueError("request head too large")
    head = data.split(b"\r\n\r\n", 1)[0].decode("latin-1")
    method, path, _version = head.split("\r\n", 1)[0].split(" ", 2)
    return method, path, head


def _head_bytes(reply: Reply, length: int | None) -> bytes:
    lines = [f"HTTP/1.1 {reply.status} {_reason(reply.status)}", "Connection: close"]
    lines += [f"{k}: {v}" for k, v in reply.headers]
    if length is not None:
        lines.append(f"Content-Length: {length}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def _send(conn: socket.socket, reply: Reply, method: str = "GET") -> None:
    body = b"" if method == "HEAD" else reply.body
    conn.sendall(_head_bytes(reply, len(reply.body)) + body)


def _json(status: int, payload: object, *extra: tuple[str, str]) -> Reply:
    return Reply(status, (("Content-Type", "application/json"), *extra),
                 json.dumps(payload).encode())


def _stall(conn: socket.socket, state: FaultServer, method: str) -> None:
    conn.sendall(_head_bytes(Reply(200, (("Content-Type", "text/html"),)), 100_000)
                 + b"<html><body>half a page")
    state.stop.wait(30)


def _stall_headers(conn: socket.socket, state: FaultServer, method: str) -> None:
    state.stop.wait(30)


def _reset(conn: socket.socket, state: FaultServer, method: str) -> None:
    # SO_LINGER with a zero timeout makes close() send RST instead of FIN.
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    conn.close()


def _reset_mid_body(conn: socket.socket, state: FaultServer, method: str) -> None:
    conn.sendall(_head_bytes(Reply(200, (("Content-Type", "text/html"),)), 50_000)
                 + b"<html><body>" + b"x" * 1000)
    time.sleep(0.05)
    _reset(conn, state, method)


def _big(conn: socket.socket, state: FaultServer, method: str) -> None:
    conn.sendall(_head_bytes(Reply(200, (("Content-Type", "text/html"),)), BIG_BODY_BYTES))
    chunk = b"<p>" + b"a" * 65_529 + b"</p>"
    sent = 0
    while sent < BIG_BODY_BYTES and not state.stop.is_set():
        piece = chunk[: BIG_BODY_BYTES - sent]
        conn.sendall(piece)
        sent += len(piece)


def _bomb_reply(conn: socket.socket, state: FaultServer, method: str) -> None:
    body = gzip_bomb()
    reply = Reply(200, (("Content-Type", "text/html"), ("Content-Encoding", "gzip")), body)
    _send(conn, reply, method)


def _counted_status(status: int, *headers: tuple[str, str]) -> Callable[..., None]:
    def behave(conn: socket.socket, state: FaultServer, method: str) -> None:
        _send(conn, _json(status, {"error": _reason(status)}, *headers), method)
    return behave


def _redirect_loop(conn: socket.socket, state: FaultServer, method: str) -> None:
    n = state.hits["/loop"]
    target = "/loop?n=" + str(n % 2)  # alternates between two URLs, forever
    _send(conn, Reply(302, (("Location", target),), b""), method)


def _echo(path: str, head: str) -> Reply:
    """A hostile API that repeats the request (API keys included) in every field it has:
    ``/echo401...`` as an error, ``/echo200...`` as results."""
    lines = head.split("\r\n")
    plain = ("host", "connection", "user-agent", "accept-encoding", "accept", "content-length")
    sent = [line.split(":", 1)[1].strip() for line in lines[1:]
            if ":" in line and line.split(":", 1)[0].lower() not in plain]
    query = lines[0].split(" ")[1].partition("?")[2]
    said = f"invalid API key {' '.join(sent)} {query}".strip()
    item = {"url": "https://example.org/r", "title": said, "content": said,
            "description": said, "summary": said, "entityId": "d1", "naam": said,
            "kvkNummer": "87654321", "Name": "Echo", "Title": said, "Description": said,
            "Domain": "example.org", "BreachDate": "2020-01-01", "DataClasses": [said]}
    body = {"statusCode": 401, "message": said, "error": said, "detail": said,
            "fout": [{"code": "IPD0001", "omschrijving": said}], "Error": said,
            "results": [item], "web": {"results": [item]}, "resultaten": [item], "totaal": 1,
            "markdownText": said, "entry": [item], "displayName": said}
    status = 401 if path.startswith("/echo401") else 200
    return _json(status, body, ("WWW-Authenticate", f'Bearer error="{said[:200]}"'
                                                    .replace("\r\n", " ")))


def _trickle(conn: socket.socket, state: FaultServer, method: str) -> None:
    """A byte every 0.2 s: no single read times out, only the check's budget ends it."""
    conn.sendall(_head_bytes(Reply(200, (("Content-Type", "text/html"),)), 10_000))
    for _ in range(10_000):
        if state.stop.wait(0.2):
            return
        conn.sendall(b"x")


def _huge_headers(conn: socket.socket, state: FaultServer, method: str) -> None:
    headers = tuple((f"X-Filler-{i}", "y" * 4000) for i in range(100))
    _send(conn, Reply(200, (("Content-Type", "text/html"), *headers), b"<p>hi</p>"), method)


def _garbage(conn: socket.socket, state: FaultServer, method: str) -> None:
    conn.sendall(b"SSH-2.0-OpenSSH_9.6\r\n\x00\xff\xfe garbage \x1b]0;title\x07\r\n")


def _deflate_forever(conn: socket.socket, state: FaultServer, method: str) -> None:
    """A raw deflate stream of empty stored blocks, never final: inflates to nothing, for
    ever. Chunked, so no length announces an end."""
    conn.sendall(b"HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: text/html\r\n"
                 b"Content-Encoding: deflate\r\nTransfer-Encoding: chunked\r\n\r\n")
    block = b"\x00\x00\x00\xff\xff" * 13_000  # 65,000 bytes of empty blocks
    chunk = f"{len(block):x}\r\n".encode() + block + b"\r\n"
    while not state.stop.is_set():
        conn.sendall(chunk)
        state.hits["/deflate-forever bytes"] += len(block)


def _redirect_to(target: str) -> Callable[..., None]:
    def behave(conn: socket.socket, state: FaultServer, method: str) -> None:
        _send(conn, Reply(302, (("Location", target),), b""), method)
    return behave


_BEHAVIOURS: dict[str, Callable[[socket.socket, FaultServer, str], None]] = {
    "/stall": _stall,
    "/stall-headers": _stall_headers,
    "/reset": _reset,
    "/reset-mid-body": _reset_mid_body,
    "/big": _big,
    "/gzip-bomb": _bomb_reply,
    "/429": _counted_status(429),
    "/429-retry-now": _counted_status(429, ("Retry-After", "0")),
    "/429-retry-later": _counted_status(429, ("Retry-After", "3600")),
    "/429-retry-date": _counted_status(429, ("Retry-After", "Wed, 21 Oct 2099 07:28:00 GMT")),
    "/429-retry-garbage": _counted_status(429, ("Retry-After", "soon, maybe -1")),
    "/500": _counted_status(500),
    "/502": _counted_status(502),
    "/503": _counted_status(503),
    "/503-retry-now": _counted_status(503, ("Retry-After", "0")),
    "/loop": _redirect_loop,
    "/malformed-json": lambda c, s, m: _send(c, Reply(200, (("Content-Type",
                                                              "application/json"),),
                                                      b'{"found": true, "items": [1, 2'), m),
    "/json-not-object": lambda c, s, m: _send(c, _json(200, ["unexpected", "shape"]), m),
    "/trickle": _trickle,
    "/deflate-forever": _deflate_forever,
    "/huge-headers": _huge_headers,
    "/garbage": _garbage,
    "/redirect-file": _redirect_to("file:///etc/passwd"),
    "/redirect-javascript": _redirect_to("javascript:alert(1)"),
    "/deep-json": lambda c, s, m: _send(c, Reply(200, (("Content-Type", "application/json"),),
                                                 b"[" * 100_000 + b"]" * 100_000), m),
    "/nested": lambda c, s, m: _send(c, Reply(200, (("Content-Type", "text/html"),),
                                              nested_html()), m),
}


@contextmanager
def serve(pages: dict[str, Reply] | None = None) -> Iterator[FaultServer]:
    """A fault server on an ephemeral loopback port, stopped (stalls released) on exit."""
    gzip_bomb()  # built before serving, so building it cannot look like a slow server
    state = FaultServer(pages=dict(pages or {}))
    server = _Server((state.host, 0), _Handler)
    server.state = state
    state.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    try:
        yield state
    finally:
        state.stop.set()
        server.shutdown()
        server.server_close()
        thread.join(5)


def refused_port() -> int:
    """A loopback port nothing listens on (bound, then closed)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def full_backlog() -> Iterator[int]:
    """A loopback port whose listen queue is full, so a new connect() hangs until it times out.

    Linux drops SYNs to a listener whose accept queue is full; the listener never accepts,
    and the queue is filled first with a few non-blocking connects.
    """
    listener = socket.socket()
    fillers: list[socket.socket] = []
    try:
        listener.bind(("127.0.0.1", 0))
        listener.listen(0)
        port = int(listener.getsockname()[1])
        for _ in range(8):
            filler = socket.socket()
            filler.setblocking(False)
            fillers.append(filler)
            try:
                filler.connect(("127.0.0.1", port))
            except BlockingIOError:
                pass
        time.sleep(0.05)
        yield port
    finally:
        for filler in fillers:
            filler.close()
        listener.close()
