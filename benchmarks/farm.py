"""A loopback site farm: hundreds of fake profile sites on distinct 127.x.y.z addresses.

Each site is its own host (one listening socket per address, all in 127.0.0.0/8, so
nothing leaves the machine) and answers ``GET /u/<name>`` like a profile site would:

* status sites: 200 with a profile page when the account exists, else 404;
* message sites: 200 either way, with "found" or "no such user" text;
* hostile sites: 429 with ``Retry-After: 1``, or a stall (the request is read, no answer).

Latency is ``latency * uniform(1 - jitter, 1 + jitter)`` per request. The farm writes the
catalogue in WhatsMyName format (for footprint), the same sites in Sherlock's format, and
the ground truth. ``python benchmarks/farm.py --help`` runs it standalone; tests and the
sweep start it in-process or as a child process.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import functools
import json
import random
import sys
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

MAX_ADDRESSES = 1000  # bounded: one socket per address
MAX_SITES = 5000
FOUND_MARK = '<h1 class="profile-name">'
MISSING_MARK = "No such user here"


@dataclass(frozen=True)
class FarmSpec:
    sites: int = 500
    latency: float = 0.150
    jitter: float = 0.30
    hit_rate: float = 0.30  # share of sites where the username exists
    message_share: float = 0.50  # share of message-based sites (the rest: status codes)
    hostile_share: float = 0.0  # share of sites that answer 429 or stall
    hostile_kind: str = "mixed"  # "429", "stall" or "mixed"
    page_kib: int = 0  # pad pages to about this size with ordinary markup (0: tiny pages)
    username: str = "femkedeboer"
    seed: int = 7
    first_octets: tuple[int, int] = (127, 20)

    def __post_init__(self) -> None:
        if not 1 <= self.sites <= MAX_SITES:
            raise ValueError(f"sites must be 1..{MAX_SITES}")
        if self.first_octets[0] != 127:
            raise ValueError("the farm only uses 127.0.0.0/8")
        if self.hostile_kind not in ("429", "stall", "mixed"):
            raise ValueError("hostile_kind: 429, stall or mixed")


@dataclass(frozen=True)
class FarmSite:
    index: int
    host: str
    kind: str  # "status" or "message"
    exists: bool  # ground truth for the sweep's username
    hostile: str = ""  # "", "429" or "stall"

    @property
    def name(self) -> str:
        return f"farm-{self.index:04d}"


def plan(spec: FarmSpec) -> list[FarmSite]:
    rng = random.Random(spec.seed)
    addresses = min(spec.sites, MAX_ADDRESSES)
    hostile_n = round(spec.sites * spec.hostile_share)
    hostile = set(rng.sample(range(spec.sites), hostile_n))
    sites = []
    a, b = spec.first_octets
    for i in range(spec.sites):
        slot = i % addresses
        host = f"{a}.{b}.{slot // 250}.{slot % 250 + 1}"
        kind = "message" if rng.random() < spec.message_share else "status"
        bad = ""
        if i in hostile:
            kinds = ["429", "stall"] if spec.hostile_kind == "mixed" else [spec.hostile_kind]
            bad = rng.choice(kinds)
        sites.append(FarmSite(i, host, kind, rng.random() < spec.hit_rate, bad))
    return sites


@dataclass
class Farm:
    spec: FarmSpec
    port: int = 0
    sites: list[FarmSite] = field(default_factory=list)
    requests: int = 0
    _servers: list[asyncio.Server] = field(default_factory=list)
    _by_host: dict[str, list[FarmSite]] = field(default_factory=dict)
    _rng: random.Random = field(default_factory=random.Random)
    _handlers: set[asyncio.Task[None]] = field(default_factory=set)

    async def start(self) -> Farm:
        self.sites = plan(self.spec)
        for site in self.sites:
            self._by_host.setdefault(site.host, []).append(site)
        hosts = list(self._by_host)
        first = await asyncio.start_server(self._serve, hosts[0], self.port)
        self.port = first.sockets[0].getsockname()[1]
        self._servers.append(first)
        for host in hosts[1:]:
            self._servers.append(await asyncio.start_server(self._serve, host, self.port))
        return self

    async def stop(self) -> None:
        for server in self._servers:
            server.close()
        for task in list(self._handlers):
            task.cancel()
        for server in self._servers:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(server.wait_closed(), 1.0)
        self._servers.clear()

    def base(self, site: FarmSite) -> str:
        return f"http://{site.host}:{self.port}/{site.name}/u/"

    def _site(self, host: str, path: str) -> tuple[FarmSite | None, str]:
        parts = path.split("/")
        if len(parts) >= 4 and parts[2] == "u":
            for site in self._by_host.get(host, ()):
                if site.name == parts[1]:
                    return site, parts[3]
        return None, ""

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        host = writer.get_extra_info("sockname")[0]
        task = asyncio.current_task()
        if task is not None:
            self._handlers.add(task)
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                line = head.split(b"\r\n", 1)[0].decode("latin-1")
                method, path = line.split(" ")[:2]
                self.requests += 1
                site, account = self._site(host, path.split("?", 1)[0])
                if site is not None and site.hostile == "stall":
                    await asyncio.sleep(3600)
                delay = self.spec.latency * self._rng.uniform(1 - self.spec.jitter,
                                                             1 + self.spec.jitter)
                await asyncio.sleep(max(0.0, delay))
                status, body, extra = self._answer(site, account)
                payload = b"" if method == "HEAD" else body
                writer.write(
                    f"HTTP/1.1 {status} X\r\ncontent-type: text/html; charset=utf-8\r\n"
                    f"content-length: {len(body)}\r\n{extra}\r\n".encode() + payload)
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError, ValueError,
                asyncio.LimitOverrunError):
            pass
        except asyncio.CancelledError:
            return  # the farm is shutting down (stalled requests are cancelled)
        finally:
            writer.close()
            if task is not None:
                self._handlers.discard(task)

    def _answer(self, site: FarmSite | None, account: str) -> tuple[int, bytes, str]:
        if site is None:
            return 404, b"not a farm url", ""
        if site.hostile == "429":
            return 429, b"<p>Too many requests</p>", "retry-after: 1\r\n"
        exists = account.startswith("known-") or (account == self.spec.username and site.exists)
        pad = self._padding
        if exists:
            return 200, (f"<html><head><title>{account}</title></head><body>{FOUND_MARK}"
                         f"{account}</h1>{pad}</body></html>").encode(), ""
        status = 404 if site.kind == "status" else 200
        return status, f"<html><body><p>{MISSING_MARK}</p>{pad}</body></html>".encode(), ""

    @functools.cached_property
    def _padding(self) -> str:
        """Markup like a real profile page's: a script, navigation, posts with links."""
        if self.spec.page_kib <= 0:
            return ""
        parts = ["<script>window.__state = {" + '"k": 1, ' * 200 + "};</script><nav>"]
        parts += [f'<a href="/explore/{i}">Explore {i}</a>' for i in range(30)]
        parts.append("</nav>")
        i = 0
        while sum(map(len, parts)) < self.spec.page_kib * 1024:
            parts.append(f'<div class="post"><a href="/p/{i}"><img src="/i/{i}.jpg" '
                         f'alt="photo {i}"></a><p>Post {i}: lorem ipsum dolor sit amet, '
                         f'consectetur adipiscing elit.</p><span title="{i} likes">{i}</span>'
                         "</div>")
            i += 1
        return "".join(parts)

    # ---- what the sweep and the tests need from the farm ----

    def wmn_catalogue(self) -> dict[str, object]:
        entries = []
        for s in self.sites:
            missing = 404 if s.kind == "status" else 200
            entries.append({
                "name": s.name, "uri_check": self.base(s) + "{account}",
                "e_code": 200, "e_string": FOUND_MARK,
                "m_code": missing, "m_string": MISSING_MARK,
                "known": [f"known-{s.index}"], "cat": "misc"})
        return {"sites": entries}

    def sherlock_manifest(self) -> dict[str, object]:
        data: dict[str, object] = {}
        for s in self.sites:
            entry: dict[str, object] = {"url": self.base(s) + "{}", "urlMain": self.base(s),
                                        "username_claimed": f"known-{s.index}"}
            if s.kind == "status":
                entry["errorType"] = "status_code"
            else:
                entry.update(errorType="message", errorMsg=MISSING_MARK)
            data[s.name] = entry
        return data

    def truth(self) -> dict[str, dict[str, object]]:
        return {s.name: asdict(s) for s in self.sites}


