"""The test suite itself cannot reach the internet (conftest's autouse guard)."""

from __future__ import annotations

import socket

import httpx
import pytest

from footprint.http.transport import PerOriginTransport
from tests.network_guard import InternetUsed


def test_lookups_beyond_loopback_are_refused() -> None:
    with pytest.raises(InternetUsed, match="example.com"):
        socket.getaddrinfo("example.com", 443)
    assert socket.getaddrinfo("127.0.0.1", 80)  # loopback stays usable


def test_connections_beyond_loopback_are_refused() -> None:
    with socket.socket() as sock, pytest.raises(InternetUsed, match="192.0.2.1"):
        sock.connect(("192.0.2.1", 80))


async def test_the_real_transport_cannot_get_out() -> None:
    async with httpx.AsyncClient(transport=PerOriginTransport()) as client:
        with pytest.raises(httpx.ConnectError, match="never touch the internet"):
            await client.get("https://haveibeenpwned.com/")
        with pytest.raises(httpx.ConnectError, match="never touch the internet"):
            await client.get("http://192.0.2.1/")
