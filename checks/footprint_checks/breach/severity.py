"""How bad a breach is for this person: from what it exposed and what is known about it."""

from __future__ import annotations

from dataclasses import dataclass

from footprint.models import L10n, Severity
from footprint_checks.breach.data import data_class
from footprint_checks.breach.model import Breach

FLAG_LABELS: dict[str, L10n] = {
    "unverified": L10n(en="unverified: the breach could not be confirmed as genuine",
                       nl="niet geverifieerd: het lek kon niet als echt worden bevestigd"),
    "fabricated": L10n(en="fabricated: the data is believed to be (partly) made up",
                       nl="verzonnen: de gegevens zijn vermoedelijk (deels) nep"),
    "sensitive": L10n(en="sensitive: being on this site's member list can itself harm you",
                      nl="gevoelig: alleen al lid zijn van deze site kan je schaden"),
    "spam_list": L10n(en="spam list: your address is on a list used for spam, not a site breach",
                      nl="spamlijst: je adres staat op een lijst voor spam, geen lek bij een site"),
    "stealer_log": L10n(
        en="stealer log: captured by malware on a device on which you logged in",
        nl="stealer log: buitgemaakt door malware op een apparaat waarop je inlogde"),
    "malware": L10n(en="malware: the data came from malicious software",
                    nl="malware: de gegevens komen van kwaadaardige software"),
    "plaintext": L10n(en="passwords were stored in plain text",
                      nl="wachtwoorden waren onversleuteld opgeslagen"),
    "easytocrack": L10n(en="passwords were stored with a weak hash that is easy to crack",
                        nl="wachtwoorden waren zwak gehasht en makkelijk te kraken"),
}


@dataclass(frozen=True, slots=True)
class Assessment:
    severity: Severity
    flags: tuple[str, ...]  # keys of FLAG_LABELS that apply, in a fixed order

    def flag_labels(self) -> tuple[L10n, ...]:
        return tuple(FLAG_LABELS[f] for f in self.flags)


def flags_of(breach: Breach) -> tuple[str, ...]:
    present = {
        "unverified": not breach.is_verified,
        "fabricated": breach.is_fabricated,
        "sensitive": breach.is_sensitive,
        "spam_list": breach.is_spam_list,
        "stealer_log": breach.is_stealer_log,
        "malware": breach.is_malware,
        "plaintext": breach.password_risk == "plaintext",
        "easytocrack": breach.password_risk == "easytocrack",
    }
    return tuple(name for name in FLAG_LABELS if present[name])


def _step_down(severity: Severity) -> Severity:
    return Severity(max(Severity.LOW, severity - 1))


def assess(breach: Breach) -> Assessment:
    """The worst data class sets the level (addresses, phone numbers, dates of birth,
    passwords and security answers are high); doubt about the data lowers it one step,
    while stealer logs, malware, sensitive sites and readable passwords raise it."""
    flags = flags_of(breach)
    classes = [data_class(c).severity for c in breach.data_classes]
    severity = max(classes, default=Severity.MEDIUM)  # unknown contents: assume some harm
    if "fabricated" in flags:
        severity = _step_down(severity)
    if "unverified" in flags:
        severity = _step_down(severity)
    if "plaintext" in flags or "easytocrack" in flags or "malware" in flags:
        severity = max(severity, Severity.HIGH)
    if "sensitive" in flags:
        severity = max(severity, Severity.HIGH)
    if "stealer_log" in flags:
        severity = Severity.CRITICAL  # a device you use may still be infected
    return Assessment(severity, flags)