def _args(argv: list[str]) -> tuple[FarmSpec, Path]:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    for name, default in asdict(FarmSpec()).items():
        if name != "first_octets":
            p.add_argument(f"--{name.replace('_', '-')}", type=type(default), default=default)
    p.add_argument("--out", type=Path, required=True,
                   help="folder for catalogue.json, sherlock.json and truth.json")
    ns = vars(p.parse_args(argv))
    out = ns.pop("out")
    return FarmSpec(**ns), out


def write_files(farm: Farm, out: Path) -> Iterator[Path]:
    out.mkdir(parents=True, exist_ok=True)
    for name, data in (("catalogue.json", farm.wmn_catalogue()),
                       ("sherlock.json", farm.sherlock_manifest()),
                       ("truth.json", farm.truth())):
        path = out / name
        path.write_text(json.dumps(data), "utf-8")
        yield path


async def _control(farm: Farm) -> None:
    """One line per command on stdin: 'count' prints the request count; EOF stops."""
    loop = asyncio.get_running_loop()
    while True:
        line = await loop.run_in_executor(None, sys.stdin.readline)
        if not line:
            return
        if line.strip() == "count":
            print(farm.requests, flush=True)


async def _main(argv: list[str]) -> None:
    spec, out = _args(argv)
    farm = await Farm(spec).start()
    list(write_files(farm, out))
    print(f"READY {farm.port} {len({s.host for s in farm.sites})}", flush=True)
    try:
        await _control(farm)
    finally:
        await farm.stop()


if __name__ == "__main__":
    asyncio.run(_main(sys.argv[1:]))
