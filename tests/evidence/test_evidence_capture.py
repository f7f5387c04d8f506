"""Capturing pages as evidence, against loopback servers, read back with warcio's reader."""

from __future__ import annotations

import gzip
import hashlib
import json
import ssl
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import trustme
from warcio.archiveiterator import ArchiveIterator

from footprint.errors import UsageError
from footprint.evidence.capture import CaptureOptions
from footprint.evidence.run import RunResult, capture_to_folder
from footprint.evidence.verify import verify_folder
from footprint.http.transport import PerOriginTransport
from footprint.profile.model import Profile
from tests.evidence.site import DOX_PAGE, site

FAST = CaptureOptions(read_timeout_s=2.0, connect_timeout_s=2.0)


@pytest.fixture
def base() -> Iterator[tuple[str, Any]]:
    with site() as served:
        yield served


def run(urls: list[str], out: Path, profile: Profile | None,
        options: CaptureOptions = FAST, **kw: Any) -> RunResult:
    return capture_to_folder(urls, out, append=kw.pop("append", False), profile=profile,
                             options=options, **kw)


def records(path: Path) -> list[Any]:
    """Every record, read with warcio's reader checking every digest as it goes."""
    out = []
    with path.open("rb") as handle:
        for record in ArchiveIterator(handle, check_digests=True):
            body = record.content_stream().read()
            assert record.digest_checker.problems == []
            out.append((record, body))
    return out


def warc_of(result: RunResult) -> Path:
    return result.folder / result.manifest["runs"][-1]["warc"]


def test_a_page_with_private_details_is_captured_and_the_details_shown_unmasked(
        base: tuple[str, Any], tmp_path: Path, profile: Profile) -> None:
    url, seen = base
    result = run([f"{url}/dox"], tmp_path / "ev", profile)
    assert not result.failed and not result.interrupted
    capture = result.captures[0]
    kinds = {f["kind"]: f for f in capture["found"]}
    assert {"address", "postcode", "phone"} <= set(kinds)
    assert kinds["phone"]["value"] == "06-12345678"
    assert "Kerkstraat 12a, 3511 AB Utrecht" in kinds["address"]["excerpt"]
    # nothing private went to the server: one plain request for the page
    assert seen.paths == ["/dox"]
    assert not any("3511" in v or "Kerkstraat" in v for h in seen.headers for v in h.values())
    read = records(warc_of(result))
    kinds_in_order = [r.rec_type for r, _ in read]
    assert kinds_in_order == ["warcinfo", "request", "response", "metadata"]
    info, request, response, metadata = (r for r, _ in read)
    assert info.rec_headers.get_header("WARC-Type") == "warcinfo"
    assert b"footprint" in read[0][1] and b"WARC File Format 1.1" in read[0][1]
    assert request.rec_headers.get_header("WARC-Target-URI") == f"{url}/dox"
    assert request.http_headers.protocol == "GET"
    assert response.rec_headers.protocol == "WARC/1.1"
    assert response.http_headers.get_statuscode() == "200"
    assert read[2][1] == DOX_PAGE.encode()
    assert response.rec_headers.get_header("WARC-Payload-Digest").startswith("sha256:")
    assert response.rec_headers.get_header("WARC-IP-Address") == "127.0.0.1"
    assert response.rec_headers.get_header("WARC-Date").endswith("Z")
    assert metadata.rec_headers.get_header("WARC-Concurrent-To") == \
        response.rec_headers.get_header("WARC-Record-ID")
    assert b"peer-ip-address: 127.0.0.1" in read[3][1]
    statement = (result.folder / "statement.nl.md").read_text("utf-8")
    assert "Kerkstraat 12a, 3511 AB Utrecht" in statement  # evidence: not masked
    assert "285d" in statement and "footprint letter avg" in statement
    assert "Europe/Amsterdam" in statement and "UTC" in statement
    digest = hashlib.sha256(warc_of(result).read_bytes()).hexdigest()
    assert digest in statement
    assert verify_folder(result.folder).intact


def test_every_hop_of_a_redirect_chain_is_kept(base: tuple[str, Any], tmp_path: Path,
                                                 profile: Profile) -> None:
    url, seen = base
    result = run([f"{url}/hop/1"], tmp_path / "ev", profile)
    capture = result.captures[0]
    assert [h["status"] for h in capture["hops"]] == [302, 301, 302, 200]
    assert capture["final_url"] == f"{url}/dox" and capture["ok"]
    assert seen.paths == ["/hop/1", "/hop/2", "/hop/3", "/dox"]
    read = records(warc_of(result))
    responses = [r for r, _ in read if r.rec_type == "response"]
    assert [r.http_headers.get_statuscode() for r in responses] == ["302", "301", "302", "200"]
    assert responses[0].http_headers.get_header("Location") == "/hop/2"
    assert len([r for r, _ in read if r.rec_type == "request"]) == 4
    assert capture["found"], "the private details on the final page are reported"


