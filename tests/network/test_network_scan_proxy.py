"""A scan through a proxy, end to end on loopback: the report names the proxy (never its
password), a refusing proxy is one clear reason and never "clear", and checks that ask DNS
themselves say their lookups did not go through the proxy."""

from __future__ import annotations

import asyncio
import contextlib
import json
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from footprint.check import BaseCheck, CheckContext
from footprint.cli.app import app
from footprint.dns import DnsAnswer
from footprint.http.client import HttpOptions
from footprint.http.proxy import resolve_routes
from footprint.models import Finding, L10n, Subject
from footprint.profile.load import parse_profile
from footprint.scan import ScanRun
from tests.conftest import PROFILE_TOML, FakeResolver
from tests.hardening.faultserver import refused_port
from tests.loopback import serve
from tests.network.servers import HttpProxy, http_proxy, origin
from tests.persona import ADDRESS_ONLY

runner = CliRunner()
PROFILE = ADDRESS_ONLY
HOME_PAGE = "<title>Jan</title><p>Jan woont aan de Kerkstraat 12, 3511 AB Utrecht.</p>"


@contextlib.contextmanager
def threaded(factory: Callable[[], contextlib.AbstractAsyncContextManager[Any]]
             ) -> Iterator[Any]:
    """An asyncio server in its own thread, for tests that run the CLI synchronously."""
    loop = asyncio.new_event_loop()
    ready: asyncio.Future[Any] = loop.create_future()
    stop = asyncio.Event()

    async def main() -> None:
        async with factory() as state:
            ready.set_result(state)
            await stop.wait()

    thread = threading.Thread(target=loop.run_until_complete, args=(main(),), daemon=True)
    thread.start()
    try:
        yield asyncio.run_coroutine_threadsafe(_wait(ready), loop).result(5)
    finally:
        loop.call_soon_threadsafe(stop.set)
        thread.join(5)
        loop.close()


async def _wait(future: asyncio.Future[Any]) -> Any:
    return await future


def scan(tmp_path: Path, url: str, *extra: str, env: dict[str, str] | None = None) -> Any:
    profile = tmp_path / "profile.toml"
    profile.write_text(PROFILE + f'[public]\nurls = ["{url}"]\n')
    config = tmp_path / "config.toml"
    config.write_text("[scan]\ncheck_timeout = 5\nread_timeout = 2\n")
    return runner.invoke(app, ["scan", "--profile", str(profile), "--config", str(config),
                               "--only", "web.pages", "--lang", "en", "--no-progress",
                               "--json", str(tmp_path / "r.json"),
                               "--markdown", str(tmp_path / "r.md"), *extra], env=env)


def test_a_scan_through_a_proxy_names_it_and_keeps_its_password(tmp_path: Path) -> None:
    with serve({"/jan": (200, HOME_PAGE)}) as base, \
            threaded(lambda: http_proxy(("officer", "geheim"))) as proxy:
        assert isinstance(proxy, HttpProxy)
        result = scan(tmp_path, f"{base}/jan", "--proxy",
                      f"http://officer:geheim@127.0.0.1:{proxy.port}")
    assert result.exit_code == 0, result.output
    assert [(m, t) for m, t, _ in proxy.seen] == [("GET", f"{base}/jan")]
    report = json.loads((tmp_path / "r.json").read_text())
    assert report["results"][0]["status"] == "exposed"
    assert report["proxy"] == f"http://127.0.0.1:{proxy.port}"
    markdown = (tmp_path / "r.md").read_text()
    unescaped = markdown.replace("\\", "")  # markdown escapes (and defangs) addresses
    assert f"through the proxy http[:]//127.0.0.1:{proxy.port} (" in unescaped
    assert "through the proxy" in result.stdout
    for text in (result.output, markdown, (tmp_path / "r.json").read_text()):
        assert "geheim" not in text and "officer" not in text


