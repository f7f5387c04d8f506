"""``footprint evidence``: capture pages as evidence (WARC, hashes, a statement) and verify.

Exit statuses: capture 0 when every page was captured, 3 when any capture failed (or a
timestamp asked for could not be had), 2 on a
usage error (not a web address, a folder that is not empty), 130 on Ctrl-C (what was
captured is kept); verify 0 when intact, 1 when anything changed.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from footprint.cli import options as opt
from footprint.cli.runtime import guarded
from footprint.errors import ExitStatus, UsageError
from footprint.textsafe import clean

if TYPE_CHECKING:
    from footprint.http.client import HttpOptions


def _say(line: str) -> None:
    sys.stdout.write(clean(line) + "\n")
    sys.stdout.flush()


def _done(entry: dict[str, Any]) -> None:
    if entry["ok"]:
        note = f"{len(entry['found'])} private detail(s) found" if entry["matched"] else \
            "not matched (no profile)"
        extra = "; truncated at the limit" if entry["truncated"] else ""
        _say(f"captured  {entry['url']}  ({note}{extra})")
    else:
        _say(f"FAILED    {entry['url']}  ({entry['reason']})")


def _profile(path: Path | None) -> Any:
    from footprint.config import default_profile_path
    from footprint.profile.load import load_profile

    if path is not None:
        return load_profile(path)
    default = default_profile_path()
    return load_profile(default) if default.exists() else None


def capture_exit(result: Any) -> int:
    """The exit status of a capture run, after telling what happened."""
    for name in ("statement.nl.html", "statement.en.html"):
        _say(f"statement: {result.folder / name}")
    if result.timestamp_problem:
        _say(f"warning: {result.timestamp_problem}")
    if result.interrupted:
        sys.stderr.write("error: interrupted; the folder holds the pages captured so far\n")
        return int(ExitStatus.INTERRUPTED)
    if result.failed:
        sys.stderr.write(f"error: {len(result.failed)} of {len(result.captures)} capture(s) "
                         "failed; see the statement for why\n")
        return int(ExitStatus.INCOMPLETE)
    if result.timestamp_problem:  # asked for and not had: the folder is not what was asked
        return int(ExitStatus.INCOMPLETE)
    return int(ExitStatus.OK)


def _network(config: Path | None, proxy: str | None, no_proxy: bool) -> HttpOptions:
    """The config's network settings with --proxy / --no-proxy, as a scan uses them."""
    from footprint.cli.runtime import state
    from footprint.config import config_path, load_settings
    from footprint.http.client import http_options

    return http_options(load_settings(config_path(config)), proxy=proxy, no_proxy=no_proxy,
                        redact=state.secrets)


def capture(
    urls: Annotated[list[str], typer.Argument(
        metavar="URL...", help="The pages to capture (http or https).", show_default=False)],
    out: Annotated[Path, typer.Option(
        "--out", "-o", metavar="DIR", file_okay=False,
        help="The evidence folder (new, or empty; see --append).")],
    append: Annotated[bool, typer.Option(
        "--append", help="Add to an existing evidence folder (it must verify first).")] = False,
    profile: opt.ProfileOpt = None,
    max_mib: Annotated[int, typer.Option(
        "--max-mib", metavar="MIB", min=1, max=1024,
        help="Largest body kept per response; larger ones are kept truncated, and the "
             "statement says so.")] = 20,
    timeout: Annotated[float, typer.Option(
        "--timeout", metavar="SECONDS", min=0.5, max=600,
        help="Seconds to wait for a server.")] = 20.0,
    timestamp_url: Annotated[str | None, typer.Option(
        "--timestamp-url", metavar="URL",
        help="An RFC 3161 time-stamping authority to timestamp the manifest (opt-in; only "
             "its hash is sent).")] = None,
    timestamp_ca: Annotated[Path | None, typer.Option(
        "--timestamp-ca", metavar="FILE", dir_okay=False, exists=True,
        help="The authority's CA certificate (PEM/DER): the timestamp is kept only if the "
             "authority signed it.")] = None,
    config: opt.ConfigOpt = None,
    proxy: opt.ProxyOpt = None,
    no_proxy: opt.NoProxyOpt = False,
) -> None:
    """Capture pages as evidence: a WARC file, a manifest of SHA-256 hashes, and a statement
    (nl/en, markdown and printable HTML) to attach to a police report or removal request."""
    from footprint.evidence.capture import CaptureOptions
    from footprint.evidence.run import capture_to_folder, check_urls

    check_urls(urls)
    roots: list[Any] = []
    if timestamp_ca is not None and timestamp_url is None:
        raise UsageError("--timestamp-ca goes with --timestamp-url")
    if timestamp_url is not None:
        from footprint.evidence.timestamp import check_url, load_roots

        timestamp_url = check_url(timestamp_url)
        roots = load_roots(timestamp_ca)
    options = CaptureOptions(max_bytes=max_mib * 1024 * 1024, read_timeout_s=timeout,
                             connect_timeout_s=min(timeout, 10.0), timestamp_url=timestamp_url,
                             timestamp_roots=tuple(roots),
                             network=_network(config, proxy, no_proxy))
    result = capture_to_folder(urls, out, append=append, profile=_profile(profile),
                               options=options, on_done=_done)
    raise typer.Exit(capture_exit(result))


def verify(
    folder: Annotated[Path, typer.Argument(
        metavar="DIR", help="The evidence folder.", file_okay=False, show_default=False)],
    tsa_ca: Annotated[Path | None, typer.Option(
        "--tsa-ca", metavar="FILE", dir_okay=False, exists=True,
        help="The time-stamping authority's CA certificate (PEM/DER), to check the "
             "timestamp's signature.")] = None,
) -> None:
    """Check that an evidence folder is unchanged: every file's SHA-256, the manifest, every
    WARC record's digests and any timestamp. Exit 0 when intact, 1 when not."""
    from footprint.evidence.timestamp import load_roots
    from footprint.evidence.verify import verify_folder

    result = verify_folder(folder, load_roots(tsa_ca))
    for line in result.timestamps:
        _say(f"timestamp: {line}")
    if result.intact:
        _say(f"intact: {result.checked_files} file(s) and {result.checked_records} WARC "
             f"record(s) are as captured")
        raise typer.Exit(int(ExitStatus.OK))
    for problem in result.problems:
        _say(f"CHANGED: {problem}")
    sys.stderr.write(f"error: {folder} is not intact ({len(result.problems)} problem(s))\n")
    raise typer.Exit(int(ExitStatus.FINDINGS))


def register(app: typer.Typer) -> None:
    group = typer.Typer(name="evidence", no_args_is_help=True,
                        help="Secure pages as evidence (for a police report) and check it.")
    group.command("capture")(guarded(capture))
    group.command("verify")(guarded(verify))
    app.add_typer(group, name="evidence")
