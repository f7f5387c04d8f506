"""The `checked` record every curated data entry carries: validated, summarised, shown."""

from __future__ import annotations

from datetime import date

import pytest

from footprint import provenance
from footprint.provenance import Provenance, parse, summary

TODAY = date(2026, 12, 5)


def ok(**fields: str) -> Provenance:
    return parse(fields, "HIBP", "apis.toml: api 'hibp'", today=TODAY)


def test_a_confirmed_record_keeps_source_and_date() -> None:
    record = ok(status="confirmed", date="2026-12-05", source="https://example.org/docs")
    assert record.confirmed and record.source == "https://example.org/docs"
    assert record.as_dict()["subject"] == "HIBP"


@pytest.mark.parametrize(("fields", "message"), [
    ({"status": "maybe", "date": "2026-12-05"}, "status must be one of"),
    ({"status": "confirmed", "date": "2026-12-05"}, "needs the source URL"),
    ({"status": "partly", "date": "2026-12-05", "source": "https://x.org/"}, "needs a note"),
    ({"status": "unconfirmed", "date": "2026-12-05"}, "needs a note"),
    ({"status": "confirmed", "date": "5-12-2026", "source": "https://x.org/"}, "ISO date"),
    ({"status": "confirmed", "date": "2027-01-01", "source": "https://x.org/"}, "future"),
    ({"status": "confirmed", "date": "2026-12-05", "source": "ftp://x.org/"}, "http(s) URL"),
    ({"status": "confirmed", "date": "2026-12-05", "source": "https://x.org/", "by": "me"},
     "unknown key 'by'"),
])
def test_invalid_records_name_the_entry_and_the_problem(fields: dict[str, str],
                                                        message: str) -> None:
    with pytest.raises(ValueError, match="apis.toml: api 'hibp': checked") as caught:
        parse(fields, "HIBP", "apis.toml: api 'hibp'", today=TODAY)
    assert message in str(caught.value)


def test_an_entry_without_a_record_is_refused() -> None:
    with pytest.raises(ValueError, match="missing 'checked'"):
        provenance.parse_in({"id": "x"}, "x", "sources.toml: source 'x'")


def test_summary_for_tables() -> None:
    one = ok(status="unconfirmed", date="2026-12-05", note="no docs")
    two = ok(status="confirmed", date="2026-12-05", source="https://x.org/")
    assert summary([one]) == "unconfirmed 2026-12-05"
    assert summary([one], with_date=False) == "unconfirmed"
    assert summary([two, one, one]) == "1 confirmed, 2 unconfirmed"
    assert summary([]) == "—"


def test_a_plugin_without_records_or_with_junk_has_none() -> None:
    class Plugin:
        provenance = ("not a record",)

    assert provenance.of(Plugin()) == () and provenance.of(object()) == ()
