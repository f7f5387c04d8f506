"""Writing captures as WARC 1.1 (ISO 28500) with warcio.

Per hop: the ``request`` record, the ``response`` record (with ``WARC-IP-Address``,
``WARC-Payload-Digest`` and, past the cap, ``WARC-Truncated: length``) and a ``metadata``
record concurrent to it with the peer address and the server's TLS certificate. Each
capture's records are written in one synchronous step, so an interruption can only fall
between captures: the file never ends inside a record.
"""

from __future__ import annotations

import base64
from collections.abc import Iterable
from datetime import datetime
from io import BytesIO
from typing import IO, Any

from warcio.timeutils import datetime_to_iso_date
from warcio.utils import Digester
from warcio.warcwriter import WARCWriter

from footprint.evidence.certs import describe
from footprint.evidence.fetch import Fetched, Hop

WARC_VERSION = "WARC/1.1"


def _date(when: datetime) -> str:
    return str(datetime_to_iso_date(when, use_micros=True))


def _head(first_line: str, headers: Iterable[tuple[str, str]]) -> bytes:
    lines = [first_line] + [f"{k}: {v}" for k, v in headers]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def _chunked(headers: Iterable[tuple[str, str]]) -> bool:
    return any(k.lower() == "transfer-encoding" and "chunked" in v.lower()
               for k, v in headers)


def response_block(hop: Hop) -> bytes:
    """The response as it came: the transport hands over de-chunked bytes, so a chunked
    body is chunked again (one chunk) to agree with its own headers."""
    body = hop.body
    if _chunked(hop.response_headers):
        body = (f"{len(body):x}\r\n".encode() + body + b"\r\n0\r\n\r\n") if body else b"0\r\n\r\n"
    return _head(f"HTTP/1.1 {hop.status} {hop.reason}".rstrip(), hop.response_headers) + body


def _metadata(hop: Hop) -> bytes:
    fields: list[tuple[str, str]] = [("captured-by", "footprint evidence capture")]
    peer = hop.peer
    if peer is None:
        fields.append(("peer", "unknown (not recorded by this transport)"))
    else:
        fields += [("peer-ip-address", peer.address), ("peer-port", str(peer.port))]
        if peer.tls_version:
            fields += [("tls-version", peer.tls_version), ("tls-cipher", peer.cipher or "")]
        if peer.certificate_der:
            fields += describe(peer.certificate_der).fields()
            fields.append(("tls-certificate-der-base64",
                           base64.b64encode(peer.certificate_der).decode("ascii")))
    if hop.truncated:
        fields.append(("truncated", "the body went past the capture limit; the rest was not read"))
    return "".join(f"{k}: {v}\r\n" for k, v in fields).encode("utf-8")


class _Sha256Writer(WARCWriter):
    """SHA-1, warcio's default, is broken for collisions; evidence deserves SHA-256."""

    def _create_digester(self) -> Digester:
        return Digester("sha256")


class WarcFile:
    """One WARC file, opened for appending records (gzip per record, as is usual)."""

    def __init__(self, stream: IO[bytes], filename: str) -> None:
        self._stream = stream
        self._writer = _Sha256Writer(stream, gzip=True, warc_version=WARC_VERSION)
        self.filename = filename

    def write_info(self, info: dict[str, Any]) -> None:
        self._writer.write_record(self._writer.create_warcinfo_record(self.filename, info))
        self._stream.flush()

    def write_capture(self, fetched: Fetched) -> list[tuple[str, str]]:
        """All records of one capture; returns each hop's response record id and payload
        digest."""
        records = []
        ids = []
        for hop in fetched.hops:
            response = self._record(hop.url, "response", response_block(hop), hop.answered_at,
                                    self._response_headers(hop))
            response_id = response.rec_headers.get_header("WARC-Record-ID")
            request = self._record(hop.url, "request",
                                   _head(hop.request_line, hop.request_headers),
                                   hop.requested_at, {"WARC-Concurrent-To": response_id})
            metadata = self._record(hop.url, "metadata", _metadata(hop), hop.answered_at,
                                    {"WARC-Concurrent-To": response_id},
                                    content_type="application/warc-fields")
            records += [request, response, metadata]
            ids.append((str(response_id),
                        str(response.rec_headers.get_header("WARC-Payload-Digest") or "")))
        for record in records:
            self._writer.write_record(record)
        self._stream.flush()
        return ids

    def close(self) -> None:
        self._stream.close()

    @staticmethod
    def _response_headers(hop: Hop) -> dict[str, str]:
        headers = {}
        if hop.peer is not None:
            headers["WARC-IP-Address"] = hop.peer.address
        if hop.truncated:
            headers["WARC-Truncated"] = "length"
        return headers

    def _record(self, uri: str, kind: str, block: bytes, when: datetime,
                headers: dict[str, str], content_type: str = "") -> Any:
        return self._writer.create_warc_record(
            uri, kind, payload=BytesIO(block), length=len(block),
            warc_content_type=content_type, warc_headers_dict={"WARC-Date": _date(when),
                                                               **headers})