def test_a_refusing_proxy_from_the_environment_is_never_clear(tmp_path: Path) -> None:
    dead = f"http://127.0.0.1:{refused_port()}"
    env = {"HTTPS_PROXY": dead, "HTTP_PROXY": dead}
    with serve({"/jan": (200, "<p>nothing here</p>")}) as base:
        blocked = scan(tmp_path, f"{base}/jan", env=env)
        report = json.loads((tmp_path / "r.json").read_text())
        direct = scan(tmp_path, f"{base}/jan", "--no-proxy", env=env)
    assert blocked.exit_code != 2, blocked.output
    [result] = report["results"]
    assert result["status"] == "error"
    assert result["reason"]["en"].startswith(f"the proxy {dead} could not be reached")
    assert direct.exit_code == 0, direct.output
    assert json.loads((tmp_path / "r.json").read_text())["results"][0]["status"] == "clear"


class _AsksDns(BaseCheck):
    id = "test.dns"
    title = L10n.same("asks DNS")

    async def run(self, subject: Subject, ctx: CheckContext) -> Iterable[Finding]:
        await ctx.dns.query("example.org", "MX")
        return ()


class _Quiet(BaseCheck):
    id = "test.quiet"
    title = L10n.same("asks nothing")

    async def run(self, subject: Subject, ctx: CheckContext) -> Iterable[Finding]:
        return ()


async def test_dns_lookups_are_reported_as_outside_the_proxy() -> None:
    profile = parse_profile(PROFILE_TOML, "p.toml")
    routes = resolve_routes(cli_proxy="http://user:pw@proxy.example:3128", environ={})
    resolver = FakeResolver({("example.org", "MX"): DnsAnswer(("10 mx.example.org.",))})
    run = ScanRun(profile, [_AsksDns(), _Quiet()], http=HttpOptions(routes=routes),
                  resolver=resolver)
    report = await run.run()
    assert report.proxy == "http://proxy.example:3128"
    assert report.dns_direct == ("test.dns",)
    from footprint.renderers import markdown

    text = markdown.render(report)
    assert "DNS lookups by test.dns did not go through the proxy" in text
    assert "pw@" not in text
    without = await ScanRun(profile, [_AsksDns()], resolver=resolver).run()
    assert without.proxy == "" and without.dns_direct == ()





def test_update_rdap_and_password_end_at_the_deadline_of_a_dripping_server(
        tmp_path: Path) -> None:
    async def drip(_m: str, _t: str, w: asyncio.StreamWriter) -> bool:
        w.write(b"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n")
        for _ in range(100):  # a byte every 0.3 s: never a read timeout
            await w.drain()
            await asyncio.sleep(0.3)
            w.write(b"{")
        return False

    with threaded(lambda: origin(drip)) as server:
        config = tmp_path / "config.toml"
        config.write_text(f'[endpoints]\niana-rdap = "{server.url("/dns.json")}"\n'
                          f'pwnedpasswords = "{server.url("")}"\n'
                          "[network]\nrequest_deadline = 1.5\n")
        started = time.monotonic()
        rdap = runner.invoke(app, ["update-rdap", "--config", str(config)],
                             env={"XDG_CACHE_HOME": str(tmp_path)})
        password = runner.invoke(app, ["password", "--config", str(config)],
                                 input="correct horse\n")
        elapsed = time.monotonic() - started
    assert rdap.exit_code == 3, rdap.output
    assert password.exit_code == 3, password.output
    assert "within 1.5 s (the overall limit per request)" in rdap.output
    assert "Pwned Passwords: no complete answer" in password.output
    assert "correct horse" not in password.output
    assert elapsed < 8  # two requests of at most 1.5 s each, not 30 s of dripping


