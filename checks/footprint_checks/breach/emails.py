"""Email addresses are validated before anything about them is sent anywhere."""

from __future__ import annotations

from email_validator import EmailNotValidError, validate_email

from footprint.check import Skip
from footprint.models import L10n, Subject


def checked_email(subject: Subject) -> str:
    """The normalised address, or Skip: the profile validates too, but a plugin, an edited
    report or a future code path must not get a malformed address onto the wire."""
    try:
        return validate_email(subject.value.strip(), check_deliverability=False).normalized
    except EmailNotValidError as exc:
        raise Skip(L10n(en=f"not a valid email address ({exc}); nothing was sent",
                        nl=f"geen geldig e-mailadres ({exc}); er is niets verstuurd")) from None
