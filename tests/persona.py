"""The test person, Jan de Vries, written once. Test helpers derive what they need from
him (other emails, no house-number addition) instead of keeping their own copy.

``jan_toml(public=...)`` replaces the whole ``[public]`` table (a test about two email
addresses should not also carry usernames and URLs); ``person``, ``private`` and
``address`` change single fields, and ``None`` leaves a field out.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from footprint.profile.load import parse_profile
from footprint.profile.model import Profile

PERSON: dict[str, object] = {"name": "Jan de Vries", "aliases": ["J. de Vries"],
                             "role": "wethouder", "municipality": "Utrecht"}
PUBLIC: dict[str, object] = {
    "usernames": ["jdevries"],
    "emails": ["jan@devries-utrecht.nl"],
    "domains": ["devries-utrecht.nl"],
    "urls": ["https://gemeente.example/raad/jan-de-vries"],
    "kvk_numbers": ["12345678"],
    "trade_names": ["De Vries Advies"],
}
PRIVATE: dict[str, object] = {"phones": ["06 12345678"], "family": ["Marieke de Vries"],
                              "other": ["AB-123-C"]}
ADDRESS: dict[str, object] = {"street": "Kerkstraat", "house_number": "12", "addition": "a",
                              "postcode": "3511 AB", "city": "Utrecht"}


# the least a scan needs: a name and the home address to guard (CLI and fault tests)
ADDRESS_ONLY = """
[person]
name = "Jan de Vries"
[private.address]
street = "Kerkstraat"
house_number = "12"
postcode = "3511 AB"
"""


def _table(name: str, values: Mapping[str, object]) -> str:
    lines = [f"[{name}]"] + [f"{key} = {json.dumps(value, ensure_ascii=False)}"
                             for key, value in values.items() if value is not None]
    return "\n".join(lines) + "\n"


def jan_toml(*, person: Mapping[str, object] | None = None,
             public: Mapping[str, object] | None = None,
             private: Mapping[str, object] | None = None,
             address: Mapping[str, object] | None = None,
             home: Mapping[str, object] | None = None) -> str:
    """``home``: a ``[private.home_location]`` (latitude, longitude, radius_m)."""
    tables = [
        _table("person", {**PERSON, **(person or {})}),
        _table("public", PUBLIC if public is None else public),
        _table("private", {**PRIVATE, **(private or {})}),
        _table("private.address", {**ADDRESS, **(address or {})}),
    ]
    if home is not None:
        tables.append(_table("private.home_location", home))
    return "\n".join(tables)


def jan(*, person: Mapping[str, object] | None = None,
        public: Mapping[str, object] | None = None,
        private: Mapping[str, object] | None = None,
        address: Mapping[str, object] | None = None,
        home: Mapping[str, object] | None = None,
        source: str = "test-profile.toml") -> Profile:
    return parse_profile(jan_toml(person=person, public=public, private=private,
                                  address=address, home=home), source)
