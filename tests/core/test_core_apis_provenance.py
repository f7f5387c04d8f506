"""apis.toml: every outside API of the built-in checks says where its shapes were confirmed,
and `footprint checks` shows it (table and --json)."""

from __future__ import annotations

import json

import pytest
from footprint_checks import provide
from footprint_checks.apis import ApiDataError, apis, parse_apis, records_for
from typer.testing import CliRunner

from footprint.cli.app import app

GOOD = '''
[[api]]
id = "x"
name = "X API"
checks = ["email.x"]
checked = { status = "confirmed", date = "2026-12-05", source = "https://x.example/docs" }
'''


def test_every_api_check_has_records_and_every_named_check_exists() -> None:
    ids = {c.id for c in provide()}
    for api in apis():
        assert set(api.checks) <= ids, api.id
    for check_id in ("email.hibp", "email.xposedornot", "email.gravatar", "domain.rdap",
                     "register.kvk", "register.raadsinformatie", "search.engine"):
        assert records_for(check_id), check_id
    statuses = {api.id: api.checked.status for api in apis()}
    assert statuses["gravatar"] == "confirmed" and statuses["pwned-passwords"] == "confirmed"
    assert "unconfirmed" not in statuses.values()


@pytest.mark.parametrize(("change", "message"), [
    (('checks = ["email.x"]', 'checks = ["X"]'), "check ids"),
    (('checks = ["email.x"]', ""), "name the checks or commands"),
    (('checked = { status = "confirmed", date = "2026-12-05", source = "https://x.example/docs" }',
      ""), "missing 'checked'"),
    (('source = "https://x.example/docs"', 'note = "only a blog"'), "needs the source URL"),
    (('name = "X API"', 'name = "X API"\nowner = "me"'), "unknown key 'owner'"),
])
def test_bad_entries_are_named(change: tuple[str, str], message: str) -> None:
    with pytest.raises(ApiDataError, match="api 'x'") as caught:
        parse_apis(GOOD.replace(*change))
    assert message in str(caught.value)


def test_checks_command_shows_the_records() -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["checks", "--json"])
    assert result.exit_code == 0, result.output
    rows = {row["id"]: row for row in json.loads(result.stdout)["checks"]}
    gravatar = rows["email.gravatar"]["shapes"]
    assert gravatar[0]["status"] == "confirmed"
    assert gravatar[0]["source"].startswith("https://docs.gravatar.com/")
    assert {r["status"] for r in rows["register.kvk"]["shapes"]} == {"partly"}
    # copy-pages fetches only the sites with a page per KvK number: bizzy, not confirmed
    assert [r["subject"] for r in rows["register.copy-pages"]["shapes"]] == ["bizzy"]
    table = runner.invoke(app, ["checks"], env={"COLUMNS": "250"})
    line = next(x for x in table.stdout.splitlines() if "email.gravatar" in x)
    assert "confirmed 2026-12-05" in line
