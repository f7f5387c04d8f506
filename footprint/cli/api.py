"""What a check family's (or a plugin's) own commands use of the CLI, in one place.

``footprint photos``, ``footprint sites``, ``footprint password`` and the like are
registered through ``footprint.commands.v1`` with a ``register(app)`` function. They import
this module and nothing else from ``footprint.cli`` (a layering test holds them to it), so
the CLI's internals (runtime, setup, the HTTP client stack) can change behind it.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Literal, overload

from footprint.cli import options as opt
from footprint.cli.runtime import guarded, state
from footprint.cli.setup import console_pair
from footprint.config import Settings, config_path, default_profile_path, load_settings
from footprint.errors import ExitStatus, FootprintError, UsageError
from footprint.http.client import HttpOptions, build_client, http_options, session_for
from footprint.http.session import HttpSession
from footprint.i18n import detect_lang
from footprint.models import Lang
from footprint.output import write_atomic
from footprint.profile.model import Profile

__all__ = [
    "ExitStatus",
    "FootprintError",
    "Settings",
    "UsageError",
    "console_pair",
    "guarded",
    "language",
    "network_options",
    "own_profile",
    "plain_session",
    "settings_for",
    "opt",
    "write_atomic",
]


def settings_for(config: Path | None) -> Settings:
    """The config file named by ``--config`` (or ``FOOTPRINT_CONFIG``, or the default)."""
    return load_settings(config_path(config))


def language(explicit: str | None, settings: Settings | None = None) -> Lang:
    """``--lang``, else the config's ``lang``, else the locale."""
    if explicit is not None and explicit not in ("nl", "en"):
        raise UsageError(f"--lang {explicit!r}: use nl or en")
    return detect_lang(explicit or (settings.lang if settings else None))


@overload
def own_profile(path: Path | None) -> Profile: ...
@overload
def own_profile(path: Path | None, *, required: Literal[False]) -> Profile | None: ...


def own_profile(path: Path | None, *, required: bool = True) -> Profile | None:
    """``--profile``, else the default profile; None when there is none and it is not
    ``required`` (a missing required one is the usual profile error)."""
    from footprint.profile.load import load_profile

    if path is not None:
        return load_profile(path)
    default = default_profile_path()
    if required or default.exists():
        return load_profile(default)
    return None


def network_options(settings: Settings, proxy: str | None = None,
                    no_proxy: bool = False) -> HttpOptions:
    """The config's limits and network settings, with ``--proxy`` / ``--no-proxy`` over the
    config over the environment; a proxy's password joins what --debug never shows."""
    return http_options(settings, proxy=proxy, no_proxy=no_proxy, redact=state.secrets)


@asynccontextmanager
async def plain_session(settings: Settings, proxy: str | None = None,
                        no_proxy: bool = False) -> AsyncIterator[HttpSession]:
    """A guarded client for a command that sends nothing about the user (a public file, a
    k-anonymous hash prefix): the config's timeouts and network (proxy, certificates,
    deadline), footprint's User-Agent, no profile markers to guard because none are loaded."""
    options = network_options(settings, proxy, no_proxy)
    async with build_client((), options) as client:
        yield session_for(client, options)
