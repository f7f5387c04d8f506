"""An overall deadline per request, whatever the transport below.

Connect, read and write timeouts bound each step; a server that drips one byte every two
seconds, or sends ``100 Continue`` over and over, passes every one of them and would hold
a request (and ``footprint update-rdap`` or ``footprint password``) forever. This bounds
the whole exchange, from sending to the last byte of the body.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import httpx

DEFAULT_DEADLINE_S = 30.0


class DeadlineExceeded(httpx.ReadTimeout):
    """The whole exchange took longer than the overall deadline per request."""

    def __init__(self, seconds: float, request: httpx.Request) -> None:
        super().__init__(f"no complete answer from {request.url.host} within {seconds:g} s "
                         "(the overall limit per request)", request=request)
        self.seconds = seconds


class _Bounded(httpx.AsyncByteStream):
    def __init__(self, inner: httpx.AsyncByteStream, until: float, seconds: float,
                 request: httpx.Request) -> None:
        self._inner = inner
        self._until = until
        self._seconds = seconds
        self._request = request

    async def __aiter__(self) -> AsyncIterator[bytes]:
        chunks = self._inner.__aiter__()
        while True:
            try:
                async with asyncio.timeout_at(self._until):
                    chunk = await anext(chunks)
            except StopAsyncIteration:
                return
            except TimeoutError:
                raise DeadlineExceeded(self._seconds, self._request) from None
            yield chunk

    async def aclose(self) -> None:
        await self._inner.aclose()


class DeadlineTransport(httpx.AsyncBaseTransport):
    def __init__(self, inner: httpx.AsyncBaseTransport, seconds: float) -> None:
        self._inner = inner
        self._seconds = seconds

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        until = asyncio.get_running_loop().time() + self._seconds
        try:
            async with asyncio.timeout_at(until):
                response = await self._inner.handle_async_request(request)
        except TimeoutError:
            raise DeadlineExceeded(self._seconds, request) from None
        assert isinstance(response.stream, httpx.AsyncByteStream)
        response.stream = _Bounded(response.stream, until, self._seconds, request)
        return response

    async def aclose(self) -> None:
        await self._inner.aclose()
