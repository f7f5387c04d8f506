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
from urllib.parse import urlsplit

import httpx
import typer

from footprint.cli.api import Settings, guarded, language, opt, plain_session, settings_for
from footprint.errors import ExitStatus, FootprintError, ResponseTooLarge, UsageError
from footprint.http.failures import plain_reason
from footprint.models import L10n
from footprint.textsafe import clean
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


def range_base(settings: Settings) -> str:
    """Pwned Passwords, or the ``[endpoints] pwnedpasswords`` override."""
    return settings.endpoints.get("pwnedpasswords", DEFAULT_BASE)


async def check_password(password: str, settings: Settings, proxy: str | None = None,
                         no_proxy: bool = False) -> int:
    async with plain_session(settings, proxy, no_proxy) as session:
        try:
            return await pwned_count(password, session, range_base(settings))
        except RangeError as exc:
            raise PasswordCheckFailed(f"could not check the password: {exc}") from None
        except ResponseTooLarge as exc:
            raise PasswordCheckFailed(f"could not check the password: {exc}") from None
        except httpx.HTTPError as exc:
            raise PasswordCheckFailed(f"could not reach Pwned Passwords: "
                                      f"{plain_reason(exc)}") from None


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


def sent_to(settings: Settings) -> L10n:
    """What left the machine, naming the host it really went to."""
    host = urlsplit(range_base(settings)).hostname or range_base(settings)
    return L10n(en=f"Only the first 5 characters of its SHA-1 hash were sent "
                   f"({host}, k-anonymity).",
                nl=f"Alleen de eerste 5 tekens van de SHA-1-hash zijn verstuurd "
                   f"({host}, k-anonimiteit).")


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
    settings = settings_for(config)
    chosen = language(lang, settings)
    count = asyncio.run(check_password(read_password(), settings, proxy, no_proxy))
    typer.echo(verdict(count).get(chosen))
    typer.echo(clean(sent_to(settings).get(chosen)))
    if count:
        raise typer.Exit(int(ExitStatus.FINDINGS))


def register(app: typer.Typer) -> None:
    app.command("password")(password)
