"""The ``footprint`` command: builds the Typer app from core and plugin commands.

Core commands live in ``footprint.cli.commands``; check families and plugins add theirs
through the ``footprint.commands.v1`` entry point (a ``register(app)`` function), the
built-in families through the same loader.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import sys
from importlib.metadata import entry_points
from typing import Any

import typer
from typer.core import TyperArgument

from footprint import __version__
from footprint.cli import commands
from footprint.cli.runtime import state
from footprint.registry import (
    BUILTIN_COMMANDS,
    BUILTIN_VERSIONS,
    COMMANDS_GROUP,
    VERSIONS_GROUP,
)


def _argument_type(self: TyperArgument, ctx: Any) -> str | None:
    # Typer prints an argument's Python type after its name ("PATH <list[Path]>"), with no
    # setting to turn it off; our arguments all carry a metavar that says what they take.
    return None if self.metavar else _TYPER_ARGUMENT_TYPE(self, ctx)


_TYPER_ARGUMENT_TYPE = TyperArgument.display_type_rich
TyperArgument.display_type_rich = _argument_type  # type: ignore[method-assign,assignment]

app = typer.Typer(
    name="footprint",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    help="Audit your own digital footprint: where you, your home and your family can be "
         "found online, and what to do about it. Private details never leave this machine.",
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"footprint {__version__}")
        for what, which in _data_versions():
            typer.echo(f"  {what}: {which}")
        raise typer.Exit()


def _data_versions() -> list[tuple[str, str]]:
    """The dated data the checks use (site catalogue, RDAP bootstrap), through the same
    loader as plugins' (``footprint.versions.v1``: a callable yielding (what, which))."""
    eps = [BUILTIN_VERSIONS]
    if not os.environ.get("FOOTPRINT_DISABLE_PLUGIN_AUTOLOAD"):
        eps += list(entry_points(group=VERSIONS_GROUP))
    lines: list[tuple[str, str]] = []
    for ep in eps:
        try:
            lines += [(str(what), str(which)) for what, which in ep.load()()]
        except Exception as exc:  # a broken plugin must not hide the version
            lines.append((f"plugin {ep.name}", f"cannot tell its data version ({exc})"))
    return lines


@app.callback()
def _root(
    debug: bool = typer.Option(False, "--debug", envvar="FOOTPRINT_DEBUG",
                               help="Show tracebacks and debug logging."),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Show the version and exit."),
) -> None:
    state.debug = debug
    if debug:
        from footprint.cli.runtime import debug_logging

        debug_logging()


def _register_all() -> None:
    for module in sorted(m.name for m in pkgutil.iter_modules(commands.__path__)):
        importlib.import_module(f"{commands.__name__}.{module}").register(app)
    eps = [BUILTIN_COMMANDS]
    if not os.environ.get("FOOTPRINT_DISABLE_PLUGIN_AUTOLOAD"):
        eps += list(entry_points(group=COMMANDS_GROUP))
    for ep in eps:
        try:
            ep.load()(app)
        except Exception as exc:  # a broken plugin must not take the tool down
            sys.stderr.write(f"warning: commands from plugin {ep.name!r} failed to load: "
                             f"{exc}\n")


_register_all()


def main() -> None:
    """The console script: usage errors become one ``error:`` line with exit status 2."""
    from typer.exceptions import TyperException

    from footprint.cli.runtime import error_line
    from footprint.page_worker import FROZEN_FLAG

    if sys.argv[1:] == [FROZEN_FLAG]:  # the single-file program, started as a page reader
        from footprint.page_worker import main as read_pages

        read_pages()
        return
    if len(sys.argv) < 2:
        app()  # prints the help, as Typer does for a bare command
    try:
        status = app(standalone_mode=False)
    except typer.Abort:
        error_line("aborted")
        sys.exit(130)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except TyperException as exc:  # Click's usage errors, as Typer ships them
        format_message = getattr(exc, "format_message", None)
        message = format_message() if callable(format_message) else str(exc)
        context = getattr(exc, "ctx", None)
        hint = f" (see '{context.command_path} --help')" if context is not None else ""
        error_line(f"{message}{hint}")
        sys.exit(int(getattr(exc, "exit_code", 2)))
    sys.exit(status if isinstance(status, int) else 0)
