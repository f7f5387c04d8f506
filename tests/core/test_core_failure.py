"""Connection-level failure causes and when the network counts as unusable."""

from __future__ import annotations

import errno
import socket
import ssl
from datetime import UTC, datetime

import httpx
import pytest

from footprint.dns import DnsFailure
from footprint.failure import cause_of, completeness
from footprint.models import (
    PROFILE_SUBJECT,
    CheckInfo,
    CheckResult,
    Disclosure,
    L10n,
    Report,
    Status,
)

REQUEST = httpx.Request("GET", "https://service.example/")


def _raised(outer: Exception, inner: BaseException | None) -> Exception:
    """``outer`` raised while handling ``inner``, as the transports do (``from None``
    keeps the context, only hidden)."""
    try:
        try:
            if inner is not None:
                raise inner
            raise outer
        except BaseException:
            raise outer from None
    except Exception as exc:  # noqa: BLE001 (the point is to capture it)
        return exc


@pytest.mark.parametrize(("exc", "cause"), [
    (httpx.ProxyError("407 Proxy Authentication Required", request=REQUEST), "proxy"),
    (httpx.ConnectTimeout("connect timed out", request=REQUEST), "connect-timeout"),
    (_raised(httpx.ConnectError("x", request=REQUEST),
             socket.gaierror(socket.EAI_NONAME, "Name or service not known")), "dns"),
    (_raised(httpx.ConnectError("x", request=REQUEST),
             ConnectionRefusedError(errno.ECONNREFUSED, "Connection refused")), "refused"),
    (_raised(httpx.ConnectError("x", request=REQUEST),
             OSError(errno.ENETUNREACH, "Network is unreachable")), "unreachable"),
    (_raised(httpx.ConnectError("x", request=REQUEST),
             ssl.SSLCertVerificationError("certificate verify failed")), "tls"),
    # without a context, the message as the operating system words it
    (httpx.ConnectError("[Errno -2] Name or service not known", request=REQUEST), "dns"),
    (httpx.ConnectError("[Errno 111] Connection refused", request=REQUEST), "refused"),
    (httpx.ConnectError("something else", request=REQUEST), "connect"),
    (DnsFailure("no answer from the resolver"), "dns"),
])
def test_connection_level_causes(exc: Exception, cause: str) -> None:
    assert cause_of(exc) == cause


@pytest.mark.parametrize("exc", [
    httpx.ReadTimeout("read timed out", request=REQUEST),
    httpx.RemoteProtocolError("garbage", request=REQUEST),
    httpx.HTTPStatusError("500", request=REQUEST,
                          response=httpx.Response(500, request=REQUEST)),
    ValueError("a bug in a check"),
])
def test_other_failures_have_no_connection_cause(exc: Exception) -> None:
    assert cause_of(exc) is None


def _report(*results: CheckResult) -> Report:
    now = datetime(2026, 11, 2, tzinfo=UTC)
    sends = CheckInfo("web.pages", L10n.same("pages"), ("url",),
                      (Disclosure("the pages", L10n.same("nothing")),), (), "builtin")
    local = CheckInfo("guide.local", L10n.same("local"), (), (), (), "builtin")
    return Report(results=results, started_at=now, finished_at=now, tool_version="0",
                  checks=(sends, local))


def _result(status: Status, cause: str | None = None, check: str = "web.pages") -> CheckResult:
    return CheckResult(check, PROFILE_SUBJECT, status, cause=cause)


def test_more_than_half_failing_to_connect_is_an_unusable_network() -> None:
    c = completeness(_report(_result(Status.ERROR, "dns"), _result(Status.ERROR, "refused"),
                             _result(Status.CLEAR), _result(Status.MANUAL, check="guide.local")))
    assert (c.network, c.connection_failures, c.network_unusable) == (3, 2, True)
    assert not c.complete and c.causes == {"dns": 1, "refused": 1}


def test_half_is_not_more_than_half() -> None:
    c = completeness(_report(_result(Status.ERROR, "dns"), _result(Status.CLEAR)))
    assert not c.network_unusable and c.undecided == 1


def test_errors_without_a_connection_cause_do_not_count_as_no_network() -> None:
    c = completeness(_report(_result(Status.ERROR), _result(Status.INCONCLUSIVE),
                             _result(Status.CLEAR)))
    assert not c.network_unusable and c.undecided == 2 and not c.complete


def test_complete_when_every_check_decided() -> None:
    c = completeness(_report(_result(Status.CLEAR), _result(Status.SKIPPED)))
    assert c.complete and c.decided == 1


def test_verdict_never_says_nothing_found_for_an_interrupted_scan() -> None:
    from dataclasses import replace

    from footprint.plan import verdict

    report = _report(_result(Status.CLEAR), _result(Status.CLEAR))
    assert verdict(report, "en").text == "nothing exposed found"
    stopped = verdict(replace(report, interrupted=True), "nl").text
    assert "onderbroken" in stopped and "niets gevonden dat" not in stopped


def test_every_cause_is_named_in_the_catalogue_in_both_languages() -> None:
    # the INCOMPLETE line names causes by key (plan.cause.<cause>): a cause without words
    # would fail only in front of someone whose network is down
    from footprint.failure import CAUSES
    from footprint.i18n import catalogue

    words = catalogue()
    missing = [c for c in CAUSES if f"plan.cause.{c}" not in words]
    assert not missing
    for cause in CAUSES:
        entry = words.l10n(f"plan.cause.{cause}")
        assert entry.en and entry.nl
