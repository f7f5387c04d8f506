"""Fewer garbage collections while a scan runs.

Everything loaded before a scan (modules, catalogues, hundreds of checks) lives until it
ends, while the scan itself makes many short-lived objects. Without this, each collection
walks the long-lived ones again: about 8% of a 500-site sweep's CPU time (benchmarks/).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

YOUNG_THRESHOLD = 10_000  # objects allocated between young collections (Python: 700)


_active: list[tuple[int, int, int]] = []  # the thresholds before the first scan began


@contextmanager
def fewer_collections() -> Iterator[None]:
    """For the scan's duration; overlapping scans (tests, library users) share one pause."""
    if not _active:
        before = gc.get_threshold()
        gc.freeze()  # what exists now is not scanned again until the scan ends
        gc.set_threshold(max(before[0], YOUNG_THRESHOLD), before[1], before[2])
        _active.append(before)
    else:
        _active.append(_active[0])
    try:
        yield
    finally:
        before = _active.pop()
        if not _active:
            gc.set_threshold(*before)
            gc.unfreeze()
