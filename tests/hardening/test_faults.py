"""Network faults end as the right status with a clear reason: never a crash, never "clear".

Every request goes through the real stack (build_client, the guard, the origin-sharded
transport, HttpSession, the engine) to a misbehaving server on 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import socket
import time
from collections.abc import Iterator
from dataclasses import replace

import pytest

from footprint.models import CheckResult, Status

from .faultserver import FaultServer, Reply, full_backlog, refused_port, serve
from .harness import FAST, FetchJson, FetchPage, Scan, run_one


@pytest.fixture(scope="module")
def server() -> Iterator[FaultServer]:
    with serve() as running:
        yield running


def assert_not_clear(result: CheckResult) -> None:
    assert result.status is not Status.CLEAR
    assert not result.findings
    assert result.reason is not None and result.reason.en and result.reason.nl


# path, expected status, words the (English) reason must contain
FAULTS: list[tuple[str, Status, tuple[str, ...]]] = [
    ("/stall", Status.TIMEOUT, ("no answer",)),
    ("/stall-headers", Status.TIMEOUT, ("no answer",)),
    ("/reset", Status.ERROR, ("network error",)),
    ("/reset-mid-body", Status.ERROR, ("network error",)),
    ("/429", Status.INCONCLUSIVE, ("rate limited", "429")),
    ("/429-retry-now", Status.INCONCLUSIVE, ("rate limited",)),
    ("/429-retry-later", Status.INCONCLUSIVE, ("rate limited",)),
    ("/429-retry-date", Status.INCONCLUSIVE, ("rate limited",)),
    ("/429-retry-garbage", Status.INCONCLUSIVE, ("rate limited",)),
    ("/500", Status.ERROR, ("HTTP 500", "127.0.0.1")),
    ("/502", Status.ERROR, ("HTTP 502",)),
    ("/503", Status.ERROR, ("HTTP 503",)),
    ("/503-retry-now", Status.ERROR, ("HTTP 503",)),
    ("/big", Status.INCONCLUSIVE, ("exceeded", "KiB")),
    ("/gzip-bomb", Status.INCONCLUSIVE, ("exceeded", "KiB")),
    ("/loop", Status.INCONCLUSIVE, ("redirect",)),
    ("/missing", Status.ERROR, ("HTTP 404",)),
    ("/huge-headers", Status.ERROR, ("network error",)),
    ("/garbage", Status.ERROR, ("network error",)),
    ("/redirect-file", Status.ERROR, ("unusable address",)),  # footprint follows redirects
    ("/redirect-javascript", Status.ERROR, ("unusable address",)),  # not an httpx.HTTPError
]


@pytest.mark.parametrize(("path", "status", "words"), FAULTS, ids=[f[0] for f in FAULTS])
async def test_fault_ends_as_the_right_status(server: FaultServer, path: str, status: Status,
                                              words: tuple[str, ...]) -> None:
    started = time.monotonic()
    result = await run_one(FetchPage(server.url(path)))
    assert_not_clear(result)
    assert result.status is status, result.reason
    for word in words:
        assert word in result.reason.en  # type: ignore[union-attr]
    assert time.monotonic() - started < 5  # bounded: small timeouts, no long Retry-After wait


@pytest.mark.parametrize(("path", "hits"), [
    ("/429", 1), ("/429-retry-now", 2), ("/429-retry-later", 1), ("/429-retry-date", 1),
    ("/429-retry-garbage", 1), ("/503", 1), ("/503-retry-now", 2), ("/500", 1),
])
async def test_retries_once_and_only_when_told_to_wait_briefly(path: str, hits: int) -> None:
    with serve() as fresh:
        await run_one(FetchJson(fresh.url(path)))
        assert fresh.hits[path] == hits


async def test_a_trickling_server_is_ended_by_the_check_budget(server: FaultServer) -> None:
    started = time.monotonic()
    result = await run_one(FetchPage(server.url("/trickle")), check_timeout=1.5)
    assert result.status is Status.TIMEOUT
    assert time.monotonic() - started < 4


async def test_json_faults(server: FaultServer) -> None:
    malformed = await run_one(FetchJson(server.url("/malformed-json")))
    assert_not_clear(malformed)
    assert malformed.status in (Status.ERROR, Status.INCONCLUSIVE)
    assert "JSON" in malformed.reason.en  # type: ignore[union-attr]
    deep = await run_one(FetchJson(server.url("/deep-json")))
    assert_not_clear(deep)
    assert deep.status in (Status.ERROR, Status.INCONCLUSIVE)
    shape = await run_one(FetchJson(server.url("/json-not-object")))
    assert shape.status is Status.INCONCLUSIVE
    assert "unexpected answer" in shape.reason.en  # type: ignore[union-attr]


async def test_connection_refused() -> None:
    result = await run_one(FetchPage(f"http://127.0.0.1:{refused_port()}/"))
    assert_not_clear(result)
    assert result.status is Status.ERROR
    assert "ConnectError" in result.reason.en  # type: ignore[union-attr]


async def test_dns_failure_fails_fast_and_stays_local(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []
    real = socket.getaddrinfo

    def fake_getaddrinfo(host: object, *args: object, **kwargs: object) -> object:
        name = host.decode() if isinstance(host, bytes) else str(host)
        if name.endswith(".invalid"):
            asked.append(name)
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real(host, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "getaddrinfo", fake_getaddrinfo)
    started = time.monotonic()
    result = await run_one(FetchPage("http://no-such-host.invalid/page"))
    assert asked == ["no-such-host.invalid"]  # the lookup was ours: nothing left the machine
    assert_not_clear(result)
    assert result.status is Status.ERROR
    assert "ConnectError" in result.reason.en  # type: ignore[union-attr]
    assert time.monotonic() - started < 2


async def test_connect_timeout_on_a_full_listen_queue() -> None:
    with full_backlog() as port:
        probe = socket.socket()
        probe.settimeout(0.3)
        try:
            probe.connect(("127.0.0.1", port))
        except TimeoutError:
            pass
        else:
            pytest.skip("this platform accepts connections past a full listen queue")
        finally:
            probe.close()
        started = time.monotonic()
        result = await run_one(FetchPage(f"http://127.0.0.1:{port}/"))
    assert_not_clear(result)
    assert result.status is Status.TIMEOUT
    assert time.monotonic() - started < 3


async def test_all_faults_in_one_scan_none_crashes_it(server: FaultServer) -> None:
    checks = [FetchPage(server.url(path), f"hardening.fault-{i}")
              for i, (path, _, _) in enumerate(FAULTS)]
    checks.append(FetchJson(server.url("/malformed-json"), "hardening.json"))
    checks.append(FetchPage(f"http://127.0.0.1:{refused_port()}/", "hardening.refused"))
    checks.append(FetchPage(server.url("/nested"), "hardening.nested"))
    # Client and server share one process (and its GIL) here, so the read timeout is
    # looser than in the single-fault tests; the stalls are what it is for.
    options = replace(FAST, read_timeout_s=1.5)
    results = await asyncio.wait_for(Scan(checks, options=options, check_timeout=10).run(), 20)
    assert len(results) == len(checks)
    by_id = {r.check_id: r for r in results}
    for i, (_, status, _) in enumerate(FAULTS):
        # On a loaded machine anything may also time out; that is honest too.
        assert by_id[f"hardening.fault-{i}"].status in (status, Status.TIMEOUT)
    for result in results:
        if result.check_id != "hardening.nested":
            assert_not_clear(result)
    assert by_id["hardening.nested"].status in (Status.CLEAR, Status.TIMEOUT)  # no crash


async def test_waiting_for_a_free_connection_is_not_a_timeout() -> None:
    """Per-host politeness queues requests; a queue longer than the read timeout is not a
    server failure. Only the check's own budget bounds the wait."""
    page = Reply(200, (("Content-Type", "text/html"),),
                 b"<html><title>t</title><body>Kerkstraat 12 in Utrecht</body></html>")
    with serve({"/page": page}) as fresh:
        options = replace(FAST, per_host=1)
        checks = [FetchPage(fresh.url("/stall"), "hardening.stall"),
                  *(FetchPage(fresh.url("/page"), f"hardening.page-{i}") for i in range(3))]
        results = {r.check_id: r for r in await Scan(checks, options=options).run()}
    assert results["hardening.stall"].status is Status.TIMEOUT
    for i in range(3):
        assert results[f"hardening.page-{i}"].status is Status.EXPOSED, \
            results[f"hardening.page-{i}"].reason


async def test_timeout_reasons_say_what_timed_out(server: FaultServer) -> None:
    stalled = await run_one(FetchPage(server.url("/stall")))
    with full_backlog() as port:
        unreachable = await run_one(FetchPage(f"http://127.0.0.1:{port}/"))
    assert stalled.status is Status.TIMEOUT and unreachable.status is Status.TIMEOUT
    assert "read" in stalled.reason.en.lower()  # type: ignore[union-attr]
    assert "connect" in unreachable.reason.en.lower()  # type: ignore[union-attr]
    assert "0.5 s" in stalled.reason.en  # the read timeout, not the check's budget
    assert "127.0.0.1" in stalled.reason.en  # type: ignore[union-attr]
