"""Sweep generated sites on the loopback farm with footprint (and Sherlock, if installed).

    python benchmarks/sweep.py                      # 500 sites, 150 ms, no hostile sites
    python benchmarks/sweep.py --hostile-share 0.02 # 2% of sites answer 429 or stall
    python benchmarks/sweep.py --sherlock           # also run `sherlock` on the same farm

Prints, per tool: whole-process wall time (start-up included), peak RSS, requests the farm
received, true/false positives and false negatives against the farm's ground truth, and
how the hostile sites came out (they must never be read as found or not found).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
DECIDED = {"exposed": True, "clear": False}  # footprint status -> "found"


@dataclass
class Outcome:
    tool: str
    wall_s: float
    cpu_s: float
    peak_rss_mb: float
    requests: int
    found: set[str]
    not_found: set[str]
    phases: str = ""


class FarmProcess:
    def __init__(self, args: argparse.Namespace, out: Path) -> None:
        cmd = [sys.executable, str(HERE / "farm.py"), "--out", str(out),
               "--sites", str(args.sites), "--latency", str(args.latency),
               "--jitter", str(args.jitter), "--hit-rate", str(args.hit_rate),
               "--message-share", str(args.message_share),
               "--hostile-share", str(args.hostile_share), "--hostile-kind", args.hostile_kind,
               "--page-kib", str(args.page_kib),
               "--username", args.username, "--seed", str(args.seed)]
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     text=True)
        assert self.proc.stdout is not None
        ready = self.proc.stdout.readline().split()
        if not ready or ready[0] != "READY":
            raise SystemExit("the farm did not start")
        self.port, self.addresses = int(ready[1]), int(ready[2])
        self.out = out

    def count(self) -> int:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write("count\n")
        self.proc.stdin.flush()
        return int(self.proc.stdout.readline())

    def close(self) -> None:
        if self.proc.stdin:
            self.proc.stdin.close()
        try:
            self.proc.wait(5)
        except subprocess.TimeoutExpired:
            self.proc.kill()


class TreeMemory:
    """The peak of the summed resident memory of a process and its descendants (Linux:
    /proc, sampled every 5 ms). ``ru_maxrss`` is a per-process peak: for footprint, whose
    page workers are processes of their own, it would leave them out."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak_kib = pid, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _tree(self, pid: int) -> list[int]:
        found = [pid]
        for children in Path(f"/proc/{pid}/task").glob("*/children"):
            try:
                found += [c for child in children.read_text().split()
                          for c in self._tree(int(child))]
            except OSError:
                continue
        return found

    @staticmethod
    def _rss_kib(pid: int) -> int:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        except (OSError, ValueError):
            pass
        return 0

    def _sample(self) -> None:
        while not self._stop.wait(0.005):
            self.peak_kib = max(self.peak_kib, sum(map(self._rss_kib, self._tree(self.pid))))

    def stop(self) -> float:
        self._stop.set()
        self._thread.join()
        return self.peak_kib / 1024


def timed(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float, float, str]:
    """Wall seconds, CPU seconds (the process and its children), peak RSS (MB: the largest
    of its own peak and the sampled peak of it and its children together) and stdout."""
    with tempfile.TemporaryFile("w+") as sink:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=sink, stderr=subprocess.DEVNULL, env=env, text=True)
        tree = TreeMemory(proc.pid) if Path("/proc/self/status").exists() else None
        _, _, usage = os.wait4(proc.pid, 0)  # reaps it and gives its own peak RSS
        wall = time.perf_counter() - started
        together = tree.stop() if tree is not None else 0.0
        proc.returncode = 0
        sink.seek(0)
        cpu = usage.ru_utime + usage.ru_stime
        return wall, cpu, max(usage.ru_maxrss / 1024, together), sink.read()


def run_footprint(farm: FarmProcess, args: argparse.Namespace) -> Outcome:
    before = farm.count()
    result = farm.out / "footprint-result.json"
    cmd = [sys.executable, str(HERE / "footprint_sweep.py"), "--catalogue",
           str(farm.out / "catalogue.json"), "--username", args.username,
           "--timeout", str(args.timeout), "--per-host", str(args.per_host),
           "--out", str(result)]
    if args.concurrency is not None:
        cmd += ["--concurrency", str(args.concurrency)]
    wall, cpu, rss, _ = timed(cmd)
    data = json.loads(result.read_text("utf-8"))
    statuses = data["statuses"]
    phases = f"startup {data['startup_s']:.2f} s + scan {data['scan_s']:.2f} s"
    if data.get("page_workers"):
        phases += f", {data['page_workers']} page workers"
    found = {k.removeprefix("username.") for k, v in statuses.items() if v == "exposed"}
    clear = {k.removeprefix("username.") for k, v in statuses.items() if v == "clear"}
    return Outcome("footprint", wall, cpu, rss, farm.count() - before, found, clear, phases)


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])  # closed again on exit: connections are refused


