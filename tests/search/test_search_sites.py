"""The copy-site list is data, validated on load with errors that name the entry."""

from __future__ import annotations

import pytest
from footprint_checks.search.sites import SiteKind, copy_sites, domains, parse_sites

from footprint.errors import PluginError


def test_bundled_list_loads() -> None:
    sites = copy_sites()
    assert "drimble.nl" in domains(SiteKind.KVK_COPY)
    assert "locatefamily.com" in domains(SiteKind.PEOPLE_DIRECTORY)
    assert len({s.domain for s in sites}) == len(sites)


@pytest.mark.parametrize(("entry", "words"), [
    ('{"domain": "Not A Domain", "name": "x", "kind": "kvk-copy"}', "'domain'"),
    ('{"domain": "a.nl", "name": "", "kind": "kvk-copy"}', "'name'"),
    ('{"domain": "a.nl", "name": "A", "kind": "shop"}', "'kind'"),
    ('{"domain": "a.nl", "name": "A", "kind": "kvk-copy", "url": "x"}', "unknown key"),
])
def test_bad_entries_are_named(entry: str, words: str) -> None:
    with pytest.raises(PluginError) as raised:
        parse_sites('{"sites": [' + entry + "]}", "test.json")
    assert "test.json: sites[0]" in str(raised.value) and words in str(raised.value)


CHECKED = ('"checked": {"status": "unconfirmed", "date": "2026-12-05", '
           '"note": "not looked up"}')


def test_duplicates_are_refused() -> None:
    one = '{"domain": "a.nl", "name": "A", "kind": "kvk-copy", ' + CHECKED + "}"
    with pytest.raises(PluginError, match=r"sites\[1\].*listed twice"):
        parse_sites('{"sites": [' + one + "," + one + "]}")


def test_every_entry_records_whether_it_was_confirmed() -> None:
    bare = '{"domain": "a.nl", "name": "A", "kind": "kvk-copy"}'
    with pytest.raises(PluginError, match=r"sites\[0\] \('a.nl'\): missing 'checked'"):
        parse_sites('{"sites": [' + bare + "]}")
    bad = bare[:-1] + ', "checked": {"status": "confirmed", "date": "2026-12-05"}}'
    with pytest.raises(PluginError, match="needs the source URL"):
        parse_sites('{"sites": [' + bad + "]}")
    for site in copy_sites():
        assert site.checked is not None and site.checked.date == "2026-12-05"
        assert site.checked.subject == site.domain
