"""The page-reading worker process: HTML in on stdin, :class:`PageText` out on stdout.

A scan that finds many pages spends most of its CPU parsing them (about 3 ms per 100 KiB
page). :mod:`footprint.page_reader` hands them to this process so the event loop goes on
with the network meanwhile, and so a page that crashes or hangs the parser ends only its
own reading. The worker is given page text and its address, nothing from the profile:
private markers are matched back in the scan's own process.

Frames (all integers unsigned 32-bit, network order):

* request: ``id``, ``len(url)``, ``len(html)``, then both as UTF-8;
* answer: ``id``, ``len(payload)``, then the payload: JSON of the PageText's fields, or
  ``{"error": "<exception name>"}`` when reading it raised.
"""

from __future__ import annotations

import json
import signal
import struct
import sys
from typing import BinaryIO

from footprint.pagetext import PageText

REQUEST = struct.Struct("!III")
ANSWER = struct.Struct("!II")
# the scan caps every body long before this; a frame claiming more is not from the scan
MAX_FRAME = 256 * 1024 * 1024
# how a frozen (single-file) program is told to be the worker instead of the command line
FROZEN_FLAG = "--footprint-page-worker"


def request_frame(ident: int, url: str, html: str) -> bytes:
    url_bytes = url.encode("utf-8", "replace")
    html_bytes = html.encode("utf-8", "replace")
    return REQUEST.pack(ident, len(url_bytes), len(html_bytes)) + url_bytes + html_bytes


def answer_payload(page: PageText) -> bytes:
    return json.dumps({"title": page.title, "text": page.text, "images": page.images,
                       "links": page.links}, ensure_ascii=False).encode("utf-8")


def page_from(payload: bytes) -> PageText:
    """The PageText of an answer; ValueError for an error answer or a malformed one."""
    data = json.loads(payload)
    if not isinstance(data, dict):
        raise ValueError("the page reader's answer is not a page")
    if "error" in data:
        raise ValueError(f"the page reader failed on it ({str(data['error'])[:80]})")
    title, text, images, links = (data.get(k) for k in ("title", "text", "images", "links"))
    if not (isinstance(title, str) and isinstance(text, str) and isinstance(images, list)
            and isinstance(links, list) and all(isinstance(v, str) for v in (*images, *links))):
        raise ValueError("the page reader's answer is not a page")
    return PageText(title=title, text=text, images=tuple(images), links=tuple(links))


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
            payload = json.dumps({"error": type(exc).__name__}).encode("utf-8")
        sink.write(ANSWER.pack(ident, len(payload)) + payload)
        sink.flush()


def main() -> None:
    # Ctrl-C reaches the whole process group: the scan decides what an interrupt means,
    # and ends the worker by closing its input (or killing it)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        serve(sys.stdin.buffer, sys.stdout.buffer)
    except BrokenPipeError:  # the scan went away
        pass


if __name__ == "__main__":
    main()
