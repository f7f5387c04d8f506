from __future__ import annotations

import asyncio

import pytest
from footprint_checks.breach import ratelimit
from footprint_checks.breach.ratelimit import SlidingWindowLimiter


class FakeTime:
    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds
        await asyncio.sleep(0)


@pytest.fixture
def fake_time(monkeypatch: pytest.MonkeyPatch) -> FakeTime:
    fake = FakeTime()
    monkeypatch.setattr(ratelimit, "clock", fake.clock)
    monkeypatch.setattr(ratelimit, "sleep", fake.sleep)
    return fake


async def test_burst_up_to_the_limit_then_waits_for_the_window(fake_time: FakeTime) -> None:
    limiter = SlidingWindowLimiter(3, window=60.0)
    for _ in range(3):
        await limiter.acquire()
    assert fake_time.sleeps == []
    await limiter.acquire()
    assert fake_time.sleeps == [60.0]


async def test_pause_holds_everyone(fake_time: FakeTime) -> None:
    limiter = SlidingWindowLimiter(100)
    limiter.pause(30)
    await asyncio.gather(limiter.acquire(), limiter.acquire())
    assert sum(fake_time.sleeps) == 30.0
    assert fake_time.now == 1030.0


async def test_recorded_requests_count(fake_time: FakeTime) -> None:
    limiter = SlidingWindowLimiter(1, window=10.0)
    limiter.record()
    fake_time.now += 4
    await limiter.acquire()
    assert fake_time.sleeps == [6.0]
