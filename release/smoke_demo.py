"""Runs an installed footprint's demo offline and checks its JSON report.

Usage: python -m release.smoke_demo PATH/TO/footprint

Used by .ci/run on the wheel installed in a fresh environment: the demo must run with no
network at all, from outside the checkout, and every check must find its data.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from release.offline import run_offline


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m release.smoke_demo FOOTPRINT", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "demo.json"
        run = run_offline([argv[0], "demo", "--lang", "en", "--json", str(report)], cwd=folder)
        if run.returncode != 0:
            print(f"the demo failed with exit {run.returncode}:\n{run.stderr}", file=sys.stderr)
            return 1
        data = json.loads(report.read_text("utf-8"))
    errors = [r["check_id"] for r in data["results"] if r["status"] == "error"]
    if errors:
        print(f"the demo has checks in error: {', '.join(errors)}", file=sys.stderr)
        return 1
    print(f"demo ran offline: {len(data['results'])} results, none in error")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
