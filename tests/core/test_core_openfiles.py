"""Concurrency fits the open-file limit instead of failing with 'Too many open files'."""

from __future__ import annotations

import resource

import pytest

from footprint import openfiles


class Limits:
    def __init__(self, soft: int, hard: int, settable: bool = True) -> None:
        self.soft, self.hard, self.settable = soft, hard, settable

    def get(self, which: int) -> tuple[int, int]:
        assert which == resource.RLIMIT_NOFILE
        return self.soft, self.hard

    def set(self, which: int, limits: tuple[int, int]) -> None:
        if not self.settable:
            raise ValueError("not allowed")
        self.soft, self.hard = limits


@pytest.fixture
def limits(monkeypatch: pytest.MonkeyPatch) -> Limits:
    fake = Limits(256, 10240)
    monkeypatch.setattr(resource, "getrlimit", fake.get)
    monkeypatch.setattr(resource, "setrlimit", fake.set)
    return fake


def test_a_low_soft_limit_is_raised_toward_the_hard_one(limits: Limits) -> None:
    assert openfiles.fit_concurrency(512) == 512
    assert limits.soft == 512 + openfiles.RESERVE and limits.hard == 10240


def test_the_hard_limit_caps_concurrency(limits: Limits) -> None:
    limits.soft, limits.hard = 256, 300
    assert openfiles.fit_concurrency(512) == 300 - openfiles.RESERVE
    assert limits.soft == 300


def test_when_the_limit_cannot_be_raised_fewer_checks_run(limits: Limits) -> None:
    limits.settable = False
    assert openfiles.fit_concurrency(512) == 256 - openfiles.RESERVE
    limits.soft = 100
    assert openfiles.fit_concurrency(512) == 1  # never zero: the scan still runs


def test_enough_room_changes_nothing(limits: Limits) -> None:
    limits.soft = 20000
    assert openfiles.fit_concurrency(1024) == 1024 and limits.soft == 20000
    limits.soft = resource.RLIM_INFINITY
    assert openfiles.fit_concurrency(1024) == 1024
