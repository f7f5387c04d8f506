"""Test plumbing: respx over footprint's own transport, and no way out to the internet.

respx patches httpcore by default, which footprint's transport does not use; the mocker
here patches ``PerOriginTransport`` instead, so CLI tests still run the whole real client
stack (guard included) with respx answering at the bottom of it.
"""

from __future__ import annotations

import ipaddress
import socket
from typing import Any

import httpx
from respx.mocks import AbstractRequestMocker


class FootprintTransportMocker(AbstractRequestMocker):
    name = "footprint"
    targets = ["footprint.http.transport.PerOriginTransport"]
    target_methods = ["handle_async_request"]

    @classmethod
    def to_httpx_request(cls, **kwargs: Any) -> httpx.Request:
        request: httpx.Request = kwargs["request"]
        return request

    @classmethod
    async def from_async_httpx_response(cls, httpx_response: httpx.Response, target: Any,
                                        **kwargs: Any) -> httpx.Response:
        return httpx_response


def is_loopback(host: object) -> bool:
    name = host.decode() if isinstance(host, bytes) else str(host)
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name.split("%", 1)[0]).is_loopback
    except ValueError:
        return False


class InternetUsed(OSError):
    pass


def guarded_getaddrinfo(real: Any) -> Any:
    def getaddrinfo(host: object, *args: Any, **kwargs: Any) -> Any:
        if host is not None and not is_loopback(host):
            raise InternetUsed(f"tests never touch the internet (asked for {host!r})")
        return real(host, *args, **kwargs)
    return getaddrinfo


def guarded_connect(real: Any) -> Any:
    def connect(sock: socket.socket, address: Any) -> Any:
        if sock.family in (socket.AF_INET, socket.AF_INET6) and not is_loopback(address[0]):
            raise InternetUsed(f"tests never touch the internet (connect to {address[0]})")
        return real(sock, address)
    return connect
