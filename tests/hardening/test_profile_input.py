"""Bad profiles give one ``error:`` line naming the file and the field, and exit 4.

Checked at the library level (footprint.profile.load) and through the CLI, in-process and
once as a real subprocess so that "no traceback" covers the whole program.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from footprint.cli.app import app
from footprint.errors import ExitStatus, ProfileError
from footprint.profile.load import load_profile, parse_profile

GOOD = """
[person]
name = "Jan de Vries"
[public]
usernames = ["jdevries"]
"""

# name, profile text, the field (or words) the error must name
BAD: list[tuple[str, str, str]] = [
    ("empty", "", "empty"),
    ("only-comments", "# nothing here\n", "empty"),
    ("invalid-toml", "[person\nname = 'x'", "not valid TOML"),
    ("duplicate-key", "[person]\nname = 'a'\nname = 'b'\n", "not valid TOML"),
    ("name-not-string", "[person]\nname = 5\n", "person.name"),
    ("usernames-not-list", "[public]\nusernames = 5\n", "public.usernames"),
    ("usernames-mixed", "[public]\nusernames = ['a', 1]\n", "public.usernames"),
    ("person-not-table", "person = 'Jan'\n", "person"),
    ("unknown-top", "[persoon]\nname = 'x'\n", "persoon"),
    ("unknown-key", "[person]\nnmae = 'Jan'\n", "person.nmae"),
    ("unknown-address-key", "[private.address]\nhousenumber = '12'\n",
     "private.address.housenumber"),
    ("bad-email", "[public]\nemails = ['jan@']\n", "public.emails"),
    ("bad-email-2", "[public]\nemails = ['not an email']\n", "public.emails"),
    ("bad-postcode", "[private.address]\nstreet = 'Kerkstraat'\npostcode = '12345'\n",
     "private.address.postcode"),
    ("bad-postcode-zero", "[private.address]\npostcode = '0123 AB'\n",
     "private.address.postcode"),
    ("bad-phone", "[private]\nphones = ['12']\n", "private.phones"),
    ("bad-public-phone", "[public]\nphones = ['call me']\n", "public.phones"),
    ("bad-url", "[public]\nurls = ['not a url']\n", "public.urls"),
    ("file-url", "[public]\nurls = ['file:///etc/passwd']\n", "public.urls"),
    ("javascript-url", "[public]\nurls = ['javascript:alert(1)']\n", "public.urls"),
    ("data-url", "[public]\nurls = ['data:text/html,<script>']\n", "public.urls"),
    ("hostless-url", "[public]\nurls = ['https://']\n", "public.urls"),
    ("bad-domain", "[public]\ndomains = ['https://example.nl']\n", "public.domains"),
    ("bad-kvk", "[public]\nkvk_numbers = ['1234']\n", "public.kvk_numbers"),
    ("short-family", "[private]\nfamily = ['Jan']\n", "private.family"),
    ("short-other", "[private]\nother = ['a-b-c']\n", "private.other"),
    ("symbol-other", "[private]\nother = ['!!!!!!']\n", "private.other"),
    ("short-street", "[private.address]\nstreet = 'Ab'\n", "private.address.street"),
    ("number-without-street", "[private.address]\nhouse_number = '12'\n",
     "private.address.street"),
    ("bad-house-number", "[private.address]\nstreet = 'Kerkstraat'\nhouse_number = '12a'\n",
     "private.address.house_number"),
    ("control-chars", "[person]\nname = \"Jan\\u001b[31m\"\n", "person.name"),
    ("latitude-out-of-range",
     "[private.home_location]\nlatitude = 91\nlongitude = 5\n", "latitude"),
    ("latitude-not-number",
     "[private.home_location]\nlatitude = '52'\nlongitude = 5\n", "latitude"),
    ("suppression-not-array", "[suppressions]\nfinding = 'abc'\n", "suppressions"),
    ("suppression-bad-id", "[[suppressions]]\nfinding = 'xyz'\nreason = 'done'\n",
     "suppressions.finding"),
    ("suppression-bad-reason",
     "[[suppressions]]\nfinding = '0123456789ab'\nreason = 'meh'\n", "suppressions.reason"),
]


@pytest.mark.parametrize(("text", "field"), [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_bad_profile_names_file_and_field(tmp_path: Path, text: str, field: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProfileError) as caught:
        load_profile(path)
    message = str(caught.value)
    assert message.startswith(str(path))
    assert field in message
    assert "\n" not in message
    assert caught.value.exit_status is ExitStatus.CONFIG


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ProfileError, match="file not found") as caught:
        load_profile(tmp_path / "nope.toml")
    assert str(tmp_path / "nope.toml") in str(caught.value)


def test_not_utf8_and_not_a_file(tmp_path: Path) -> None:
    latin = tmp_path / "latin.toml"
    latin.write_bytes("[person]\nname = 'Renée'\n".encode("latin-1"))
    with pytest.raises(ProfileError, match="UTF-8"):
        load_profile(latin)
    with pytest.raises(ProfileError, match="cannot read"):
        load_profile(tmp_path)  # a directory


def test_the_good_profile_loads() -> None:
    assert parse_profile(GOOD, "good.toml").public.usernames == ("jdevries",)


runner = CliRunner()


@pytest.mark.parametrize(("text", "field"), [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_cli_bad_profile_is_one_error_line_and_exit_4(tmp_path: Path, text: str,
                                                      field: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["scan", "--profile", str(path), "--no-progress"])
    assert result.exit_code == ExitStatus.CONFIG, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"error: {path}")
    assert field in lines[0]
    assert "Traceback" not in result.output
    assert result.stdout == ""
    assert result.exception is None or isinstance(result.exception, SystemExit)


def _subprocess_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FOOTPRINT_", "XDG_"))}
    env.update(HOME=str(tmp_path / "home"), XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_CACHE_HOME=str(tmp_path / "cache"), XDG_DATA_HOME=str(tmp_path / "data"),
               FOOTPRINT_DISABLE_PLUGIN_AUTOLOAD="1", NO_COLOR="1", PYTHONWARNINGS="error")
    return env


@pytest.mark.parametrize("name", ["invalid-toml", "file-url", "short-family", "missing"])
def test_subprocess_bad_profile_no_traceback(tmp_path: Path, name: str) -> None:
    path = tmp_path / "bad.toml"
    if name != "missing":
        path.write_text(next(b[1] for b in BAD if b[0] == name), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "footprint", "scan", "--profile", str(path),
                           "--no-progress"], capture_output=True, text=True, timeout=60,
                          env=_subprocess_env(tmp_path), cwd=tmp_path)
    assert done.returncode == ExitStatus.CONFIG, done.stderr
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("error: "), done.stderr
    assert str(path) in done.stderr
    assert "Traceback" not in done.stderr + done.stdout


# A private detail that is part of a public identifier cannot be kept private: every
# request carrying that identifier would be blocked. Said once, at load, naming both.
CONFLICTS = [
    ("family = surname", '[person]\nname = "Jan de Vries"\n[private]\nfamily = ["de Vries"]\n',
     "private.family"),
    ("family in alias", '[person]\nname = "Jan"\naliases = ["Jan Marieke Bakker"]\n'
     '[private]\nfamily = ["Marieke Bakker"]\n', "person.aliases"),
    ("street in domain", '[public]\ndomains = ["kerkstraat-bakkerij.nl"]\n'
     '[private.address]\nstreet = "Kerkstraat"\n', "public.domains"),
    ("private phone also public", '[public]\nphones = ["06 12345678"]\n'
     '[private]\nphones = ["+31612345678"]\n', "public.phones"),
    ("other in username", '[public]\nusernames = ["xk123b_fan"]\n[private]\nother = ["XK-123-B"]\n',
     "public.usernames"),
]


@pytest.mark.parametrize(("text", "field"), [c[1:] for c in CONFLICTS],
                         ids=[c[0] for c in CONFLICTS])
def test_a_private_detail_inside_a_public_identifier_is_refused(text: str, field: str) -> None:
    with pytest.raises(ProfileError) as caught:
        parse_profile(text, "conflict.toml")
    message = str(caught.value)
    assert message.startswith("conflict.toml")
    assert field in message and "public" in message and "private" in message


def test_shared_surnames_with_full_names_are_fine() -> None:
    profile = parse_profile('[person]\nname = "Jan de Vries"\n[public]\n'
                            'emails = ["jan@devries.nl"]\n[private]\n'
                            'family = ["Marieke de Vries"]\n[private.address]\n'
                            'street = "Kerkstraat"\nhouse_number = "12"\n', "ok.toml")
    assert profile.private.family == ("Marieke de Vries",)
