"""One plain GET of a public file (a data list an update command refreshes on request),
with one plain reason when it fails: the proxy, the deadline, a certificate a network
filter replaced, or simply the wrong file."""

from __future__ import annotations

import httpx

from footprint.errors import ExitStatus, FootprintError
from footprint.http.client import HttpOptions, build_client, session_for
from footprint.http.failures import plain_reason


class PublicFileError(FootprintError):
    exit_status = ExitStatus.INCOMPLETE


async def fetch_public_file(url: str, options: HttpOptions, max_bytes: int) -> bytes:
    """The file's bytes. Nothing about the user is sent: the client has no private markers
    to guard because none are loaded, and the request is a bare GET."""
    async with build_client((), options) as client:
        try:
            response = await session_for(client, options).get(url, max_bytes=max_bytes)
        except httpx.HTTPError as exc:
            raise PublicFileError(f"could not fetch {url}: {plain_reason(exc)}") from None
        except Exception as exc:  # ResponseTooLarge and the like: a wrong file
            raise PublicFileError(f"could not fetch {url}: {exc}") from None
    if response.status_code != 200:
        raise PublicFileError(f"{url} answered HTTP {response.status_code}")
    return response.content
