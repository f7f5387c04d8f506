"""One footprint sweep over a catalogue, as a process of its own (so start-up counts).

Runs the real username checks through footprint's engine (footprint.scan.ScanRun) with
the given catalogue only, for one username, and writes {check_id: status} as JSON.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "checks")]


def main(argv: list[str]) -> None:
    started = time.perf_counter()
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--catalogue", type=Path, required=True)
    p.add_argument("--username", default="femkedeboer")
    p.add_argument("--timeout", type=float, default=5.0)
    p.add_argument("--concurrency", type=int, default=None,
                   help="engine concurrency (default: footprint's own default)")
    p.add_argument("--per-host", type=int, default=2)
    p.add_argument("--out", type=Path, required=True)
    args = p.parse_args(argv)

    from footprint_checks.username import provide

    from footprint.http.client import HttpOptions
    from footprint.profile.model import HomeAddress, PrivateData, Profile, PublicIdentifiers
    from footprint.scan import ScanRun

    settings = {"catalogues": [str(args.catalogue)], "only_catalogues": True,
                "name_handles": False, "timeout": args.timeout}
    checks = list(provide(settings))
    ready = time.perf_counter()
    # private data as a real profile has it, so the HTTP guard does its real work
    private = PrivateData(address=HomeAddress(street="Lindelaan", house_number="27",
                                              postcode="4321 ZX", city="Dijkhoven"),
                          phones=("06 4321 8765",), family=("Joost de Boer",))
    profile = Profile(public=PublicIdentifiers(usernames=(args.username,)), private=private)
    http = HttpOptions(per_host=args.per_host, connect_timeout_s=args.timeout,
                       read_timeout_s=args.timeout, retry_max_wait_s=args.timeout)
    tuning = {"concurrency": args.concurrency} if args.concurrency else {}
    run = ScanRun(profile, checks, http=http, check_timeout=args.timeout,
                  settings={"username": settings}, **tuning)
    report = asyncio.run(run.run())
    scanned = time.perf_counter()
    statuses = {r.check_id: r.status.value for r in report.results}
    workers = len(run.pages.started)  # their memory: sweep.py samples the process tree
    requests = sum(c.requests for c in report.contacts)
    phases = {"startup_s": round(ready - started, 3), "scan_s": round(scanned - ready, 3),
              "page_workers": workers}
    args.out.write_text(json.dumps({"statuses": statuses, "requests": requests, **phases}),
                        "utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
