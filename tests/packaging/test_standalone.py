"""The standalone executable: built by release/standalone/build.py, then run offline.

Marked ``standalone`` (it takes about a minute to build): the README's test command leaves
it out, ``.ci/run`` runs it with ``pytest -m standalone``; without PyInstaller it skips.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from footprint import __version__
from release.offline import run_offline

pytestmark = pytest.mark.standalone
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def executable(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("PyInstaller", reason="the build tool (pip install -e '.[standalone]')")
    out = tmp_path_factory.mktemp("standalone")
    built = subprocess.run([sys.executable, str(ROOT / "release/standalone/build.py"),
                            "--out", str(out)], capture_output=True, text=True, timeout=900,
                           check=False)
    assert built.returncode == 0, built.stderr[-3000:]
    exe = out / ("footprint.exe" if sys.platform == "win32" else "footprint")
    assert exe.is_file()
    assert built.stdout.strip().endswith(_sha256(exe))
    return exe


def _sha256(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_version_names_the_release_and_its_data(executable: Path) -> None:
    run = run_offline([str(executable), "--version"])
    assert run.returncode == 0, run.stderr
    first, *rest = run.stdout.splitlines()
    assert first == f"footprint {__version__}"
    assert any("RDAP bootstrap" in line for line in rest)
    assert any("site catalogue" in line for line in rest)


def test_checks_lists_the_builtin_families(executable: Path) -> None:
    run = run_offline([str(executable), "checks"])
    assert run.returncode == 0, run.stderr
    for check_id in ("web.pages", "email.hibp", "register.kvk", "domain.rdap", "guide."):
        assert check_id in run.stdout


def test_demo_runs_offline_and_writes_the_full_report(executable: Path, tmp_path: Path) -> None:
    report = tmp_path / "demo.json"
    run = run_offline([str(executable), "demo", "--lang", "en", "--json", str(report)])
    assert run.returncode == 0, run.stderr
    data = json.loads(report.read_text("utf-8"))
    statuses = {r["status"] for r in data["results"]}
    # the demo shows every kind of result, from bundled data only: a missing data file in
    # the bundle would turn its family into errors
    assert {"exposed", "clear", "manual"} <= statuses
    assert not [r["check_id"] for r in data["results"] if r["status"] == "error"]
    assert data["summary"]["by_status"]["exposed"] >= 10


def test_the_executable_is_its_own_page_worker(executable: Path) -> None:
    """A scan of many checks starts the program again as its page reader
    (footprint/page_reader.py); a frozen build has no ``python -c`` to do it with."""
    from footprint.extract import extract_page
    from footprint.page_worker import ANSWER, FROZEN_FLAG, page_from, request_frame

    html = "<title>Jan</title><p>Kerkstraat 12</p><a href='/p/1'>x</a>"
    done = subprocess.run([str(executable), FROZEN_FLAG],
                          input=request_frame(3, "https://site.example/u", html),
                          capture_output=True, timeout=120, check=True)
    ident, size = ANSWER.unpack_from(done.stdout)
    assert ident == 3
    assert page_from(done.stdout[ANSWER.size:ANSWER.size + size]) == \
        extract_page(html, "https://site.example/u")
