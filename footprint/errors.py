"""Exit statuses and the errors that map to them. The CLI is the one place that exits."""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    OK = 0
    FINDINGS = 1  # a finding at or above --fail-on
    USAGE = 2
    INCOMPLETE = 3  # the network was unusable, or --strict and some check could not decide
    CONFIG = 4  # profile, config or plugin error
    INTERRUPTED = 130


class FootprintError(Exception):
    """An error the user can act on: shown as one ``error:`` line, never a traceback."""

    exit_status = ExitStatus.CONFIG


class UsageError(FootprintError):
    exit_status = ExitStatus.USAGE


class ProfileError(FootprintError):
    def __init__(self, message: str, *, source: str | None = None, line: int | None = None,
                 field: str | None = None) -> None:
        self.source, self.line, self.field = source, line, field
        where = source or "profile"
        if line is not None:
            where += f":{line}"
        prefix = f"{where}: " + (f"{field}: " if field else "")
        super().__init__(prefix + message)


class ConfigError(FootprintError):
    pass


class PluginError(FootprintError):
    pass


class DuplicateCheckError(PluginError):
    pass


class ReportFileError(FootprintError):
    """A report file could not be read or written."""

    exit_status = ExitStatus.USAGE


class PrivateDataBlocked(Exception):
    """A request would have carried a private marker. Raised by the HTTP guard; never sent."""

    def __init__(self, label: str, host: str) -> None:
        self.label, self.host = label, host
        super().__init__(
            f"request to {host} blocked: it contained your {label}, which never leaves this machine"
        )


class ResponseTooLarge(Exception):
    def __init__(self, host: str, limit: int) -> None:
        super().__init__(f"response from {host} exceeded {limit // 1024} KiB; not read further")


class HostileSite(Exception):
    """A server supplied addresses (links, a redirect) that would have carried a private
    detail, or that were too long to check: none was fetched, and footprint contacts the
    host no further in this scan (footprint/http/quarantine.py)."""

    def __init__(self, host: str) -> None:
        self.host = host
        super().__init__(f"{host} tried to make footprint send your private data; "
                         "nothing derived from it was fetched")


class HostClosed(Exception):
    """A request to a host that earlier tried to make footprint send private data."""

    def __init__(self, host: str) -> None:
        self.host = host
        super().__init__(f"not contacted: {host} tried earlier in this scan to make "
                         "footprint send your private data")


class RedirectRefused(Exception):
    """A redirect footprint does not follow: from https to http, or to another site while
    the request carries a key or credentials (they stay with their service)."""

    def __init__(self, source: str, target: str, why: str) -> None:
        self.source, self.target, self.why = source, target, why
        super().__init__(f"{source} redirected to {target}; not followed: {why}")
