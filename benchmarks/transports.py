"""The transports side by side: N concurrent GETs on the loopback farm, a fresh process each.

    python benchmarks/transports.py                    # 500 sites, 150 ms, medians of 5
    python benchmarks/transports.py --page-kib 100     # with pages of about 100 KiB
    python benchmarks/transports.py --runs 3 --only footprint httpx

Each run is one child process that imports what it needs, sends one GET to every site of
the farm at once (bodies read whole) and exits; the figures are the whole process's wall
time, CPU time and peak RSS, so import costs count. Candidates:

* ``footprint``: footprint's own transport (h11 on asyncio streams), the default;
* ``footprint-httpx``: ``[network] transport = "httpx"``, footprint's escape hatch (httpx's
  transport with footprint's TLS context and per-host cap, no kept-alive connections);
* ``httpx``: httpx's default ``AsyncHTTPTransport`` as is;
* ``aiohttp``: a plain aiohttp ``ClientSession``, only when aiohttp is installed (it is
  not a dependency of footprint).

The decision this informs is written in docs/network.md and benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
CANDIDATES = ("footprint", "footprint-httpx", "httpx", "aiohttp")


async def _fetch_all(kind: str, urls: list[str]) -> tuple[int, int]:
    """(answers, body bytes) for one GET per URL, all at once."""
    if kind == "aiohttp":
        import aiohttp

        connector = aiohttp.TCPConnector(limit=0, limit_per_host=2)
        async with aiohttp.ClientSession(connector=connector) as session:
            async def one_aiohttp(url: str) -> int:
                async with session.get(url) as response:
                    return len(await response.read())

            sizes = await asyncio.gather(*(one_aiohttp(u) for u in urls))
        return len(sizes), sum(sizes)
    import httpx

    transport: httpx.AsyncBaseTransport
    if kind == "footprint":
        from footprint.http.transport import PerOriginTransport

        transport = PerOriginTransport(per_host=2)
    elif kind == "footprint-httpx":
        from footprint.http.httpx_transport import HttpxTransport

        transport = HttpxTransport(per_host=2)
    else:
        transport = httpx.AsyncHTTPTransport(
            limits=httpx.Limits(max_connections=None, max_keepalive_connections=64))
    async with httpx.AsyncClient(transport=transport, trust_env=False,
                                 timeout=httpx.Timeout(10.0, pool=None)) as client:
        async def one(url: str) -> int:
            return len((await client.get(url)).content)

        sizes = await asyncio.gather(*(one(u) for u in urls))
    return len(sizes), sum(sizes)


def _child(kind: str, catalogue: Path, out: Path) -> None:
    started = time.perf_counter()
    sites = json.loads(catalogue.read_text("utf-8"))["sites"]
    urls = [s["uri_check"].replace("{account}", "femkedeboer") for s in sites]
    answers, size = asyncio.run(_fetch_all(kind, urls))
    out.write_text(json.dumps({"answers": answers, "bytes": size,
                               "in_process_s": time.perf_counter() - started}))


def _available(kind: str) -> bool:
    return kind != "aiohttp" or importlib.util.find_spec("aiohttp") is not None


def main(argv: list[str]) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sites", type=int, default=500)
    p.add_argument("--latency", type=float, default=0.150)
    p.add_argument("--page-kib", type=int, default=0)
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--only", nargs="*", choices=CANDIDATES)
    p.add_argument("--child", nargs=3, metavar=("KIND", "CATALOGUE", "OUT"),
                   help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.child:
        _child(args.child[0], Path(args.child[1]), Path(args.child[2]))
        return
    from sweep import FarmProcess, timed

    farm_args = argparse.Namespace(
        sites=args.sites, latency=args.latency, jitter=0.3, hit_rate=0.3, message_share=0.5,
        hostile_share=0.0, hostile_kind="mixed", page_kib=args.page_kib,
        username="femkedeboer", seed=7)
    kinds = [k for k in (args.only or CANDIDATES) if _available(k)]
    with tempfile.TemporaryDirectory() as tmp:
        farm = FarmProcess(farm_args, Path(tmp))
        try:
            figures: dict[str, list[tuple[float, float, float]]] = {k: [] for k in kinds}
            for run in range(args.runs):
                for kind in kinds:  # interleaved, so load on the machine hits all alike
                    out = Path(tmp) / f"{kind}-{run}.json"
                    wall, cpu, rss, _ = timed([sys.executable, __file__, "--child", kind,
                                               str(farm.out / "catalogue.json"), str(out)])
                    result = json.loads(out.read_text())
                    if result["answers"] != args.sites:
                        raise SystemExit(f"{kind}: {result['answers']} answers")
                    figures[kind].append((wall, cpu, rss))
        finally:
            farm.close()
    pages = f"~{args.page_kib} KiB" if args.page_kib else "tiny"
    print(f"{args.sites} concurrent GETs, {args.latency * 1000:.0f} ms latency, "
          f"pages {pages}, medians of {args.runs} fresh processes")
    print(f"{'transport':<16} {'wall (s)':>9} {'CPU (s)':>8} {'peak RSS (MiB)':>15}")
    for kind, rows in figures.items():
        wall, cpu, rss = (statistics.median(col) for col in zip(*rows, strict=True))
        print(f"{kind:<16} {wall:>9.2f} {cpu:>8.2f} {rss:>15.0f}")


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    main(sys.argv[1:])