def test_password_through_a_dead_proxy_says_so_without_the_password(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text("[scan]\nconnect_timeout = 2\n")
    result = runner.invoke(app, ["password", "--config", str(config), "--proxy",
                                 f"http://me:proxypass@127.0.0.1:{refused_port()}"],
                           input="correct horse\n")
    assert result.exit_code == 3, result.output
    assert "the proxy http://127.0.0.1:" in result.output
    assert "could not be reached" in result.output
    assert "proxypass" not in result.output and "correct horse" not in result.output


def test_proxy_passwords_join_the_values_debug_output_hides() -> None:
    from footprint.config import Settings
    from footprint.http.client import http_options

    hidden: set[str] = set()
    http_options(Settings(), proxy="http://u:proxy-secret@p.example:1", redact=hidden)
    assert hidden == {"proxy-secret"}


class _Fetches(BaseCheck):
    id = "test.fetch"
    title = L10n.same("fetches a page")
    url = ""

    async def run(self, subject: Subject, ctx: CheckContext) -> Iterable[Finding]:
        await ctx.http.get(self.url)
        return ()


async def test_a_check_held_past_the_deadline_is_a_timeout_that_says_so() -> None:
    async def drip(_m: str, _t: str, w: asyncio.StreamWriter) -> bool:
        w.write(b"HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n")
        for _ in range(30):
            await w.drain()
            await asyncio.sleep(0.1)
            w.write(b"x")
        return False

    async with origin(drip) as server:
        check = _Fetches()
        check.url = server.url("/")
        run = ScanRun(parse_profile(PROFILE_TOML, "p.toml"), [check], check_timeout=10,
                      http=HttpOptions(request_deadline_s=0.5, retry_max_wait_s=0))
        report = await run.run()
    [result] = report.results
    assert result.status.value == "timeout"
    assert result.reason is not None
    assert "within 0.5 s (the overall limit per request)" in result.reason.en
    assert result.duration_s < 3


def test_update_rdap_on_a_network_inspecting_tls_says_so(tmp_path: Path) -> None:
    import ssl

    import trustme

    ca = trustme.CA()  # a root this computer does not trust, as a TLS filter's would be
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(context)

    async def never(_m: str, _t: str, _w: asyncio.StreamWriter) -> bool:
        return False

    with threaded(lambda: origin(never, context)) as server:
        config = tmp_path / "config.toml"
        config.write_text(f'[endpoints]\niana-rdap = "{server.url("/dns.json", "https")}"\n')
        result = runner.invoke(app, ["update-rdap", "--config", str(config)])
    assert result.exit_code == 3, result.output
    assert "network filter inspecting TLS" in result.output
    assert "docs/network.md#certificates" in result.output
    assert server.seen == []


def test_evidence_capture_goes_through_the_proxy_too(tmp_path: Path) -> None:
    with serve({"/jan": (200, HOME_PAGE)}) as base, \
            threaded(lambda: http_proxy(("officer", "geheim"))) as proxy:
        result = runner.invoke(app, [
            "evidence", "capture", f"{base}/jan", "--out", str(tmp_path / "ev"),
            "--proxy", f"http://officer:geheim@127.0.0.1:{proxy.port}"], env={"NO_PROXY": ""})
    assert result.exit_code == 0, result.output
    assert [(m, t) for m, t, _ in proxy.seen] == [("GET", f"{base}/jan")]
    manifest = (tmp_path / "ev" / "manifest.json").read_text()
    assert "geheim" not in manifest and "geheim" not in result.output


def test_evidence_capture_through_a_dead_proxy_fails_with_its_reason(tmp_path: Path) -> None:
    dead = f"http://127.0.0.1:{refused_port()}"
    with serve({"/jan": (200, HOME_PAGE)}) as base:
        result = runner.invoke(app, ["evidence", "capture", f"{base}/jan", "--out",
                                     str(tmp_path / "ev")], env={"HTTP_PROXY": dead})
    assert result.exit_code == 3, result.output
    [capture] = json.loads((tmp_path / "ev" / "manifest.json").read_text())["captures"]
    assert not capture["ok"] and "proxy" in json.dumps(capture).lower()
