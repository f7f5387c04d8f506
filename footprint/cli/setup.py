"""Turns command-line choices into a ready ScanRun: settings, checks, secrets, consoles."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import httpx
from rich.console import Console

from footprint.cli.runtime import state
from footprint.config import Settings, config_path, load_settings
from footprint.dns import Resolver
from footprint.errors import UsageError
from footprint.history import History
from footprint.http.client import http_options
from footprint.i18n import detect_lang
from footprint.models import Lang
from footprint.profile.model import Profile
from footprint.registry import CheckRegistry
from footprint.scan import ScanRun


def console_pair() -> tuple[Console, Console]:
    """The report goes to stdout, progress and warnings to stderr."""
    return Console(highlight=False, soft_wrap=False), Console(stderr=True, highlight=False)


def load_registry(settings: Settings, extra: Mapping[str, Mapping[str, Any]],
                  err: Console, *, builtin_only: bool = False) -> CheckRegistry:
    from footprint.registry import BUILTIN

    families: dict[str, dict[str, Any]] = {k: dict(v) for k, v in settings.checks.items()}
    for family, values in extra.items():
        families.setdefault(family, {}).update(values)
    registry = CheckRegistry.load([BUILTIN] if builtin_only else None, settings=families)
    for problem in registry.problems:
        err.print(f"warning: {problem}", markup=False, highlight=False)
    return registry


def build_run(profile: Profile, config: Path | None, only: Sequence[str], skip: Sequence[str],
              enable: Sequence[str], extra: Mapping[str, Mapping[str, Any]],
              lang_flag: str | None, concurrency: int | None, timeout: float | None,
              err: Console, *, progress: bool = True,
              transport: httpx.AsyncBaseTransport | None = None,
              resolver: Resolver | None = None, settings: Settings | None = None,
              fake_secrets: bool = False, builtin_only: bool = False,
              proxy: str | None = None, no_proxy: bool = False) -> tuple[ScanRun, Lang]:
    if lang_flag is not None and lang_flag not in ("nl", "en"):
        raise UsageError(f"--lang {lang_flag!r}: use nl or en")
    settings = settings or load_settings(config_path(config))
    lang = detect_lang(lang_flag or settings.lang)
    registry = load_registry(settings, extra, err, builtin_only=builtin_only)
    checks = registry.select(only, skip, enable)
    infos = [check.info(settings.endpoints) for check in checks]
    secrets = settings.resolve_secrets()
    state.secrets.update(secrets.values())  # --debug output redacts them, however named
    if fake_secrets:
        for check in checks:
            for name in (*check.secrets, *check.optional_secrets):
                secrets[name] = "demo-key"
    # a replaced network (the demo, tests) goes through no proxy
    http = http_options(settings, proxy=proxy, no_proxy=no_proxy or transport is not None,
                        redact=state.secrets)
    from footprint.engine import NullProgress, Progress

    reporter: Progress = NullProgress()
    if progress and err.is_terminal:
        from footprint.ui.progress import RichProgress

        reporter = RichProgress(err, lang)
    run = ScanRun(profile=profile, checks=checks, infos=infos, http=http,
                  concurrency=concurrency or settings.concurrency,
                  check_timeout=timeout or settings.check_timeout, secrets=secrets,
                  endpoints=settings.endpoints, settings=settings.checks, transport=transport,
                  resolver=resolver, progress=reporter, lang=lang)
    return run, lang


def history_for(profile: Path | None) -> History:
    """The saved scans of ``--profile`` (the default profile when not given)."""
    from footprint.config import default_profile_path

    return History.for_file(profile or default_profile_path())
