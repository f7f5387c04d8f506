"""Report files are written atomically and readable by the owner only."""

from __future__ import annotations

import os
import stat

import pytest

from footprint.errors import ReportFileError
from footprint.output import write_atomic


def test_writes_text_with_mode_0600(tmp_path) -> None:  # noqa: ANN001
    target = tmp_path / "report.md"
    write_atomic(target, "hallo ✓\n")
    assert target.read_text(encoding="utf-8") == "hallo ✓\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_replaces_an_existing_file_and_tightens_its_mode(tmp_path) -> None:  # noqa: ANN001
    target = tmp_path / "report.json"
    target.write_text("old")
    os.chmod(target, 0o644)
    write_atomic(target, "new")
    assert target.read_text() == "new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]  # no temp left


def test_missing_directory_is_a_clear_error(tmp_path) -> None:  # noqa: ANN001
    with pytest.raises(ReportFileError, match="does not exist"):
        write_atomic(tmp_path / "nope" / "r.json", "x")


def test_directory_as_target_is_a_clear_error(tmp_path) -> None:  # noqa: ANN001
    with pytest.raises(ReportFileError, match="is a directory"):
        write_atomic(tmp_path, "x")


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores directory permissions")
def test_unwritable_directory_is_a_clear_error(tmp_path) -> None:  # noqa: ANN001
    locked = tmp_path / "locked"
    locked.mkdir()
    os.chmod(locked, 0o500)
    try:
        with pytest.raises(ReportFileError, match="cannot write"):
            write_atomic(locked / "r.json", "x")
    finally:
        os.chmod(locked, 0o700)


def test_failed_write_leaves_the_old_file_and_no_temp(tmp_path, monkeypatch) -> None:  # noqa: ANN001
    target = tmp_path / "r.json"
    target.write_text("old")

    def broken_replace(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(ReportFileError, match="No space left"):
        write_atomic(target, "new")
    assert target.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.json"]