def run_sherlock(farm: FarmProcess, args: argparse.Namespace, exe: str) -> Outcome:
    before = farm.count()
    proxy = f"http://127.0.0.1:{_closed_port()}"
    # Sherlock asks GitHub for updates (and exclusions) at start: send that to a closed
    # port so it fails at once, while the farm (127.x) bypasses the proxy
    env = {**os.environ, "http_proxy": proxy, "https_proxy": proxy, "HTTP_PROXY": proxy,
           "HTTPS_PROXY": proxy, "no_proxy": "127.0.0.0/8", "NO_PROXY": "127.0.0.0/8"}
    cmd = [exe, "--json", str(farm.out / "sherlock.json"), "--timeout", str(args.timeout),
           "--print-all", "--no-color", "--ignore-exclusions", args.username]
    wall, cpu, rss, out = timed(cmd, env)
    found, missing = set(), set()
    for line in out.splitlines():
        m = re.match(r"\[([+\-])\]\s+([^:]+):\s*(.*)", line.strip())
        if not m:
            continue
        name, rest = m.group(2).strip(), m.group(3)
        if m.group(1) == "+":
            found.add(name)
        elif "Not Found" in rest:
            missing.add(name)
    return Outcome("sherlock", wall, cpu, rss, farm.count() - before, found, missing)


def score(o: Outcome, truth: dict[str, dict[str, object]]) -> dict[str, object]:
    hostile = {n for n, t in truth.items() if t["hostile"]}
    exists = {n for n, t in truth.items() if t["exists"] and not t["hostile"]}
    normal = set(truth) - hostile
    return {
        "tool": o.tool, "wall_s": round(o.wall_s, 2), "cpu_s": round(o.cpu_s, 2),
        "peak_rss_mb": round(o.peak_rss_mb, 1),
        "requests": o.requests,
        "tp": len(o.found & exists), "fp": len((o.found & normal) - exists),
        "fn": len(exists - o.found),
        "hostile": len(hostile),
        "hostile_decided": len(hostile & (o.found | o.not_found)),
        "undecided_normal": len(normal - o.found - o.not_found),
        **({"in_process": o.phases} if o.phases else {}),
    }


def main(argv: list[str]) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sites", type=int, default=500)
    p.add_argument("--latency", type=float, default=0.150)
    p.add_argument("--jitter", type=float, default=0.30)
    p.add_argument("--hit-rate", type=float, default=0.30)
    p.add_argument("--message-share", type=float, default=0.50)
    p.add_argument("--hostile-share", type=float, default=0.0)
    p.add_argument("--hostile-kind", default="mixed", choices=["429", "stall", "mixed"])
    p.add_argument("--page-kib", type=int, default=0,
                   help="pad the farm's pages to about this many KiB (real profiles: 50-500)")
    p.add_argument("--timeout", type=float, default=5.0)
    p.add_argument("--concurrency", type=int, default=None,
                   help="footprint's engine concurrency (default: footprint's own default)")
    p.add_argument("--per-host", type=int, default=2)
    p.add_argument("--username", default="femkedeboer")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--runs", type=int, default=1, help="repeat and report each run")
    p.add_argument("--sherlock", action="store_true",
                   help="also run the `sherlock` executable on PATH (not a dependency)")
    args = p.parse_args(argv)
    exe = shutil.which("sherlock") if args.sherlock else None
    if args.sherlock and exe is None:
        print("sherlock: not on PATH; skipped (see benchmarks/README.md)", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="footprint-farm-") as tmp:
        farm = FarmProcess(args, Path(tmp))
        try:
            truth = json.loads((Path(tmp) / "truth.json").read_text("utf-8"))
            print(f"farm: {args.sites} sites on {farm.addresses} loopback addresses, "
                  f"latency {args.latency * 1000:g} ms ±{args.jitter:.0%}, "
                  f"hostile {args.hostile_share:.0%} ({args.hostile_kind}), pages "
                  f"{f'~{args.page_kib} KiB' if args.page_kib else 'tiny'}, "
                  f"timeout {args.timeout:g} s, footprint concurrency "
                  f"{args.concurrency or 'default'}")
            rows = []
            for _ in range(args.runs):
                rows.append(score(run_footprint(farm, args), truth))
                if exe:
                    rows.append(score(run_sherlock(farm, args, exe), truth))
        finally:
            farm.close()
    for row in rows:
        print("  ".join(f"{k}={v}" for k, v in row.items()))
    fp = [float(r["wall_s"]) for r in rows if r["tool"] == "footprint"]
    sh = [float(r["wall_s"]) for r in rows if r["tool"] == "sherlock"]
    if args.hostile_share > 0:
        after = ", ".join(f"{w - args.timeout:+.2f}" for w in fp)
        print(f"footprint ends (s after the {args.timeout:g} s timeout): {after}")
    if fp and sh:
        pairs = [s / f for s, f in zip(sh, fp, strict=False)]
        print("speed-up per run (sherlock wall / footprint wall, side by side): "
              + ", ".join(f"{r:.1f}x" for r in pairs)
              + f"; median {statistics.median(pairs):.1f}x")


if __name__ == "__main__":
    main(sys.argv[1:])
