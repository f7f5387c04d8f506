"""Helpers for the breach family's tests: recorded API bodies and a two-address profile."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from footprint.profile.load import parse_profile
from footprint.profile.model import Profile

DATA = Path(__file__).resolve().parent.parent / "data" / "breach"

TWO_EMAILS_TOML = """
[person]
name = "Jan de Vries"

[public]
emails = ["jan@devries-utrecht.nl", "j.devries@raad.example"]

[private]
phones = ["06 12345678"]
family = ["Marieke de Vries"]

[private.address]
street = "Kerkstraat"
house_number = "12"
postcode = "3511 AB"
city = "Utrecht"
"""


def load_json(name: str) -> Any:
    return json.loads((DATA / name).read_text("utf-8"))


def load_text(name: str) -> str:
    return (DATA / name).read_text("utf-8")


def load_bytes(name: str) -> bytes:
    return (DATA / name).read_bytes()


def two_emails() -> Profile:
    return parse_profile(TWO_EMAILS_TOML, "two-emails.toml")
