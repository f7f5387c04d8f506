"""The one TLS context of a scan: the operating system's certificate store, TLS 1.2 or newer.

Networks that inspect TLS (councils, companies, schools) install their own root in the
operating system's store; trusting that store, as pip does, is what makes footprint work
there. On Windows and macOS the ``truststore`` package asks the operating system to verify.
On Linux and the BSDs the store is a file OpenSSL reads; truststore would read it again for
every connection (about 20 ms each, measured), so footprint loads the same file once.
``[network] ca_bundle`` replaces the store with a bundle of your own. Without any store,
certifi's bundle is the fallback.
"""

from __future__ import annotations

import os
import ssl
import sys
from pathlib import Path

DOCS_SECTION = "docs/network.md#certificates"

# the places truststore looks on Linux when OpenSSL's compiled-in default is missing
_CA_FILES = ("/etc/ssl/cert.pem", "/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem",
             "/etc/pki/tls/cert.pem", "/etc/ssl/certs/ca-certificates.crt",
             "/etc/ssl/ca-bundle.pem")


class CaBundleError(ValueError):
    """``ca_bundle`` names a file that holds no usable certificate."""


def make_context(ca_bundle: str | Path | None = None) -> ssl.SSLContext:
    if ca_bundle is not None:
        context = _base(ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT))
        try:
            context.load_verify_locations(cafile=os.fspath(ca_bundle))
        except (OSError, ssl.SSLError) as exc:
            raise CaBundleError(f"ca_bundle {ca_bundle}: no usable certificates ({exc})") \
                from None
        return context
    if sys.platform in ("win32", "darwin"):
        try:
            import truststore
        except ImportError:
            pass
        else:
            return _base(truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT))
    context = _base(ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT))
    if not _load_system_store(context):
        _load_certifi(context)
    return context


def _base(context: ssl.SSLContext) -> ssl.SSLContext:
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.set_alpn_protocols(["http/1.1"])
    return context


def _load_system_store(context: ssl.SSLContext) -> bool:
    defaults = ssl.get_default_verify_paths()
    if defaults.cafile or (defaults.capath and _has_hashed_certs(defaults.capath)):
        context.set_default_verify_paths()
        if context.cert_store_stats()["x509_ca"] or defaults.capath:
            return True
    for cafile in _CA_FILES:
        if os.path.isfile(cafile):
            try:
                context.load_verify_locations(cafile=cafile)
            except ssl.SSLError:
                continue
            return True
    return False


def _has_hashed_certs(capath: str) -> bool:
    try:
        return any(len(n) == 10 and n[8] == "." for n in os.listdir(capath))
    except OSError:
        return False


def _load_certifi(context: ssl.SSLContext) -> None:
    try:
        import certifi
    except ImportError:
        return
    context.load_verify_locations(certifi.where())


def certificate_error(exc: BaseException | None) -> ssl.SSLCertVerificationError | None:
    """The certificate verification failure behind ``exc``, if that is what it was."""
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        if isinstance(exc, ssl.SSLCertVerificationError):
            return exc
        seen.add(id(exc))
        exc = exc.__cause__ or exc.__context__
    return None
