"""How footprint introduces itself to servers: fixed text, the same in every request."""

from __future__ import annotations

from footprint import __version__

USER_AGENT = f"footprint-audit/{__version__} (self-audit of one's own footprint; no crawling)"
ACCEPT_ENCODING = "gzip, deflate"  # what the bounded body reader (body.py) can inflate

# Header values footprint itself sets. They carry no data about the person, so the guard
# skips them: otherwise a family member called "Ling" (inside "no crawling") would get
# every request blocked.
FIXED_HEADERS = frozenset({("user-agent", USER_AGENT), ("accept-encoding", ACCEPT_ENCODING)})
