"""Shared bits for the domain tests: recorded answers and profiles."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from footprint.profile.load import parse_profile
from footprint.profile.model import Profile

DATA = Path(__file__).resolve().parents[1] / "data" / "domain"


PROFILE_TOML = """
[person]
name = "Jan de Vries"
aliases = ["J. de Vries"]

[public]
emails = []
domains = []

[private]
phones = ["06 12345678"]
family = ["Marieke de Vries"]

[private.address]
street = "Kerkstraat"
house_number = "12"
addition = "a"
postcode = "3511 AB"
city = "Utrecht"
"""


def load_json(name: str) -> Any:
    return json.loads((DATA / name).read_text("utf-8"))


def profile_with(domains: list[str], emails: list[str]) -> Profile:
    """The shared test person (Jan de Vries) with other domains and email addresses."""
    text = PROFILE_TOML.replace("emails = []", f"emails = {json.dumps(emails)}")
    text = text.replace("domains = []", f"domains = {json.dumps(domains)}")
    return parse_profile(text, "test-profile.toml")
