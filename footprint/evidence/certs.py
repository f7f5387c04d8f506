"""What a server's TLS certificate says about who answered: subject, issuer, validity and
its SHA-256 fingerprint (what a browser's certificate viewer shows)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from cryptography import x509


@dataclass(frozen=True, slots=True)
class CertificateFacts:
    subject: str
    issuer: str
    not_before: str  # ISO 8601, UTC
    not_after: str
    serial: str  # hexadecimal
    sha256: str  # fingerprint of the DER bytes, hexadecimal
    names: tuple[str, ...]  # the DNS names and IP addresses it is valid for

    def fields(self) -> list[tuple[str, str]]:
        return [("tls-certificate-subject", self.subject),
                ("tls-certificate-issuer", self.issuer),
                ("tls-certificate-not-before", self.not_before),
                ("tls-certificate-not-after", self.not_after),
                ("tls-certificate-serial", self.serial),
                ("tls-certificate-sha256", self.sha256),
                ("tls-certificate-names", ", ".join(self.names))]


def describe(der: bytes) -> CertificateFacts:
    """Facts about a DER certificate; one that cannot be parsed still has a fingerprint."""
    fingerprint = hashlib.sha256(der).hexdigest()
    try:
        cert = x509.load_der_x509_certificate(der)
    except ValueError:
        return CertificateFacts("(unreadable)", "(unreadable)", "", "", "", fingerprint, ())
    try:
        alt = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
        names = tuple(alt.get_values_for_type(x509.DNSName)) + tuple(
            str(ip) for ip in alt.get_values_for_type(x509.IPAddress))
    except (x509.ExtensionNotFound, ValueError):
        names = ()
    return CertificateFacts(
        subject=cert.subject.rfc4514_string(),
        issuer=cert.issuer.rfc4514_string(),
        not_before=cert.not_valid_before_utc.isoformat(),
        not_after=cert.not_valid_after_utc.isoformat(),
        serial=format(cert.serial_number, "x"),
        sha256=fingerprint,
        names=names,
    )
