from __future__ import annotations

import hashlib
import logging

import httpx
import pytest
import respx
from footprint_checks.breach.pwned_passwords import (
    RangeError,
    count_in_range,
    parse_range,
    pwned_count,
    split_hash,
)
from typer.testing import CliRunner

from footprint.cli.app import app
from footprint.http.client import HttpOptions, build_client, session_for

from .helpers import load_bytes, load_text

RANGE = "https://api.pwnedpasswords.com/range/"
SAFE = "correct horse battery staple"
SAFE_SHA1 = hashlib.sha1(SAFE.encode()).hexdigest().upper()


@pytest.fixture(autouse=True)
def _no_user_config(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.delenv("FOOTPRINT_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)


def _padded() -> str:
    """Byte-exact, so the \r\n line ends the live API uses are kept."""
    return load_bytes(f"pwnedpasswords_range_{SAFE_SHA1[:5]}_padded_derived.txt").decode()


def _serve_ranges(router: respx.MockRouter) -> respx.Route:
    bodies = {"A94A8": load_text("pwnedpasswords_range_A94A8_sha1.txt"),
              SAFE_SHA1[:5]: _padded()}

    def answer(request: httpx.Request) -> httpx.Response:
        prefix = request.url.path.rsplit("/", 1)[-1]
        return httpx.Response(200, text=bodies.get(prefix, "0018A45C4D1DEF81644B54AB7F969B88D65:0"))

    return router.get(url__startswith=RANGE).mock(side_effect=answer)


def _assert_only_prefix_sent(route: respx.Route, password: str) -> None:
    digest = hashlib.sha1(password.encode()).hexdigest().upper()
    assert route.call_count == 1
    request = route.calls.last.request
    assert request.method == "GET"
    assert request.url.path == f"/range/{digest[:5]}"
    assert request.headers["add-padding"] == "true"
    assert request.content == b""
    sent = str(request.url) + "".join(f"{k}:{v}" for k, v in request.headers.items())
    assert digest[5:] not in sent.upper() and digest[5:10] not in sent.upper()
    assert password not in sent


def test_split_hash_matches_the_documented_example() -> None:
    assert split_hash("test") == ("A94A8", "FE5CCB19BA61C4C0873D391E987982FBBD3")


def test_count_in_real_range() -> None:
    body = load_text("pwnedpasswords_range_A94A8_sha1.txt")
    assert count_in_range(body, "FE5CCB19BA61C4C0873D391E987982FBBD3") == 222947
    assert count_in_range(body, "fe5ccb19ba61c4c0873d391e987982fbbd3") == 222947
    assert count_in_range(body, "0" * 35) == 0


def test_padding_lines_are_not_hits() -> None:
    body = _padded()
    assert "\r\n" in body
    assert f"{SAFE_SHA1[5:]}:0" in body  # the suffix is there, as padding
    assert count_in_range(body, SAFE_SHA1[5:]) == 0
    assert sum(1 for line in body.splitlines() if line.endswith(":0")) == 61


def test_a_line_without_a_number_is_an_error() -> None:
    with pytest.raises(RangeError):
        count_in_range("ABC:many", "ABC")


DOCUMENTED = "pwnedpasswords_range_21BD1_documented.txt"  # see tests/data/breach/README.md
P_AT_SSW0RD = "2DC183F740EE76F27B78EB39C8AD972A757"  # SHA-1 of "P@ssw0rd" minus 21BD1


def test_documented_example_with_crlf_lines() -> None:
    body = load_bytes(DOCUMENTED).decode()
    assert body.count("\r\n") == 10
    assert split_hash("P@ssw0rd") == ("21BD1", P_AT_SSW0RD)
    assert count_in_range(body, P_AT_SSW0RD) == 52579
    assert count_in_range(body, P_AT_SSW0RD.lower()) == 52579  # suffix case does not matter
    assert count_in_range(body.lower(), P_AT_SSW0RD) == 52579
    assert count_in_range(body, "0" * 35) == 0
    assert len(parse_range(body)) == 10


def test_a_padding_line_does_not_hide_a_real_count() -> None:
    """Count-0 lines are excluded wherever they are, as the padding documentation asks,
    so a random padding suffix that equals a real one cannot turn a hit into a miss."""
    body = f"{P_AT_SSW0RD}:0\r\n" + load_bytes(DOCUMENTED).decode()
    assert count_in_range(body, P_AT_SSW0RD) == 52579
    assert count_in_range(f"{P_AT_SSW0RD}:0\r\n{'A' * 35}:3\r\n", P_AT_SSW0RD) == 0


@pytest.mark.parametrize("body", [
    "",                                            # not a single suffix
    "\r\n\r\n",
    "<html><body>Error: 1020</body></html>",      # a WAF page
    '<p style="a:1">x</p>',                       # has a colon, still not a range
    f"{P_AT_SSW0RD}:52579\r\n<html>",            # a good line, then something else
    f"{P_AT_SSW0RD}:5,2579",                       # counts are plain decimals
    f"{P_AT_SSW0RD[:-1]}:1",                       # 34 characters: not a SHA-1 suffix
    f"{P_AT_SSW0RD}Z:1",
])
def test_anything_but_suffix_count_lines_is_an_error(body: str) -> None:
    with pytest.raises(RangeError):
        count_in_range(body, P_AT_SSW0RD)


async def test_core_sends_only_the_prefix(router: respx.MockRouter) -> None:
    route = _serve_ranges(router)
    options = HttpOptions()
    async with build_client((), options) as client:
        assert await pwned_count("test", session_for(client, options)) == 222947
    _assert_only_prefix_sent(route, "test")


runner = CliRunner()


def test_cli_pwned_password_exits_1_and_never_prints_it(router, caplog) -> None:
    caplog.set_level(logging.DEBUG)
    route = _serve_ranges(router)
    result = runner.invoke(app, ["password"], input="test\n")
    assert result.exit_code == 1, result.output
    assert "222,947 times" in result.stdout
    assert "test" not in result.output.replace("pwnedpasswords", "")
    assert "FE5CCB19" not in result.output and "FE5CCB19" not in caplog.text
    _assert_only_prefix_sent(route, "test")


def test_cli_unknown_password_exits_0(router) -> None:
    route = _serve_ranges(router)
    result = runner.invoke(app, ["password", "--lang", "nl"], input=SAFE + "\r\n")
    assert result.exit_code == 0, result.output
    assert "staat niet in Pwned Passwords" in result.stdout
    assert SAFE not in result.output and "horse" not in result.output
    _assert_only_prefix_sent(route, SAFE)


def test_cli_dutch_count_format(router) -> None:
    _serve_ranges(router)
    result = runner.invoke(app, ["password", "--lang", "nl"], input="test\n")
    assert result.exit_code == 1 and "222.947 keer" in result.stdout


def test_cli_empty_input_is_a_usage_error(router) -> None:
    result = runner.invoke(app, ["password"], input="\n")
    assert result.exit_code == 2
    assert "no password given" in result.output
    assert not router.calls


@pytest.mark.parametrize("response", [
    httpx.Response(500), httpx.Response(404), httpx.Response(200, text="<html>"),
    httpx.Response(200, text=""),
    httpx.Response(200, text='<a href="x:1">challenge</a>\n' + "0" * 35 + ":1\n"),
])
def test_cli_failure_exits_3_without_the_password(router, response: httpx.Response) -> None:
    router.get(url__startswith=RANGE).mock(return_value=response)
    result = runner.invoke(app, ["password"], input="hunter2-secret\n")
    assert result.exit_code == 3, result.output
    assert "error:" in result.output
    assert "hunter2" not in result.output


def test_cli_network_error_exits_3(router) -> None:
    router.get(url__startswith=RANGE).mock(side_effect=httpx.ConnectError("refused"))
    result = runner.invoke(app, ["password"], input="hunter2-secret\n")
    assert result.exit_code == 3 and "hunter2" not in result.output


def test_cli_endpoint_override_from_config(router, tmp_path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[endpoints]\npwnedpasswords = "http://127.0.0.1:9/pp"\n', "utf-8")
    route = router.get(url__startswith="http://127.0.0.1:9/pp/range/").mock(
        return_value=httpx.Response(200, text=load_text("pwnedpasswords_range_A94A8_sha1.txt")))
    result = runner.invoke(app, ["password", "--config", str(config)], input="test\n")
    assert result.exit_code == 1, result.output
    assert route.calls.last.request.url.path == "/pp/range/A94A8"
    # what was sent names the host it went to, not the default service
    assert "(127.0.0.1, k-anonymity)" in result.stdout
    assert "api.pwnedpasswords.com" not in result.stdout


class _Terminal:
    def isatty(self) -> bool:
        return True

    def readline(self) -> str:  # pragma: no cover - must never be called on a terminal
        raise AssertionError("a terminal must get the hidden prompt, not a visible read")


def test_terminal_gets_the_hidden_prompt(monkeypatch: pytest.MonkeyPatch) -> None:
    from footprint_checks.breach import commands

    prompts: list[str] = []

    def fake_getpass(prompt: str = "") -> str:
        prompts.append(prompt)
        return "s3cret"

    monkeypatch.setattr(commands.sys, "stdin", _Terminal())
    monkeypatch.setattr(commands.getpass, "getpass", fake_getpass)
    assert commands.read_password() == "s3cret"
    assert prompts and "hidden" in prompts[0]


def test_terminal_end_of_input_is_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from footprint_checks.breach import commands

    from footprint.errors import UsageError

    def eof(prompt: str = "") -> str:
        raise EOFError

    monkeypatch.setattr(commands.sys, "stdin", _Terminal())
    monkeypatch.setattr(commands.getpass, "getpass", eof)
    with pytest.raises(UsageError):
        commands.read_password()


def test_cli_oversized_answer_exits_3(router) -> None:
    router.get(url__startswith=RANGE).mock(
        return_value=httpx.Response(200, content=b"A" * 35 + b":1\n" * (3 * 1024 * 1024 // 3)))
    result = runner.invoke(app, ["password"], input="hunter2-secret\n")
    assert result.exit_code == 3, result.output
    assert "hunter2" not in result.output


def test_undecodable_bytes_hash_as_the_original_bytes() -> None:
    raw = b"caf\xe9-wachtwoord"  # Latin-1, not UTF-8
    as_read = raw.decode("utf-8", "surrogateescape")
    assert split_hash(as_read)[0] == hashlib.sha1(raw).hexdigest().upper()[:5]


def test_cli_documented_padded_answer_is_a_hit(router) -> None:
    padding = "".join(f"{n:035X}:0\r\n" for n in range(800))  # Add-Padding's count-0 lines
    body = padding + load_bytes(DOCUMENTED).decode()
    route = router.get(RANGE + "21BD1").mock(return_value=httpx.Response(
        200, text=body, headers={"content-type": "text/plain"}))
    result = runner.invoke(app, ["password"], input="P@ssw0rd\r\n")
    assert result.exit_code == 1, result.output
    assert "52,579 times" in result.stdout
    _assert_only_prefix_sent(route, "P@ssw0rd")
