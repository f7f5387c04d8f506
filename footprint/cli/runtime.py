"""What every command shares: the debug switch, consoles and the one error-to-exit mapping."""

from __future__ import annotations

import functools
import logging
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import ParamSpec, TypeVar

import typer

from footprint.errors import ExitStatus, FootprintError

P = ParamSpec("P")
R = TypeVar("R")

INTERNAL_ERROR = 70  # a bug in footprint; --debug shows the traceback


@dataclass
class _State:
    debug: bool = False
    secrets: set[str] = field(default_factory=set)  # values to keep out of debug output


state = _State()


def error_line(message: str) -> None:
    from footprint.textsafe import clean

    sys.stderr.write(f"error: {clean(message)}\n")
    sys.stderr.flush()


class _RedactSecrets(logging.Filter):
    """Debug output must not show API keys, whatever a library logs."""

    def filter(self, record: logging.LogRecord) -> bool:
        from footprint.strings import REDACTED

        secrets = [v for k, v in os.environ.items()
                   if k.endswith(("_API_KEY", "_TOKEN", "_KEY")) and len(v) >= 6]
        secrets += [v for v in state.secrets if len(v) >= 6]
        message = record.getMessage()
        for value in secrets:
            message = message.replace(value, REDACTED)
        record.msg, record.args = message, None
        return True


def debug_logging() -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.addFilter(_RedactSecrets())
    logging.basicConfig(level=logging.DEBUG, handlers=[handler])


def guarded(func: Callable[P, R]) -> Callable[P, R]:
    """Maps errors to one ``error:`` line and a documented exit status."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except (typer.Exit, typer.Abort):
            raise
        except FootprintError as exc:
            if state.debug:
                raise
            error_line(str(exc))
            raise typer.Exit(int(exc.exit_status)) from None
        except KeyboardInterrupt:
            error_line("interrupted")
            raise typer.Exit(int(ExitStatus.INTERRUPTED)) from None
        except Exception as exc:
            if state.debug:
                raise
            error_line(f"internal error: {type(exc).__name__}: {exc} "
                       "(run with --debug for details, and please report it)")
            raise typer.Exit(INTERNAL_ERROR) from None

    return wrapper
