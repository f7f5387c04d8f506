"""Which handles to try, and which of them a site could hold at all.

Besides the usernames in the profile, people often use a handle made from their name
("femkedeboer", "femke.deboer", "fdeboer"). A few such spellings are tried; a hit on one
of them may be a namesake, which the finding says.
"""

from __future__ import annotations

import re
import unicodedata

from footprint.models import L10n, Subject
from footprint.profile.model import Profile

from .catalogue import Site

# one spelling per common separator, plus initial + surname; kept small on purpose
MAX_DERIVED = 4
_DEFAULT_HANDLE = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
# a DNS label: the account becomes part of a host name ({account}.example.com)
_HOST_LABEL = re.compile(r"^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$")


def _ascii_words(text: str) -> list[str]:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.findall(r"[a-z0-9]+", plain)


def name_handles(name: str) -> list[str]:
    """Handles people commonly make from their name; the surname keeps its prefix
    ("de Boer" -> "deboer"), as Dutch handles usually do."""
    words = _ascii_words(name)
    if len(words) < 2:
        return []
    first, surname = words[0], "".join(words[1:])
    candidates = [f"{first}{surname}", f"{first}.{surname}", f"{first}_{surname}",
                  f"{first[0]}{surname}"]
    return list(dict.fromkeys(c for c in candidates if len(c) >= 4))[:MAX_DERIVED]


def subjects_for(profile: Profile, derive: bool) -> list[Subject]:
    """The profile's usernames first, then name-derived handles not already among them."""
    usernames = list(profile.public.usernames)
    seen = {u.casefold() for u in usernames}
    derived = [h for h in name_handles(profile.name) if h.casefold() not in seen] if derive else []
    return [Subject("username", u) for u in [*usernames, *derived]]


def is_derived(profile: Profile, handle: str) -> bool:
    return handle.casefold() not in {u.casefold() for u in profile.public.usernames}


def unusable(site: Site, handle: str, pattern: re.Pattern[str] | None) -> L10n | None:
    """Why this site cannot hold this handle (so it is not asked), or None."""
    account = site.account_for(handle)
    if not account:
        problem = "nothing is left after removing the characters the site does not allow"
        problem_nl = "er blijft niets over na het weghalen van tekens die de site niet toestaat"
    elif pattern is not None and not pattern.fullmatch(account):
        problem = "it does not fit the site's rules for usernames (characters or length)"
        problem_nl = ("hij past niet bij de regels van de site voor gebruikersnamen "
                      "(tekens of lengte)")
    elif site.account_in_host and not _HOST_LABEL.fullmatch(account):
        problem = "the site puts it in a host name, which cannot hold these characters"
        problem_nl = "de site zet hem in een hostnaam, waarin deze tekens niet kunnen"
    elif pattern is None and not _DEFAULT_HANDLE.fullmatch(account):
        problem = "it has characters that do not belong in a username on this site"
        problem_nl = "hij bevat tekens die niet in een gebruikersnaam op deze site horen"
    else:
        return None
    return L10n(en=f"{site.name} cannot have the username {handle!r}: {problem}",
                nl=f"{site.name} kan de gebruikersnaam {handle!r} niet hebben: {problem_nl}")
