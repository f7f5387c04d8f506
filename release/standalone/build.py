"""Builds footprint as one self-contained executable with PyInstaller.

Usage (from a checkout, in a virtual environment with footprint installed)::

    pip install -e '.[standalone]'
    python release/standalone/build.py            # -> dist/footprint (footprint.exe on Windows)
    python release/standalone/build.py --out DIR  # somewhere else

The executable carries Python, every dependency and all of footprint's data (site
catalogues, guides, the demo's simulated web, the RDAP bootstrap). It builds for the
platform it runs on; .github/workflows/standalone.yml builds Windows, macOS and Linux.
Prints the executable's path and SHA-256 on its last line.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]

# Packages that import parts of themselves by name at run time, which PyInstaller's static
# analysis cannot see: footprint's families and commands (loaded through entry points and
# pkgutil), dnspython's record types, phonenumbers' per-region metadata, Rich's tables.
COLLECT_ALL = ("footprint", "footprint_checks")
COLLECT_SUBMODULES = ("dns", "phonenumbers", "rich", "email_validator")
OPTIONAL_COLLECT_ALL = ("pillow_heif", "truststore", "warcio", "publicsuffixlist", "socksio",
                        "python_socks", "webencodings", "rfc3161_client", "tzdata")


def pyinstaller_args(out: Path, work: Path) -> list[str]:
    args = [str(HERE / "entry.py"), "--onefile", "--name", "footprint", "--noconfirm",
            "--clean", "--console", "--distpath", str(out), "--workpath", str(work / "build"),
            "--specpath", str(work), "--paths", str(ROOT), "--paths", str(ROOT / "checks"),
            "--copy-metadata", "footprint-audit"]
    for name in COLLECT_ALL:
        args += ["--collect-all", name]
    for name in COLLECT_SUBMODULES:
        args += ["--collect-submodules", name]
    for name in OPTIONAL_COLLECT_ALL:
        if _importable(name):
            args += ["--collect-all", name]
    return args


def _importable(name: str) -> bool:
    from importlib.util import find_spec

    return find_spec(name) is not None


def sha256(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def build(out: Path) -> Path:
    try:
        import PyInstaller.__main__ as pyinstaller
    except ImportError:
        sys.exit("error: PyInstaller is not installed (pip install -e '.[standalone]')")
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="footprint-standalone-"))
    try:
        pyinstaller.run(pyinstaller_args(out, work))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    name = "footprint.exe" if sys.platform == "win32" else "footprint"
    return out / name


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Build the standalone footprint executable.")
    parser.add_argument("--out", type=Path, default=ROOT / "dist",
                        help="folder for the executable (default: dist/)")
    options = parser.parse_args(argv)
    exe = build(options.out.resolve())
    print(f"{exe}  sha256 {sha256(exe)}")


if __name__ == "__main__":
    main()
