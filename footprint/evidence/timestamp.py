"""RFC 3161 trusted timestamps on the manifest, from a time-stamping authority you name.

Opt-in (``--timestamp-url``): the request carries only the SHA-256 of manifest.json and a
random nonce, and goes through the same guarded client as everything else. The answer is
kept as ``manifest.json.tsr``; ``verify`` checks that it is a granted timestamp that
covers the manifest as it is now and, given the authority's CA certificate (``--tsa-ca``),
that the authority signed it. The CA is never taken from the folder: whoever could change
the folder could put their own there.
"""

from __future__ import annotations

import asyncio
import hashlib
from dataclasses import replace
from pathlib import Path

import httpx
from cryptography import x509
from rfc3161_client import (
    HashAlgorithm,
    PKIStatus,
    TimestampRequestBuilder,
    TimeStampResponse,
    VerificationError,
    VerifierBuilder,
    decode_timestamp_response,
)

from footprint.errors import PrivateDataBlocked
from footprint.evidence.folder import MANIFEST, TIMESTAMP_SUFFIX, EvidenceFolder
from footprint.http.client import HttpOptions, build_client
from footprint.profile.model import Profile

MAX_TOKEN_BYTES = 256 * 1024
_SHA256 = x509.ObjectIdentifier("2.16.840.1.101.3.4.2.1")
_SHA512 = x509.ObjectIdentifier("2.16.840.1.101.3.4.2.3")
_HASHES = {_SHA256: hashlib.sha256, _SHA512: hashlib.sha512}


def check_url(url: str) -> str:
    parsed = httpx.URL(url)
    if parsed.scheme not in ("http", "https") or not parsed.host:
        from footprint.errors import UsageError

        raise UsageError(f"--timestamp-url {url!r}: use an http:// or https:// address")
    return str(parsed)


async def _ask(url: str, query: bytes, profile: Profile | None,
               transport: httpx.AsyncBaseTransport | None, network: HttpOptions) -> bytes:
    from footprint.evidence.capture import Markers

    options = replace(network, connect_timeout_s=10.0, read_timeout_s=30.0,
                      max_bytes=MAX_TOKEN_BYTES)
    async with build_client(Markers.of(profile).guard, options, transport) as client:
        response = await client.post(url, content=query, headers={
            "Content-Type": "application/timestamp-query",
            "Accept": "application/timestamp-reply"})
        if response.status_code != 200:
            raise ValueError(f"the authority answered HTTP {response.status_code}")
        if len(response.content) > MAX_TOKEN_BYTES:
            raise ValueError("the answer is too large to be a timestamp")
        return response.content


def load_roots(path: Path | None) -> list[x509.Certificate]:
    """The CA certificate(s) of a time-stamping authority, from a PEM or DER file."""
    if path is None:
        return []
    from footprint.errors import UsageError

    try:
        data = path.read_bytes()
        if b"-----BEGIN" in data:
            return x509.load_pem_x509_certificates(data)
        return [x509.load_der_x509_certificate(data)]
    except (OSError, ValueError) as exc:
        raise UsageError(f"{path}: not a readable certificate ({exc})") from None


def stamp_manifest(folder: EvidenceFolder, url: str, profile: Profile | None,
                   transport: httpx.AsyncBaseTransport | None = None,
                   roots: list[x509.Certificate] | None = None,
                   network: HttpOptions | None = None) -> str | None:
    """Asks for a timestamp on the manifest and stores it; the problem, if there was one."""
    data = (folder.path / MANIFEST).read_bytes()
    request = (TimestampRequestBuilder().data(data).hash_algorithm(HashAlgorithm.SHA256)
               .nonce(nonce=True).cert_request(cert_request=True).build())
    try:
        answer = asyncio.run(_ask(url, request.as_bytes(), profile, transport,
                                   network or HttpOptions()))
        response = decode_timestamp_response(answer)
    except (httpx.HTTPError, PrivateDataBlocked, ValueError) as exc:
        return f"no timestamp: {exc}"
    problem = _token_problem(response, data, roots or [])
    if problem is None and response.tst_info.nonce != request.nonce:
        problem = "the answer does not carry the nonce of the request"
    if problem is not None:
        return f"no timestamp: {problem}"
    folder.write_bytes(MANIFEST + TIMESTAMP_SUFFIX, answer)
    return None


def _token_problem(response: TimeStampResponse, covered: bytes,
                   roots: list[x509.Certificate]) -> str | None:
    if PKIStatus(response.status) not in (PKIStatus.GRANTED, PKIStatus.GRANTED_WITH_MODS):
        return f"not granted (status {response.status}: {response.status_string})"
    imprint = response.tst_info.message_imprint
    hasher = _HASHES.get(imprint.hash_algorithm)
    if hasher is None:
        return f"unsupported hash algorithm {imprint.hash_algorithm.dotted_string}"
    if imprint.message != hasher(covered).digest():
        return "it does not cover the file as it is now (the hashes differ)"
    if not roots:
        return None
    builder = VerifierBuilder()
    for root in roots:
        builder = builder.add_root_certificate(root)
    try:
        builder.build().verify(response, imprint.message)
    except VerificationError as exc:
        return f"not signed by the given authority ({exc})"
    return None


def check_token(token: Path, covered: Path,
                roots: list[x509.Certificate]) -> tuple[str | None, str]:
    """(problem, what the timestamp says) for a stored token and the file it covers."""
    if not covered.is_file():
        return f"the file it covers ({covered.name}) is missing", ""
    try:
        response = decode_timestamp_response(token.read_bytes())
    except (ValueError, OSError) as exc:
        return f"changed or unreadable ({exc})", ""
    problem = _token_problem(response, covered.read_bytes(), roots)
    if problem is not None:
        return problem, ""
    signer = next(iter(response.signed_data.signer_infos))
    who = (f"signed by a certificate of {signer.issuer.rfc4514_string()}, checked against "
           "the given CA" if roots else "signature not checked: give the authority's CA "
           "certificate with --tsa-ca")
    return None, f"{covered.name} existed at {response.tst_info.gen_time.isoformat()} ({who})"
