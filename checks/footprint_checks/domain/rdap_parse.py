"""Reading an RDAP domain answer (RFC 9083): contacts, redactions (RFC 9537), privacy services.

Every value here is untrusted text from a registry; it is kept as data and never
interpreted. The parser is deliberately forgiving about shape (registries differ), but
only reads what it understands.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from footprint_checks.domain.names import privacy_service_phrases

CONTACT_ROLES = ("registrant", "administrative", "technical", "billing")
# Values registries print instead of withheld data (before or beside RFC 9537 markers).
_PLACEHOLDERS = ("redacted", "withheld", "data protected", "not disclosed",
                 "non-public data", "gdpr masked", "statutory masking")


@dataclass(frozen=True, slots=True)
class Contact:
    role: str
    name: str = ""
    org: str = ""
    address: tuple[str, ...] = ()  # non-empty address parts, street first
    phones: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    withheld: tuple[str, ...] = field(default=())  # fields shown only as placeholders
    raw_names: tuple[str, ...] = ()  # name, organisation and email as printed, placeholders too

    def lines(self) -> list[tuple[str, str]]:
        """(field, value) pairs that are actually published."""
        out = [("name", self.name), ("organisation", self.org)]
        out.append(("address", ", ".join(self.address)))
        out += [("phone", p) for p in self.phones]
        out += [("email", e) for e in self.emails]
        return [(k, v) for k, v in out if v]

    def text(self) -> str:
        return "\n".join(f"{self.role} {k}: {v}" for k, v in self.lines())

    @property
    def has_street_address(self) -> bool:
        """More than a country or region: a street, postcode or city is published."""
        return len(self.address) > 2 or any(any(c.isdigit() for c in p) for p in self.address)


def _is_placeholder(value: str) -> bool:
    folded = value.casefold()
    return any(p in folded for p in _PLACEHOLDERS)


def _walk(entities: Any) -> Iterator[dict[str, Any]]:
    if not isinstance(entities, list):
        return
    for entity in entities:
        if isinstance(entity, dict):
            yield entity
            yield from _walk(entity.get("entities"))


def _vcard_props(entity: dict[str, Any]) -> list[list[Any]]:
    card = entity.get("vcardArray")
    if not (isinstance(card, list) and len(card) == 2 and isinstance(card[1], list)):
        return []
    return [p for p in card[1] if isinstance(p, list) and len(p) >= 4 and isinstance(p[0], str)]


def _flat(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value.strip()] if value.strip() else []
    if isinstance(value, list):
        return [s for item in value for s in _flat(item)]
    return []


def _address(value: Any, params: Any) -> list[str]:
    if isinstance(value, list) and len(value) >= 7:
        # jCard order is pobox, ext, street, locality, region, code, country
        parts = _flat(value[2:]) + _flat(value[:2])
    else:
        parts = _flat(value)
    label = params.get("label") if isinstance(params, dict) else None
    if not parts and isinstance(label, str):
        parts = [line.strip() for line in label.splitlines() if line.strip()]
    return parts


def _contact(role: str, entity: dict[str, Any]) -> Contact:
    values: dict[str, list[str]] = {"fn": [], "org": [], "adr": [], "tel": [], "email": []}
    withheld: list[str] = []
    raw: list[str] = []
    for prop in _vcard_props(entity):
        name, params, value = prop[0].lower(), prop[1], prop[3]
        if name not in values:
            continue
        if name == "adr":
            parts = _address(value, params)
        else:
            parts = _flat(value)
        if name == "tel":
            parts = [p.removeprefix("tel:") for p in parts]
        raw += parts if name in ("fn", "org", "email") else []
        shown = [p for p in parts if not _is_placeholder(p)]
        if parts and not shown:
            withheld.append(name)
        values[name].extend(shown)
    return Contact(role=role, name=" ".join(values["fn"]), org=" ".join(values["org"]),
                   address=tuple(values["adr"]), phones=tuple(dict.fromkeys(values["tel"])),
                   emails=tuple(dict.fromkeys(values["email"])), withheld=tuple(withheld),
                   raw_names=tuple(raw))


def contacts(doc: dict[str, Any]) -> list[Contact]:
    """Registrant, administrative, technical and billing contacts, at any nesting depth."""
    found = []
    for entity in _walk(doc.get("entities")):
        roles = entity.get("roles")
        if not isinstance(roles, list):
            continue
        found += [_contact(role, entity) for role in CONTACT_ROLES if role in roles]
    return found


def redacted_fields(doc: dict[str, Any]) -> list[str]:
    """The names of withheld fields an RFC 9537 ``redacted`` array lists."""
    names = []
    items = doc.get("redacted")
    for item in items if isinstance(items, list) else []:
        name = item.get("name") if isinstance(item, dict) else None
        if isinstance(name, dict):
            text = name.get("type") or name.get("description")
            if isinstance(text, str) and text.strip():
                names.append(text.strip())
    return list(dict.fromkeys(names))


def privacy_service(contact: Contact) -> str | None:
    """The privacy/proxy service's name when it stands in for the holder."""
    for value in contact.raw_names:
        folded = value.casefold()
        if any(p in folded for p in privacy_service_phrases()):
            return value
    return None


def related_registrar_url(doc: dict[str, Any]) -> str | None:
    """Thin registries (.com, .net) point to the registrar's RDAP record for contacts."""
    links = doc.get("links")
    for link in links if isinstance(links, list) else []:
        if not isinstance(link, dict) or link.get("rel") != "related":
            continue
        href, kind = link.get("href"), str(link.get("type", "application/rdap+json"))
        if isinstance(href, str) and href.startswith("https://") and "rdap" in kind \
                and "/domain/" in href:
            return href
    return None


def self_url(doc: dict[str, Any], fallback: str) -> str:
    links = doc.get("links")
    for link in links if isinstance(links, list) else []:
        if isinstance(link, dict) and link.get("rel") == "self" \
                and isinstance(link.get("href"), str) and link["href"].startswith("https://"):
            return str(link["href"])
    return fallback
