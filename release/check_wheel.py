"""Checks that a built wheel carries every data file the package needs.

Usage: python release/check_wheel.py dist/footprint_audit-*.whl

Every file git tracks under footprint/ and checks/footprint_checks/ that is not Python
source (catalogues, guides, the demo's web, the RDAP bootstrap, templates) must be in the
wheel at its import path; exit 1 names the missing ones.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# source folder in the checkout -> where it lands in the wheel
PACKAGES = {"footprint/": "footprint/", "checks/footprint_checks/": "footprint_checks/"}


def tracked_data_files() -> list[str]:
    listed = subprocess.run(["git", "ls-files", *PACKAGES], cwd=ROOT, capture_output=True,
                            text=True, check=True).stdout.splitlines()
    wanted = []
    for path in listed:
        if path.endswith(".py"):
            continue
        for source, target in PACKAGES.items():
            if path.startswith(source):
                wanted.append(target + path.removeprefix(source))
    return wanted


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: check_wheel.py WHEEL", file=sys.stderr)
        return 2
    with zipfile.ZipFile(argv[0]) as wheel:
        names = set(wheel.namelist())
    wanted = tracked_data_files()
    missing = [path for path in wanted if path not in names]
    for path in missing:
        print(f"missing from the wheel: {path}", file=sys.stderr)
    if not wanted:
        print("error: found no data files to look for (is this a git checkout?)",
              file=sys.stderr)
        return 1
    print(f"wheel carries all {len(wanted)} data files")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
