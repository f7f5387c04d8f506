"""The garbage-collector pause is scoped to the scan and always undone."""

from __future__ import annotations

import gc

import pytest

from footprint.gcpause import YOUNG_THRESHOLD, fewer_collections


def test_paused_during_and_restored_after() -> None:
    before = gc.get_threshold()
    with fewer_collections():
        assert gc.get_threshold()[0] == max(before[0], YOUNG_THRESHOLD)
        assert gc.get_freeze_count() > 0
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def test_overlapping_scans_restore_once_the_last_ends() -> None:
    before = gc.get_threshold()
    outer, inner = fewer_collections(), fewer_collections()
    outer.__enter__()
    inner.__enter__()
    outer.__exit__(None, None, None)  # the first ends while the second still runs
    assert gc.get_threshold()[0] == max(before[0], YOUNG_THRESHOLD)
    inner.__exit__(None, None, None)
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0


def test_restored_when_the_scan_fails() -> None:
    before = gc.get_threshold()
    with pytest.raises(KeyboardInterrupt), fewer_collections():
        raise KeyboardInterrupt
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0
