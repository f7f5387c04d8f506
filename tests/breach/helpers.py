"""Helpers for the breach family's tests: recorded API bodies and a two-address profile."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from footprint.profile.model import Profile
from tests.persona import jan

DATA = Path(__file__).resolve().parent.parent / "data" / "breach"

TWO_EMAILS = ["jan@devries-utrecht.nl", "j.devries@raad.example"]


def load_json(name: str) -> Any:
    return json.loads((DATA / name).read_text("utf-8"))


def load_text(name: str) -> str:
    return (DATA / name).read_text("utf-8")


def load_bytes(name: str) -> bytes:
    return (DATA / name).read_bytes()


def two_emails() -> Profile:
    return jan(public={"emails": TWO_EMAILS}, source="two-emails.toml")
