"""Shared fixtures: a profile with private markers, and a check context over respx."""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator, Callable

import httpx
import pytest
import respx

from footprint.check import CheckContext
from footprint.dns import DnsAnswer
from footprint.http.client import HttpOptions, build_client, session_for
from footprint.profile.load import parse_profile
from footprint.profile.markers import private_markers
from footprint.profile.model import Profile
from tests.network_guard import FootprintTransportMocker, guarded_connect, guarded_getaddrinfo
from tests.persona import jan_toml

assert FootprintTransportMocker.name == "footprint"  # registered with respx on import

PROFILE_TOML = jan_toml()  # the one test person (tests/persona.py)


@pytest.fixture
def profile() -> Profile:
    return parse_profile(PROFILE_TOML, "test-profile.toml")


class FakeResolver:
    """Answers from a dict {(name, rdtype): DnsAnswer}; unknown names are NXDOMAIN."""

    def __init__(self, answers: dict[tuple[str, str], DnsAnswer] | None = None) -> None:
        self.answers = answers or {}
        self.queries: list[tuple[str, str]] = []

    async def query(self, name: str, rdtype: str) -> DnsAnswer:
        self.queries.append((name, rdtype))
        return self.answers.get((name.rstrip(".").lower(), rdtype.upper()),
                                DnsAnswer((), exists=False))


@pytest.fixture(autouse=True)
def data_dir(tmp_path_factory: pytest.TempPathFactory,
             monkeypatch: pytest.MonkeyPatch) -> object:
    """Scans remember themselves in the user's data folder: in tests, a fresh one each."""
    folder = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("FOOTPRINT_DATA_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def no_internet(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any name lookup or connection beyond loopback fails, whatever the test does; proxy
    variables of the machine running the tests do not reach them."""
    for name in ("http_proxy", "https_proxy", "all_proxy", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)
    monkeypatch.setattr(socket, "getaddrinfo", guarded_getaddrinfo(socket.getaddrinfo))
    monkeypatch.setattr(socket.socket, "connect", guarded_connect(socket.socket.connect))
    monkeypatch.setattr(socket.socket, "connect_ex",
                        guarded_connect(socket.socket.connect_ex))


@pytest.fixture
def router() -> respx.MockRouter:
    """Answers at the bottom of the real client stack; unmocked requests fail the test."""
    with respx.mock(assert_all_called=False, assert_all_mocked=True,
                    using="footprint") as r:
        yield r


ContextFactory = Callable[..., CheckContext]


@pytest.fixture
async def make_context(router: respx.MockRouter,
                       profile: Profile) -> AsyncIterator[ContextFactory]:
    """Builds a CheckContext on the real guarded client stack over the respx router."""
    clients: list[httpx.AsyncClient] = []

    def factory(prof: Profile | None = None, *, secrets: dict[str, str] | None = None,
                endpoints: dict[str, str] | None = None, settings: dict[str, object] | None = None,
                resolver: FakeResolver | None = None,
                options: HttpOptions | None = None) -> CheckContext:
        prof = prof or profile
        opts = options or HttpOptions(retry_max_wait_s=0.0)
        client = build_client(private_markers(prof, include_street=True), opts,
                              transport=httpx.MockTransport(router.async_handler))
        clients.append(client)
        return CheckContext(http=session_for(client, opts), dns=resolver or FakeResolver(),
                            profile=prof, markers=private_markers(prof),
                            secrets=secrets or {}, endpoints=endpoints or {},
                            settings=settings or {})

    yield factory
    for client in clients:
        await client.aclose()
