"""Capturing pages into an evidence folder: WARC, manifest, statements (and a timestamp).

Each finished capture is written to the WARC file and the manifest is replaced at once,
so whatever stops the run (Ctrl-C, a crash, a power cut) leaves a folder that verifies;
the statements are written at the end, also after Ctrl-C.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import httpx

from footprint import __version__
from footprint.evidence.certs import describe
from footprint.evidence.fetch import Failure, Fetched, Hop, fetch
from footprint.evidence.folder import EvidenceFolder, iso, now_utc
from footprint.evidence.matches import page_matches
from footprint.evidence.statement import render, statement_names
from footprint.evidence.warc import WarcFile
from footprint.http.client import HttpOptions, build_client
from footprint.http.identity import USER_AGENT
from footprint.profile.markers import Marker, private_markers
from footprint.profile.model import Profile

CLOSE_GRACE_S = 0.1
PARALLEL = 4  # pages captured at once; a stalled server must not hold up the rest


@dataclass(frozen=True, slots=True)
class CaptureOptions:
    max_bytes: int = 20 * 1024 * 1024
    connect_timeout_s: float = 10.0
    read_timeout_s: float = 20.0
    max_redirects: int = 10
    timestamp_url: str | None = None
    timestamp_roots: tuple[Any, ...] = ()  # the authority's CA certificates, if given
    # the network to go through (proxy, certificate store, deadline), as a scan would
    network: HttpOptions = field(default_factory=HttpOptions)

    def settings(self) -> dict[str, Any]:
        return {"max_bytes": self.max_bytes, "connect_timeout_s": self.connect_timeout_s,
                "read_timeout_s": self.read_timeout_s, "max_redirects": self.max_redirects,
                "user_agent": USER_AGENT}


@dataclass(frozen=True, slots=True)
class Markers:
    guard: tuple[Marker, ...]  # never sent (includes the street on its own)
    match: tuple[Marker, ...]  # reported where found
    known: bool  # a profile was given

    @classmethod
    def of(cls, profile: Profile | None) -> Markers:
        if profile is None:
            return cls((), (), known=False)
        return cls(private_markers(profile, include_street=True), private_markers(profile),
                   known=True)


def _hop_entry(hop: Hop, record: tuple[str, str]) -> dict[str, Any]:
    peer = hop.peer
    cert = None
    if peer is not None and peer.certificate_der:
        facts = describe(peer.certificate_der)
        cert = {"subject": facts.subject, "issuer": facts.issuer,
                "not_before": facts.not_before, "not_after": facts.not_after,
                "sha256": facts.sha256}
    return {"url": hop.url, "status": hop.status, "requested_at": iso(hop.requested_at),
            "answered_at": iso(hop.answered_at), "ip": peer.address if peer else None,
            "port": peer.port if peer else None, "tls_version": peer.tls_version if peer else None,
            "certificate": cert, "truncated": hop.truncated, "bytes": len(hop.body),
            "record_id": record[0], "payload_digest": record[1]}


def _failure(fetched: Fetched) -> Failure | None:
    if fetched.failure is not None:
        return fetched.failure
    final = fetched.final
    if final is not None and final.status >= 400:
        status = f"{final.status} {final.reason}".rstrip()
        return Failure("http-status", status, f"the server answered HTTP {status}")
    return None


class Capturer:
    def __init__(self, folder: EvidenceFolder, markers: Markers, options: CaptureOptions,
                 transport: httpx.AsyncBaseTransport | None = None,
                 on_done: Callable[[dict[str, Any]], None] | None = None) -> None:
        self.folder = folder
        self.markers = markers
        self.options = options
        self.transport = transport
        self.on_done = on_done
        self.run: dict[str, Any] = {}
        self._warc: WarcFile | None = None
        self._order: dict[str, int] = {}
        self._before = len(folder.manifest.get("captures", []))

    def start(self) -> None:
        started = now_utc()
        stream, name = self.folder.new_file(
            "capture-" + started.strftime("%Y%m%dT%H%M%SZ"), ".warc.gz")
        self._warc = WarcFile(stream, name)
        self._warc.write_info({
            "software": f"footprint {__version__} (evidence capture)",
            "format": "WARC File Format 1.1", "conformsTo":
                "https://iipc.github.io/warc-specifications/specifications/warc-format/"
                "warc-1.1/",
            "description": "pages captured as evidence by the person they are about",
            "http-header-user-agent": USER_AGENT,
            **{f"footprint-{k}": str(v) for k, v in self.options.settings().items()
               if k != "user_agent"},
        })
        self.run = {"started_at": iso(started), "warc": name, "settings": self.options.settings(),
                    "interrupted": False}
        self.folder.manifest.setdefault("runs", []).append(self.run)
        self.folder.save_manifest(complete=False)

    async def capture(self, urls: Sequence[str]) -> None:
        http = replace(self.options.network, per_host=2,
                       connect_timeout_s=self.options.connect_timeout_s,
                       read_timeout_s=self.options.read_timeout_s,
                       max_bytes=self.options.max_bytes,
                       max_redirects=self.options.max_redirects)
        self._order = {u: i for i, u in enumerate(dict.fromkeys(urls))}
        self.run["urls"] = list(self._order)
        gate = asyncio.Semaphore(PARALLEL)
        async with build_client(self.markers.guard, http, self.transport) as client:
            async def one(url: str) -> None:
                async with gate:
                    fetched = await fetch(client, url, max_bytes=self.options.max_bytes,
                                          max_redirects=self.options.max_redirects)
                    await self._record(fetched)

            await asyncio.gather(*(one(u) for u in dict.fromkeys(urls)))
        # The transport closes sockets without waiting (it must not await while a cancelled
        # task unwinds); a TLS close still needs the loop for a moment before it ends.
        await asyncio.sleep(CLOSE_GRACE_S)

    async def _record(self, fetched: Fetched) -> None:
        assert self._warc is not None
        final = fetched.final
        found, problem = [], None
        if final is not None and self.markers.known:
            matches = await page_matches(final, self.markers.match, self.options.max_bytes * 4)
            found = [{"kind": f.kind, "value": f.value, "excerpt": f.excerpt}
                     for f in matches.found]
            problem = matches.problem
        records = self._warc.write_capture(fetched)  # synchronous: never torn by a cancel
        failure = _failure(fetched)
        entry = {
            "url": fetched.url, "started_at": iso(fetched.started_at),
            "finished_at": iso(now_utc()), "ok": failure is None,
            "reason": failure.message if failure else None,
            "reason_kind": failure.kind if failure else None,
            "reason_detail": failure.detail if failure else None,
            "final_url": final.url if final else None, "warc": self._warc.filename,
            "hops": [_hop_entry(h, r) for h, r in zip(fetched.hops, records, strict=True)],
            "truncated": any(h.truncated for h in fetched.hops),
            "limit": self.options.max_bytes, "matched": self.markers.known,
            "found": found, "match_problem": problem,
        }
        self.folder.manifest["captures"].append(entry)
        self.folder.save_manifest(complete=False)
        if self.on_done is not None:
            self.on_done(entry)

    def finish(self, *, interrupted: bool) -> dict[str, Any]:
        """Statements and the final manifest; runs after Ctrl-C too."""
        if self._warc is not None:
            self._warc.close()
        self.run["finished_at"] = iso(now_utc())
        self.run["interrupted"] = interrupted
        captures = self.folder.manifest["captures"]
        # in the order given, not the order the servers answered in
        captures[self._before:] = sorted(captures[self._before:],
                                         key=lambda c: self._order.get(c["url"], 0))
        files = [f for f in self.folder.file_entries() if f["kind"] in ("warc", "report")]
        for name, lang, kind in statement_names():
            self.folder.write_text(name, render(self.folder.manifest, files, lang, kind))
        return self.folder.save_manifest(complete=not interrupted)

