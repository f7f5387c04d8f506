"""Recognises bot-protection and challenge pages, which say nothing about the page itself."""

from __future__ import annotations

import httpx

_HEADER_SIGNS = (("cf-mitigated", "challenge"), ("server", "ddos-guard"), ("x-sucuri-id", ""))
# Only signs of an interstitial challenge: an ordinary page may embed a captcha widget.
_BODY_SIGNS = (
    "cf-browser-verification", "/cdn-cgi/challenge-platform/", "<title>Just a moment...</title>",
    "Attention Required! | Cloudflare", "cf_chl_opt", "_Incapsula_Resource", "px-captcha",
    "DDoS protection by", "Checking your browser before accessing",
    "Request unsuccessful. Incapsula incident",
)


def looks_blocked(response: httpx.Response) -> bool:
    if response.status_code == 429:
        return True
    for header, sign in _HEADER_SIGNS:
        value = response.headers.get(header)
        if value is not None and sign in value.lower():
            return True
    if response.status_code in (403, 503) or response.status_code == 200:
        head = response.text[:20000]
        return any(sign in head for sign in _BODY_SIGNS)
    return False
