"""The page-reading worker process: HTML in on stdin, :class:`PageText` out on stdout.

A scan that finds many pages spends most of its CPU parsing them (about 3 ms per 100 KiB
page). :mod:`footprint.page_reader` hands them to this process so the event loop goes on
with the network meanwhile, and so a page that crashes or hangs the parser ends only its
own reading. The worker is given page text and its address, nothing from the profile:
private markers are matched back in the scan's own process.

Frames (all integers unsigned 32-bit, network order):

* request: ``id``, ``len(url)``, ``len(html)``, then both as UTF-8;
* answer: ``id``, ``len(payload)``, then the payload: ``len(head)``, a JSON head (the
  title, the byte sizes of what follows, the number of links and images; or
  ``{"error": "<exception name>"}`` when reading the page raised), then the text, the links
  and the images in UTF-8, the lists one value per line.
"""

from __future__ import annotations

import contextlib
import json
import signal
import struct
import sys
from typing import BinaryIO, TypeGuard

from footprint.pagetext import PageText

REQUEST = struct.Struct("!III")
ANSWER = struct.Struct("!II")
HEAD = struct.Struct("!I")  # the answer's JSON head, before the text and the lists
# the scan caps every body long before this; a frame claiming more is not from the scan
MAX_FRAME = 256 * 1024 * 1024
PIPE_BYTES = 1024 * 1024
# how a frozen (single-file) program is told to be the worker instead of the command line
FROZEN_FLAG = "--footprint-page-worker"


def request_frame(ident: int, url: str, html: str) -> bytes:
    url_bytes = url.encode("utf-8", "replace")
    html_bytes = html.encode("utf-8", "replace")
    return REQUEST.pack(ident, len(url_bytes), len(html_bytes)) + url_bytes + html_bytes


def answer_payload(page: PageText) -> bytes:
    """A small JSON head (the title, sizes and counts), then the text, the links and the
    images as UTF-8, the lists one per line: a fifth of the cost of one JSON document of
    50 KiB of text and 500 links, on both sides of the pipe."""
    head: dict[str, object] = {"title": page.title}
    blobs = [page.text.encode("utf-8", "surrogatepass")]
    for name, values in (("links", page.links), ("images", page.images)):
        joined = "\n".join(values)
        if joined.count("\n") != max(len(values) - 1, 0):  # a value holds a line break
            head[name] = list(values)
            blobs.append(b"")
        else:
            blobs.append(joined.encode("utf-8", "surrogatepass"))
    head["counts"] = [len(page.links), len(page.images)]
    head["sizes"] = [len(blob) for blob in blobs]
    encoded = json.dumps(head).encode("utf-8")
    return HEAD.pack(len(encoded)) + encoded + b"".join(blobs)


def error_payload(exc: BaseException) -> bytes:
    encoded = json.dumps({"error": type(exc).__name__}).encode("utf-8")
    return HEAD.pack(len(encoded)) + encoded


def page_from(payload: bytes) -> PageText:
    """The PageText of an answer; ValueError for an error answer or a malformed one."""
    if len(payload) < HEAD.size:
        raise ValueError("the page reader's answer is not a page")
    [head_size] = HEAD.unpack_from(payload)
    head = json.loads(payload[HEAD.size:HEAD.size + head_size])
    if not isinstance(head, dict):
        raise ValueError("the page reader's answer is not a page")
    if "error" in head:
        raise ValueError(f"the page reader failed on it ({str(head['error'])[:80]})")
    title, sizes, counts = head.get("title"), head.get("sizes"), head.get("counts")
    if not (isinstance(title, str) and _ints(sizes, 3) and _ints(counts, 2)
            and HEAD.size + head_size + sum(sizes) == len(payload)):
        raise ValueError("the page reader's answer is not a page")
    at, blobs = HEAD.size + head_size, []
    for size in sizes:
        blobs.append(payload[at:at + size].decode("utf-8", "surrogatepass"))
        at += size
    text, lists = blobs[0], []
    for name, blob, count in zip(("links", "images"), blobs[1:], counts, strict=True):
        if name in head:  # the list was sent in the head: JSON can hold anything
            values = head[name]
            if not (isinstance(values, list) and all(isinstance(v, str) for v in values)):
                raise ValueError("the page reader's answer is not a page")
        else:
            values = blob.split("\n") if count else []
        if len(values) != count:
            raise ValueError("the page reader's answer is not a page")
        lists.append(tuple(values))
    return PageText(title=title, text=text, links=lists[0], images=lists[1])


def _ints(value: object, length: int) -> TypeGuard[list[int]]:
    return isinstance(value, list) and len(value) == length and \
        all(isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in value)


def _read_exactly(stream: BinaryIO, size: int) -> bytes | None:
    chunks, left = [], size
    while left:
        chunk = stream.read(left)
        if not chunk:
            return None
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def serve(source: BinaryIO, sink: BinaryIO) -> None:
    """Read pages until the scan closes the pipe."""
    from footprint.extract import extract_page

    while (header := _read_exactly(source, REQUEST.size)) is not None:
        ident, url_size, html_size = REQUEST.unpack(header)
        if url_size + html_size > MAX_FRAME:
            return
        body = _read_exactly(source, url_size + html_size)
        if body is None:
            return
        url = body[:url_size].decode("utf-8", "replace")
        html = body[url_size:].decode("utf-8", "replace")
        try:
            payload = answer_payload(extract_page(html, url))
        except Exception as exc:  # noqa: BLE001 - one page's failure is that page's answer
            payload = error_payload(exc)
        sink.write(ANSWER.pack(ident, len(payload)) + payload)
        sink.flush()


def _widen_pipes() -> None:
    """A pipe moves at most its buffer per turn of the scan's event loop, and a turn of a
    busy scan takes milliseconds: with Linux's 64 KiB, 170 pages of 100 KiB took a second
    to get through. Either end may resize a pipe (F_SETPIPE_SZ; 1 MiB is Linux's default
    ceiling for unprivileged processes); elsewhere the pipes stay as they are."""
    try:
        import fcntl
    except ImportError:  # Windows
        return
    setpipe = getattr(fcntl, "F_SETPIPE_SZ", None)
    if setpipe is None:
        return
    for stream in (sys.stdin, sys.stdout):
        with contextlib.suppress(OSError, ValueError):
            fcntl.fcntl(stream.fileno(), setpipe, PIPE_BYTES)


def main() -> None:
    _widen_pipes()
    # Ctrl-C reaches the whole process group: the scan decides what an interrupt means,
    # and ends the worker by closing its input (or killing it)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        serve(sys.stdin.buffer, sys.stdout.buffer)
    except BrokenPipeError:  # the scan went away
        pass


if __name__ == "__main__":
    main()
