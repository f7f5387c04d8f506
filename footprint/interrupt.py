"""Ctrl-C during long work (a scan, an evidence capture): stop once, keep what finished.

The first Ctrl-C cancels the work once; any further Ctrl-C is ignored from then on (SIGINT
is left ignored: the caller restores it after saving), so a nervous double press neither
hangs nor tears a half-written report or evidence folder.
"""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Awaitable
from typing import TypeVar

T = TypeVar("T")


async def until_interrupted(work: Awaitable[T]) -> tuple[T | None, bool]:
    """``(result, False)``, or ``(None, True)`` when Ctrl-C stopped the work."""
    loop = asyncio.get_running_loop()
    task = asyncio.current_task()
    stopping = False

    def on_sigint() -> None:
        nonlocal stopping
        if not stopping and task is not None:
            stopping = True
            task.cancel()

    try:
        loop.add_signal_handler(signal.SIGINT, on_sigint)
        installed = True
    except (NotImplementedError, RuntimeError, ValueError):  # Windows, or not main thread
        installed = False
    try:
        return await work, False
    except asyncio.CancelledError:
        if not stopping:
            raise
        if task is not None:
            task.uncancel()
        return None, True
    finally:
        if installed:
            loop.remove_signal_handler(signal.SIGINT)
            if stopping:  # until what finished is saved
                signal.signal(signal.SIGINT, signal.SIG_IGN)