def test_tls_certificate_and_peer_are_recorded(tmp_path: Path, profile: Profile) -> None:
    ca = trustme.CA()
    trusting = ssl.create_default_context()
    ca.configure_trust(trusting)
    with site(tls=ca) as (url, seen):
        result = run([f"{url}/dox"], tmp_path / "ev", profile,
                     transport=PerOriginTransport(ssl_context=trusting))
    hop = result.captures[0]["hops"][0]
    cert = hop["certificate"]
    assert cert["sha256"] == hashlib.sha256(seen.certificate).hexdigest()
    assert "trustme" in cert["issuer"].lower()
    assert cert["not_before"] < cert["not_after"]
    assert hop["ip"] == "127.0.0.1" and hop["tls_version"].startswith("TLS")
    metadata = next(body for r, body in records(warc_of(result)) if r.rec_type == "metadata")
    assert f"tls-certificate-sha256: {cert['sha256']}".encode() in metadata
    assert b"tls-certificate-der-base64: " in metadata
    assert cert["sha256"] in (result.folder / "statement.en.md").read_text("utf-8")


def test_an_untrusted_certificate_is_a_failed_capture(tmp_path: Path,
                                                      profile: Profile) -> None:
    with site(tls=trustme.CA()) as (url, _):
        result = run([f"{url}/dox"], tmp_path / "ev", profile,
                     transport=PerOriginTransport(ssl_context=ssl.create_default_context()))
    assert result.failed and "CERTIFICATE_VERIFY_FAILED" in result.failed[0]["reason"]


def test_a_stalled_server_fails_with_a_reason_and_the_rest_is_captured(
        base: tuple[str, Any], tmp_path: Path, profile: Profile) -> None:
    url, _ = base
    options = CaptureOptions(read_timeout_s=0.5, connect_timeout_s=0.5)
    result = run([f"{url}/stall", f"{url}/dox", "http://127.0.0.1:1/"], tmp_path / "ev",
                 profile, options)
    by_url = {c["url"]: c for c in result.captures}
    assert "timed out" in by_url[f"{url}/stall"]["reason"]
    assert "ConnectError" in by_url["http://127.0.0.1:1/"]["reason"]
    assert by_url[f"{url}/dox"]["ok"]
    assert [c["url"] for c in result.captures] == [f"{url}/stall", f"{url}/dox",
                                                   "http://127.0.0.1:1/"]
    statement = (result.folder / "statement.en.md").read_text("utf-8")
    assert "not (completely) captured: the server did not answer in time" in statement
    assert verify_folder(result.folder).intact


def test_gzip_and_chunked_bodies_are_kept_as_sent_and_read_back(
        base: tuple[str, Any], tmp_path: Path, profile: Profile) -> None:
    url, _ = base
    result = run([f"{url}/gzip", f"{url}/chunked"], tmp_path / "ev", profile)
    assert all(c["ok"] and c["found"] for c in result.captures)
    responses = [(r, body) for r, body in records(warc_of(result)) if r.rec_type == "response"]
    assert [body for _, body in responses] == [DOX_PAGE.encode()] * 2  # warcio decodes both
    with warc_of(result).open("rb") as handle:  # pages are captured side by side: by URL
        raw = {r.rec_headers.get_header("WARC-Target-URI"): r.raw_stream.read()
               for r in ArchiveIterator(handle) if r.rec_type == "response"}
    assert gzip.decompress(raw[f"{url}/gzip"]) == DOX_PAGE.encode()  # the bytes as they came
    assert raw[f"{url}/chunked"].endswith(b"\r\n0\r\n\r\n")


def test_a_body_past_the_cap_is_kept_truncated_and_said(base: tuple[str, Any],
                                                        tmp_path: Path,
                                                        profile: Profile) -> None:
    url, _ = base
    options = CaptureOptions(max_bytes=1024 * 1024, read_timeout_s=5.0)
    result = run([f"{url}/big"], tmp_path / "ev", profile, options)
    capture = result.captures[0]
    assert capture["ok"] and capture["truncated"] and capture["found"]
    response = next(r for r, _ in records(warc_of(result)) if r.rec_type == "response")
    assert response.rec_headers.get_header("WARC-Truncated") == "length"
    assert "afgekapt" in (result.folder / "statement.nl.md").read_text("utf-8")
    assert "truncated" in (result.folder / "statement.en.html").read_text("utf-8")


def test_a_url_with_a_private_detail_is_never_requested(base: tuple[str, Any],
                                                        tmp_path: Path,
                                                        profile: Profile) -> None:
    url, seen = base
    result = run([f"{url}/adres/3511AB-12a"], tmp_path / "ev", profile)
    assert seen.paths == []
    assert "not requested" in result.failed[0]["reason"]


def test_a_redirect_away_from_the_web_is_a_failed_capture(base: tuple[str, Any],
                                                         tmp_path: Path) -> None:
    url, _ = base
    result = run([f"{url}/away"], tmp_path / "ev", None)
    assert "non-web address" in result.failed[0]["reason"]
    assert len(result.captures[0]["hops"]) == 1  # the redirect itself is kept


