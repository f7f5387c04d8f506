"""Shared bits for the domain tests: recorded answers and profiles."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from footprint.profile.model import Profile
from tests.persona import jan

DATA = Path(__file__).resolve().parents[1] / "data" / "domain"



def load_json(name: str) -> Any:
    return json.loads((DATA / name).read_text("utf-8"))


def profile_with(domains: list[str], emails: list[str]) -> Profile:
    """The shared test person (Jan de Vries) with other domains and email addresses."""
    return jan(public={"emails": emails, "domains": domains})
