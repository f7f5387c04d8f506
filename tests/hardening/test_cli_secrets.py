"""API keys never appear in reports, logs, --debug output or error messages, even when a
hostile service repeats them back in every field of its answer."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from .cli import Home, run
from .faultserver import FaultServer, serve

CANARIES = {
    "HIBP_API_KEY": "canaryhibp0123456789abcdef012345",
    "BRAVE_API_KEY": "canary-brave-5f1e2d3c",
    "KVK_API_KEY": "canary-kvk-9a8b7c6d",
    "GRAVATAR_API_KEY": "canary-gravatar-4e5f6a7b",
    "SOME_OTHER_TOKEN": "canary-unrelated-1a2b3c",
}
PROFILE = """
[person]
name = "Jan Testpersoon"
[public]
emails = ["jan@testpersoon.nl"]
kvk_numbers = ["87654321"]
trade_names = ["Testpersoon Advies"]
[private.address]
street = "Kerkstraat"
house_number = "12"
postcode = "3511 AB"
"""
ONLY = ["--only", "email.*", "--only", "register.kvk", "--only", "register.raadsinformatie",
        "--only", "search.engine"]


@pytest.fixture(scope="module")
def server() -> Iterator[FaultServer]:
    with serve() as running:
        yield running


def _setup(tmp_path: Path, base: str) -> tuple[Home, list[str]]:
    home = Home(tmp_path).make()
    (home.cwd / "profile.toml").write_text(PROFILE)
    services = ("hibp", "brave", "kvk", "gravatar", "xposedornot", "openbesluitvorming")
    endpoints = "\n".join(f'{s} = "{base}"' for s in services)
    (home.cwd / "config.toml").write_text(
        f"[scan]\ncheck_timeout = 10\nread_timeout = 3\n[endpoints]\n{endpoints}\n"
        "[checks.search]\nprovider = \"brave\"\ndelay_s = 0\nmax_queries = 2\n")
    args = ["scan", "--profile", "profile.toml", "--config", "config.toml", *ONLY,
            "--lang", "en", "--json", "r.json", "--markdown", "r.md", "--html", "r.html",
            "--no-progress"]
    return home, args


def _leaks(text: str) -> list[str]:
    return [name for name, value in CANARIES.items() if value in text]


@pytest.mark.parametrize("debug", [False, True], ids=["plain", "debug"])
def test_keys_never_reach_any_output(tmp_path: Path, server: FaultServer, debug: bool) -> None:
    home, args = _setup(tmp_path, server.url("/echo401"))
    done = run(home, *(["--debug"] if debug else []), *args, timeout=90, **CANARIES)
    outputs = {"stdout": done.stdout, "stderr": done.stderr}
    for name in ("r.json", "r.md", "r.html"):
        outputs[name] = (home.cwd / name).read_text()
    report = json.loads(outputs["r.json"])
    assert {c["host"] for c in report["contacts"]} == {"127.0.0.1"}
    assert any(CANARIES["HIBP_API_KEY"] in h for h in server.heads)  # the key was sent...
    leaks = {where: _leaks(text) for where, text in outputs.items() if _leaks(text)}
    assert not leaks, f"API keys in the output: {leaks}"  # ...and never shown


@pytest.mark.parametrize("debug", [False, True], ids=["plain", "debug"])
def test_keys_in_results_of_an_echoing_service(tmp_path: Path, server: FaultServer,
                                               debug: bool) -> None:
    """The same with a 200 answer: the echoed text is content, matched and quoted."""
    home, args = _setup(tmp_path, server.url("/echo200"))
    done = run(home, *(["--debug"] if debug else []), *args, timeout=90, **CANARIES)
    texts = [done.stdout, done.stderr] + [(home.cwd / n).read_text()
                                          for n in ("r.json", "r.md", "r.html")]
    assert not [_leaks(t) for t in texts if _leaks(t)]
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("debug", [False, True], ids=["plain", "debug"])
def test_keys_named_through_the_config_are_hidden_too(tmp_path: Path, server: FaultServer,
                                                      debug: bool) -> None:
    """[secrets] HIBP_API_KEY = "VAULT_ENTRY_7": the key sits in a variable whose name says
    nothing about being a key."""
    home, args = _setup(tmp_path, server.url("/echo401"))
    config = home.cwd / "config.toml"
    config.write_text(config.read_text() + '[secrets]\nHIBP_API_KEY = "VAULT_ENTRY_7"\n')
    key = "canary-vault-0f9e8d7c6b5a"
    done = run(home, *(["--debug"] if debug else []), *args, "--only", "email.hibp",
               timeout=90, VAULT_ENTRY_7=key)
    assert any(key in h for h in server.heads)
    texts = [done.stdout, done.stderr] + [(home.cwd / n).read_text()
                                          for n in ("r.json", "r.md", "r.html")]
    assert not [t for t in texts if key in t]