@pytest.mark.parametrize("bad", ["ftp://127.0.0.1/x", "file:///etc/passwd", "javascript:x",
                                 "not a url"])
def test_only_web_addresses_can_be_captured(bad: str, tmp_path: Path) -> None:
    with pytest.raises(UsageError):
        run([bad], tmp_path / "ev", None)
    assert not (tmp_path / "ev").exists()


def test_folder_and_files_are_private(base: tuple[str, Any], tmp_path: Path) -> None:
    url, _ = base
    result = run([f"{url}/dox"], tmp_path / "ev", None)
    assert stat.S_IMODE(result.folder.stat().st_mode) == 0o700
    names = sorted(p.name for p in result.folder.iterdir())
    assert names == ["capture-" + names[0][8:], "manifest.json", "statement.en.html",
                     "statement.en.md", "statement.nl.html", "statement.nl.md"]
    for item in result.folder.iterdir():
        assert stat.S_IMODE(item.stat().st_mode) == 0o600, item.name
    assert "no profile" in (result.folder / "statement.en.md").read_text("utf-8")


def test_a_non_empty_folder_is_refused_unless_appending(base: tuple[str, Any],
                                                        tmp_path: Path) -> None:
    url, _ = base
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "note.txt").write_text("mine")
    with pytest.raises(UsageError, match="not empty"):
        run([f"{url}/dox"], tmp_path / "other", None)
    first = run([f"{url}/dox"], tmp_path / "ev", None)
    second = run([f"{url}/hop/3"], tmp_path / "ev", None, append=True)
    manifest = json.loads((tmp_path / "ev" / "manifest.json").read_text())
    assert [c["url"] for c in manifest["captures"]] == [f"{url}/dox", f"{url}/hop/3"]
    assert len(manifest["runs"]) == 2 and first.folder == second.folder
    assert len([f for f in manifest["files"] if f["kind"] == "warc"]) == 2
    assert verify_folder(tmp_path / "ev").intact


def test_appending_to_a_changed_folder_is_refused(base: tuple[str, Any],
                                                  tmp_path: Path) -> None:
    from footprint.evidence.folder import EvidenceFolderError

    url, _ = base
    first = run([f"{url}/dox"], tmp_path / "ev", None)
    statement = first.folder / "statement.en.md"
    statement.write_text(statement.read_text() + "\nedited")
    with pytest.raises(EvidenceFolderError, match="does not verify"):
        run([f"{url}/dox"], tmp_path / "ev", None, append=True)


def test_page_content_is_inert_in_the_statements(base: tuple[str, Any], tmp_path: Path,
                                                 profile: Profile) -> None:
    url, _ = base
    result = run([f"{url}/hostile"], tmp_path / "ev", profile)
    assert result.captures[0]["found"], "the address on the page is reported"
    page_html = (result.folder / "statement.en.html").read_text("utf-8")
    assert "<script" not in page_html and "<img" not in page_html
    assert "alert(1)&lt;/script&gt;" in page_html and "&lt;img src=x" in page_html
    assert "\x1b" not in page_html
    page_md = (result.folder / "statement.en.md").read_text("utf-8")
    assert "](javascript:" not in page_md and "![x](" not in page_md
    assert "<script>" not in page_md and "\x1b" not in page_md


def test_failures_are_worded_in_each_language(base: tuple[str, Any], tmp_path: Path,
                                              profile: Profile) -> None:
    url, _ = base
    result = run([f"{url}/gone", f"{url}/adres/3511AB"], tmp_path / "ev", profile)
    assert [c["reason_kind"] for c in result.captures] == ["http-status", "blocked"]
    nl = (result.folder / "statement.nl.md").read_text("utf-8")
    assert "de server antwoordde met HTTP 404" in nl
    assert "het adres bevatte uw postcode" in nl
    en = (result.folder / "statement.en.html").read_text("utf-8")
    assert "the address held your home postcode" in en


def test_content_that_is_not_read_is_never_called_clear(base: tuple[str, Any], tmp_path: Path,
                                                        profile: Profile) -> None:
    url, _ = base
    result = run([f"{url}/doc.pdf"], tmp_path / "ev", profile)
    capture = result.captures[0]
    assert capture["ok"] and capture["found"] == []
    assert "application/pdf" in capture["match_problem"]
    statement = (result.folder / "statement.en.md").read_text("utf-8")
    assert "None of your private details were found" not in statement
    assert "is not searched for private details" in statement


def test_httpx_own_transport_still_tells_the_peer(tmp_path: Path, profile: Profile) -> None:
    """The escape hatch to httpx's default transport keeps the certificate and address."""
    import httpx

    ca = trustme.CA()
    trusting = ssl.create_default_context()
    ca.configure_trust(trusting)
    with site(tls=ca) as (url, seen):
        result = run([f"{url}/dox"], tmp_path / "ev", profile,
                     transport=httpx.AsyncHTTPTransport(verify=trusting))
    hop = result.captures[0]["hops"][0]
    assert hop["ip"] == "127.0.0.1"
    assert hop["certificate"]["sha256"] == hashlib.sha256(seen.certificate).hexdigest()
