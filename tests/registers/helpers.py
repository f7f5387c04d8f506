"""Recorded answers for the register tests (tests/data/registers)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent.parent / "data" / "registers"


def recorded(name: str) -> Any:
    return json.loads((DATA / name).read_text("utf-8"))
