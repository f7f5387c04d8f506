"""A sliding-window limiter shared by every address in one scan."""

from __future__ import annotations

import asyncio
import time
from collections import deque

# module attributes so that tests can run the clock without waiting
clock = time.monotonic
sleep = asyncio.sleep


class SlidingWindowLimiter:
    """At most ``limit`` requests in any ``window`` seconds, plus a pause that a 429's
    Retry-After imposes on everyone. HIBP counts requests per key per minute, so a scan of
    five addresses with two requests each fits a 10-per-minute key without waiting."""

    def __init__(self, limit: int, window: float = 60.0) -> None:
        self.limit = max(1, limit)
        self.window = window
        self._sent: deque[float] = deque()
        self._paused_until = 0.0
        self._lock = asyncio.Lock()

    def pause(self, seconds: float) -> None:
        self._paused_until = max(self._paused_until, clock() + max(0.0, seconds))

    def record(self) -> None:
        """Counts a request made outside ``acquire`` (the subscription lookup)."""
        self._sent.append(clock())

    async def acquire(self) -> None:
        async with self._lock:  # first come, first served
            while True:
                now = clock()
                while self._sent and now - self._sent[0] >= self.window:
                    self._sent.popleft()
                wait = self._paused_until - now
                if len(self._sent) >= self.limit:
                    wait = max(wait, self._sent[0] + self.window - now)
                if wait <= 0:
                    self._sent.append(now)
                    return
                await sleep(wait)
