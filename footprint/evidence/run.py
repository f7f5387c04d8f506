"""One capture run from start to finish, with Ctrl-C handled the way a scan handles it."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from footprint.errors import UsageError
from footprint.evidence.capture import CaptureOptions, Capturer, Markers
from footprint.evidence.folder import EvidenceFolder
from footprint.evidence.verify import verify_folder
from footprint.interrupt import until_interrupted
from footprint.profile.model import Profile


@dataclass(frozen=True, slots=True)
class RunResult:
    folder: Path
    manifest: dict[str, Any]
    captures: list[dict[str, Any]]  # this run's
    interrupted: bool
    timestamp_problem: str | None = None

    @property
    def failed(self) -> list[dict[str, Any]]:
        return [c for c in self.captures if not c["ok"]]


def check_urls(urls: Sequence[str]) -> list[str]:
    """Only web addresses can be captured; anything else is a usage error, up front."""
    out = []
    for url in urls:
        try:
            parsed = httpx.URL(url.strip())
        except httpx.InvalidURL as exc:
            raise UsageError(f"{url!r}: not a valid URL ({exc})") from None
        if parsed.scheme not in ("http", "https") or not parsed.host:
            raise UsageError(f"{url!r}: only http:// and https:// addresses can be captured")
        out.append(str(parsed))
    if not out:
        raise UsageError("give at least one URL to capture")
    return out


def check_new_folder(out: Path) -> None:
    """Refuses a folder that is not empty before anything else happens (a scan first)."""
    path = out.expanduser()
    if path.exists() and (not path.is_dir() or any(path.iterdir())):
        raise UsageError(f"{path}: give a new or empty folder for the evidence")


def capture_to_folder(urls: Sequence[str], out: Path, *, append: bool,
                      profile: Profile | None, options: CaptureOptions,
                      transport: httpx.AsyncBaseTransport | None = None,
                      on_done: Callable[[dict[str, Any]], None] | None = None,
                      extra_files: dict[str, str] | None = None) -> RunResult:
    """``extra_files`` (name: text) go into the folder too, listed and hashed."""
    urls = check_urls(urls)
    folder = EvidenceFolder.open(out, append=append,
                                 problems_of=lambda path: verify_folder(path).problems)
    for name, text in (extra_files or {}).items():
        folder.write_text(name, text)
    before = len(folder.manifest.get("captures", []))
    capturer = Capturer(folder, Markers.of(profile), options, transport, on_done)
    capturer.start()
    interrupted = False
    try:
        interrupted = asyncio.run(_until_interrupted(capturer, urls))
    except KeyboardInterrupt:  # where Ctrl-C cannot be caught as a loop signal
        interrupted = True
    previous = signal.getsignal(signal.SIGINT)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not tear the folder
    try:
        manifest = capturer.finish(interrupted=interrupted)
        problem = None
        if options.timestamp_url and not interrupted:
            from footprint.evidence.timestamp import stamp_manifest

            problem = stamp_manifest(folder, options.timestamp_url, profile, transport,
                                     list(options.timestamp_roots), options.network)
    finally:
        signal.signal(signal.SIGINT, previous)
    return RunResult(folder.path, manifest, manifest["captures"][before:], interrupted, problem)


async def _until_interrupted(capturer: Capturer, urls: list[str]) -> bool:
    _, interrupted = await until_interrupted(capturer.capture(urls))
    return interrupted
