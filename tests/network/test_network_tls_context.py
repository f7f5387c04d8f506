"""The TLS context: the system's store (or a bundle of your own), TLS 1.2 at least, and
certifi only when the system has no store at all."""

from __future__ import annotations

import ssl
from pathlib import Path

import pytest
import trustme

from footprint.http import tls


def test_the_system_store_and_tls_1_2() -> None:
    context = tls.make_context()
    assert context.minimum_version >= ssl.TLSVersion.TLSv1_2
    assert context.verify_mode is ssl.CERT_REQUIRED and context.check_hostname


def test_a_bundle_replaces_the_store(tmp_path: Path) -> None:
    ca = trustme.CA()
    bundle = tmp_path / "org-root.pem"
    ca.cert_pem.write_to_path(str(bundle))
    context = tls.make_context(bundle)
    assert context.cert_store_stats()["x509_ca"] == 1  # only the organisation's root
    broken = tmp_path / "broken.pem"
    broken.write_text("not a certificate")
    with pytest.raises(tls.CaBundleError, match="no usable certificates"):
        tls.make_context(broken)


def test_certifi_only_without_any_store(monkeypatch: pytest.MonkeyPatch) -> None:
    certifi = pytest.importorskip("certifi")
    empty = ssl.DefaultVerifyPaths(None, None, "SSL_CERT_FILE", "/nonexistent",  # type: ignore[call-arg]
                                   "SSL_CERT_DIR", "/nonexistent")
    monkeypatch.setattr(ssl, "get_default_verify_paths", lambda: empty)
    monkeypatch.setattr(tls, "_CA_FILES", ())
    context = tls.make_context()
    expected = ssl.create_default_context(cafile=certifi.where()).cert_store_stats()
    assert context.cert_store_stats()["x509_ca"] == expected["x509_ca"] > 0
