"""``footprint password``: is this password in Pwned Passwords? Not part of ``scan``.

The password comes from a hidden prompt or the first line of standard input. It is hashed
here; only the first five characters of its SHA-1 are sent (k-anonymity, with padding). It
is never echoed, logged, stored or put in an error message.

Exit status: 0 not found, 1 found in breaches (do not use it), 2 no password given,
3 the check could not be completed (network, unexpected answer), 130 interrupted.
"""

from __future__ import annotations

import asyncio
import getpass
import sys

import httpx
import typer

from footprint.cli import options as opt
from footprint.cli.runtime import guarded, state
from footprint.config import Settings, config_path, load_settings
from footprint.errors import ExitStatus, FootprintError, ResponseTooLarge, UsageError
from footprint.http.client import build_client, http_options, session_for
from footprint.http.deadline import DeadlineExceeded
from footprint.http.failures import describe as describe_network_failure
from footprint.i18n import detect_lang
from footprint.models import L10n, Lang
from footprint_checks.breach.pwned_passwords import DEFAULT_BASE, RangeError, pwned_count


class PasswordCheckFailed(FootprintError):
    exit_status = ExitStatus.INCOMPLETE


def read_password() -> str:
    """A terminal gets a hidden prompt, so nothing typed is echoed; piped input (a password
    manager's CLI, a file) is read up to the first line end."""
    if sys.stdin.isatty():
        try:
            password = getpass.getpass("Password (hidden) / Wachtwoord (verborgen): ")
        except EOFError:
            password = ""
    else:
        try:
            password = sys.stdin.readline().rstrip("\r\n")
        except UnicodeDecodeError:  # its message would quote part of the password
            raise UsageError("the password on standard input is not valid text in this "
                             "terminal's encoding") from None
    if not password:
        raise UsageError("no password given (type it at the hidden prompt, or pipe it on "
                         "standard input)")
    return password


def _lang(explicit: str | None, settings: Settings) -> Lang:
    if explicit is not None and explicit not in ("nl", "en"):
        raise UsageError(f"--lang {explicit!r}: use nl or en")
    return detect_lang(explicit or settings.lang)


async def check_password(password: str, settings: Settings, proxy: str | None = None,
                         no_proxy: bool = False) -> int:
    options = http_options(settings, proxy=proxy, no_proxy=no_proxy, redact=state.secrets)
    base = settings.endpoints.get("pwnedpasswords", DEFAULT_BASE)
    async with build_client((), options) as client:
        try:
            return await pwned_count(password, session_for(client, options), base)
        except RangeError as exc:
            raise PasswordCheckFailed(f"could not check the password: {exc}") from None
        except ResponseTooLarge as exc:
            raise PasswordCheckFailed(f"could not check the password: {exc}") from None
        except (httpx.ProxyError, DeadlineExceeded) as exc:  # say which, plainly
            raise PasswordCheckFailed(f"could not reach Pwned Passwords: {exc}") from None
        except httpx.HTTPError as exc:
            described = describe_network_failure(exc)  # e.g. a network inspecting TLS
            detail = described[1].en if described else type(exc).__name__
            raise PasswordCheckFailed(f"could not reach Pwned Passwords ({detail})") from None


def verdict(count: int) -> L10n:
    if count:
        dutch = f"{count:,}".replace(",", ".")
        return L10n(
            en=f"This password appears {count:,} times in known data breaches. Do not use it: "
               "change it wherever you use it, to a unique one from a password manager.",
            nl=f"Dit wachtwoord komt {dutch} keer voor in bekende datalekken. Gebruik het "
               "niet: wijzig het overal waar je het gebruikt, in een uniek wachtwoord uit een "
               "wachtwoordmanager.")
    return L10n(
        en="This password was not found in Pwned Passwords. That does not make it strong: "
           "use a long, unique password for every site.",
        nl="Dit wachtwoord staat niet in Pwned Passwords. Dat maakt het nog niet sterk: "
           "gebruik voor elke site een lang, uniek wachtwoord.")


_SENT = L10n(en="Only the first 5 characters of its SHA-1 hash were sent "
                "(api.pwnedpasswords.com, k-anonymity).",
             nl="Alleen de eerste 5 tekens van de SHA-1-hash zijn verstuurd "
                "(api.pwnedpasswords.com, k-anonimiteit).")


@guarded
def password(
    lang: opt.LangOpt = None,
    config: opt.ConfigOpt = None,
    proxy: opt.ProxyOpt = None,
    no_proxy: opt.NoProxyOpt = False,
) -> None:
    """Check whether a password is in Pwned Passwords; exits 1 if it is.

    Type it at the hidden prompt, or pipe it in (first line). Only 5 characters of its
    SHA-1 hash leave this machine. Not part of `scan`.
    """
    settings = load_settings(config_path(config))
    language = _lang(lang, settings)
    count = asyncio.run(check_password(read_password(), settings, proxy, no_proxy))
    typer.echo(verdict(count).get(language))
    typer.echo(_SENT.get(language))
    if count:
        raise typer.Exit(int(ExitStatus.FINDINGS))


def register(app: typer.Typer) -> None:
    app.command("password")(password)
