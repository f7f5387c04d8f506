"""Breaches and pastes as the checks see them, whichever service reported them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Breach:
    name: str  # the service's stable identifier: the finding key
    title: str
    domain: str
    breach_date: str
    pwn_count: int | None
    description: str  # plain text already (see htmltext.html_to_text)
    data_classes: tuple[str, ...]
    source: str  # "hibp" or "xposedornot"
    is_verified: bool = True
    is_fabricated: bool = False
    is_sensitive: bool = False
    is_spam_list: bool = False
    is_stealer_log: bool = False
    is_malware: bool = False
    password_risk: str = ""  # XposedOrNot: plaintext | easytocrack | hardtocrack | unknown

    @property
    def exposes_passwords(self) -> bool:
        return any(c.casefold() in _PASSWORD_CLASSES for c in self.data_classes) or (
            self.password_risk in ("plaintext", "easytocrack", "hardtocrack"))

    def exposes(self, data_class: str) -> bool:
        wanted = data_class.casefold()
        return any(c.casefold() == wanted for c in self.data_classes)


_PASSWORD_CLASSES = {"passwords", "historical passwords", "password hints"}


@dataclass(frozen=True, slots=True)
class Paste:
    source: str
    id: str
    title: str
    date: str
    email_count: int | None

    @property
    def key(self) -> str:
        return f"paste:{self.source}:{self.id}"


def text_field(raw: dict[str, Any], key: str) -> str:
    value = raw.get(key)
    return value.strip() if isinstance(value, str) else ""


def int_field(raw: dict[str, Any], key: str) -> int | None:
    value = raw.get(key)
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def bool_field(raw: dict[str, Any], key: str, default: bool = False) -> bool:
    value = raw.get(key)
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        return value.strip().lower() in ("yes", "true", "1")
    return default
