"""``footprint photos``: report, exit status, and cleaned copies that leave originals alone."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from footprint_checks.photos.metadata import metadata_from_bytes
from typer.testing import CliRunner

from footprint.cli.app import app

from .factory import AT_HOME, FAR_AWAY, NEAR_HOME, PROFILE_WITH_HOME, make_photo, pixels

runner = CliRunner()


@pytest.fixture(autouse=True)
def _no_user_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No real config or default profile of whoever runs the tests."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("FOOTPRINT_CONFIG", raising=False)


@pytest.fixture
def profile_file(tmp_path: Path) -> Path:
    path = tmp_path / "profile.toml"
    path.write_text(PROFILE_WITH_HOME, "utf-8")
    return path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_photo_at_home_exits_1_and_says_so(tmp_path: Path, profile_file: Path) -> None:
    photos = tmp_path / "photos"
    photos.mkdir()
    (photos / "garden.jpg").write_bytes(make_photo(AT_HOME, serial="SN-9"))
    (photos / "holiday.jpg").write_bytes(make_photo(FAR_AWAY))
    (photos / "notes.txt").write_text("not a photo")
    result = runner.invoke(app, ["photos", str(photos), "--profile", str(profile_file),
                                 "--lang", "en"])
    assert result.exit_code == 1, result.output
    assert "at home" in result.stdout and "SN-9" in result.stdout
    assert "2 photo(s) checked, 1 taken at home, 2 with a GPS position" in result.stdout


def test_far_away_photo_exits_0(tmp_path: Path, profile_file: Path) -> None:
    photo = tmp_path / "holiday.jpg"
    photo.write_bytes(make_photo(FAR_AWAY))
    result = runner.invoke(app, ["photos", str(photo), "-p", str(profile_file)])
    assert result.exit_code == 0, result.output


def test_radius_option_overrides_the_profile(tmp_path: Path, profile_file: Path) -> None:
    photo = tmp_path / "walk.jpg"
    photo.write_bytes(make_photo(NEAR_HOME))
    result = runner.invoke(app, ["photos", str(photo), "-p", str(profile_file),
                                 "--lang", "en"])
    assert result.exit_code == 0 and "near home" in result.stdout
    result = runner.invoke(app, ["photos", str(photo), "-p", str(profile_file),
                                 "--radius", "2000", "--lang", "en"])
    assert result.exit_code == 1 and "at home" in result.stdout


def test_without_home_location_any_gps_counts(tmp_path: Path) -> None:
    photo = tmp_path / "holiday.jpg"
    photo.write_bytes(make_photo(FAR_AWAY))
    result = runner.invoke(app, ["photos", str(photo), "--lang", "en"])
    assert result.exit_code == 1
    assert "No home location" in result.stdout


def test_unreadable_photo_is_not_clear(tmp_path: Path, profile_file: Path) -> None:
    bad = tmp_path / "broken.jpg"
    bad.write_bytes(b"\xff\xd8 nothing else")
    result = runner.invoke(app, ["photos", str(bad), "-p", str(profile_file), "--lang", "en"])
    assert result.exit_code == 3
    assert "NOT CHECKED" in result.stdout


def test_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["photos", str(tmp_path / "nope.jpg")])
    assert result.exit_code == 2 and "no such file" in result.stderr


def test_strip_writes_clean_copies_and_never_touches_originals(tmp_path: Path,
                                                               profile_file: Path) -> None:
    photos = tmp_path / "photos"
    (photos / "2026").mkdir(parents=True)
    originals = {
        photos / "garden.jpg": make_photo(AT_HOME, serial="SN-9"),
        photos / "2026" / "street.png": make_photo(AT_HOME, fmt="PNG"),
        photos / "2026" / "park.webp": make_photo(FAR_AWAY, fmt="WEBP"),
    }
    for path, data in originals.items():
        path.write_bytes(data)
    before = {p: _digest(p) for p in originals}
    out = photos / "clean"  # inside the scanned folder: must not be scanned itself
    result = runner.invoke(app, ["photos", str(photos), "--strip", str(out),
                                 "-p", str(profile_file)])
    assert result.exit_code == 1, result.output  # the originals are still at home
    assert {p: _digest(p) for p in originals} == before
    for path, data in originals.items():
        copy = out / path.relative_to(photos)
        cleaned = copy.read_bytes()
        meta = metadata_from_bytes(cleaned)
        assert meta.gps is None and not meta.identifying and meta.taken_at is None
        assert pixels(cleaned) == pixels(data)
    again = runner.invoke(app, ["photos", str(out), "-p", str(profile_file)])
    assert again.exit_code == 0, again.output


def test_strip_never_overwrites(tmp_path: Path, profile_file: Path) -> None:
    photo = tmp_path / "garden.jpg"
    photo.write_bytes(make_photo(FAR_AWAY))
    out = tmp_path / "clean"
    out.mkdir()
    (out / "garden.jpg").write_bytes(b"keep me")
    result = runner.invoke(app, ["photos", str(photo), "--strip", str(out),
                                 "-p", str(profile_file), "--lang", "en"])
    assert result.exit_code == 3
    assert (out / "garden.jpg").read_bytes() == b"keep me"
    assert "already exists" in result.stdout


def test_strip_into_the_same_folder_is_refused(tmp_path: Path, profile_file: Path) -> None:
    photo = tmp_path / "garden.jpg"
    data = make_photo(FAR_AWAY)
    photo.write_bytes(data)
    result = runner.invoke(app, ["photos", str(tmp_path), "--strip", str(tmp_path),
                                 "-p", str(profile_file), "--lang", "en"])
    assert result.exit_code == 3
    assert photo.read_bytes() == data


def test_untrusted_tags_cannot_drive_the_terminal(tmp_path: Path, profile_file: Path) -> None:
    photo = tmp_path / "evil.jpg"
    photo.write_bytes(make_photo(FAR_AWAY, make="\x1b]0;pwned\x07Acme", model="[bold]X[/bold]",
                                 serial="\x1b[2J"))
    result = runner.invoke(app, ["photos", str(photo), "-p", str(profile_file)])
    assert "\x1b]0" not in result.stdout and "\x1b[2J" not in result.stdout
    assert "[bold]" in result.stdout  # shown as text, not interpreted as markup


def test_json_output_follows_the_report_conventions(tmp_path: Path,
                                                    profile_file: Path) -> None:
    import json

    from .factory import make_heif

    photos = tmp_path / "photos"
    for folder in ("mei", "juni"):
        (photos / folder).mkdir(parents=True)
    (photos / "mei" / "IMG_0001.HEIC").write_bytes(make_heif(AT_HOME, serial="SN-9"))
    (photos / "juni" / "IMG_0001.HEIC").write_bytes(make_photo(FAR_AWAY))
    (photos / "juni" / "notes.heic").write_bytes(b"not a photo at all")
    out = tmp_path / "photos.json"
    result = runner.invoke(app, ["photos", str(photos), "-p", str(profile_file),
                                 "--json", str(out), "--lang", "nl"])
    assert result.exit_code == 1, result.output
    text = out.read_text("utf-8")
    doc = json.loads(text)
    assert (doc["format"], doc["schema_version"], doc["tool"]["name"], doc["lang"]) == \
        ("footprint-photos", 2, "footprint", "nl")
    assert doc["summary"] == {"checked": 2, "not_checked": 1, "at_home": 1, "with_gps": 2,
                              "worst": "high"}
    by_name = {p["name"]: p for p in doc["photos"]}
    assert set(by_name) == {"mei/IMG_0001.HEIC", "juni/IMG_0001.HEIC", "notes.heic"}
    home = by_name["mei/IMG_0001.HEIC"]
    assert home["format"] == "HEIF" and home["severity"] == "high" and home["blocks_posting"]
    assert home["location"]["where"] == "at-home" and home["location"]["distance_m"] == 70
    assert home["location"]["title"]["nl"].startswith("Foto genomen bij je huis")
    assert {"tag": "BodySerialNumber", "value": "SN-9"} in home["identifying"]
    assert by_name["notes.heic"]["status"] == "not-checked"
    assert "export a copy" in by_name["notes.heic"]["error"]["en"]
    assert "exporteer in je foto-app een kopie" in by_name["notes.heic"]["error"]["nl"]
    assert by_name["notes.heic"]["clean_error"] is None
    assert "52.09" not in text and "5.12" not in text  # never the coordinates


def test_table_names_tell_files_apart(tmp_path: Path, profile_file: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / "deep" / "folder" / folder).mkdir(parents=True)
        (tmp_path / "deep" / "folder" / folder / "IMG_0001.JPG").write_bytes(
            make_photo(FAR_AWAY))
    result = runner.invoke(app, ["photos", str(tmp_path / "deep"), "-p", str(profile_file),
                                 "--lang", "en"], env={"COLUMNS": "250"})
    assert "a/IMG_0001.JPG" in result.stdout and "b/IMG_0001.JPG" in result.stdout
    assert str(tmp_path) not in result.stdout


@pytest.mark.parametrize(("lang", "words"), [("en", "at home: within 70 m"),
                                             ("nl", "bij huis: binnen 70 m")])
def test_at_home_says_within(tmp_path: Path, profile_file: Path, lang: str,
                             words: str) -> None:
    photo = tmp_path / "garden.jpg"
    photo.write_bytes(make_photo(AT_HOME))
    result = runner.invoke(app, ["photos", str(photo), "-p", str(profile_file),
                                 "--lang", lang], env={"COLUMNS": "250"})
    assert words in result.stdout


def test_heic_is_cleaned_by_the_cli(tmp_path: Path, profile_file: Path) -> None:
    from .factory import make_heif

    photo = tmp_path / "IMG_0001.HEIC"
    photo.write_bytes(make_heif(AT_HOME, serial="SN-9"))
    out = tmp_path / "clean"
    result = runner.invoke(app, ["photos", str(photo), "-p", str(profile_file),
                                 "--strip", str(out), "--lang", "en"])
    assert result.exit_code == 1, result.output  # the original was taken at home
    cleaned = (out / "IMG_0001.HEIC").read_bytes()
    assert not metadata_from_bytes(cleaned).has_metadata
    assert pixels(cleaned) == pixels(photo.read_bytes())


def test_unsupported_format_says_what_to_do(tmp_path: Path, profile_file: Path) -> None:
    (tmp_path / "IMG_0001.tif").write_bytes(b"II*\x00 a broken file")
    (tmp_path / "IMG_0002.NEF").write_bytes(b"a camera RAW footprint cannot read")
    tiff = tmp_path / "scan.tif"
    from PIL import Image
    Image.new("RGB", (8, 8)).save(tiff, "TIFF")
    result = runner.invoke(app, ["photos", str(tmp_path), "-p", str(profile_file),
                                 "--strip", str(tmp_path / "out"), "--lang", "en"],
                           env={"COLUMNS": "250"})
    assert result.exit_code == 3
    # the broken one, the RAW one (listed, never skipped) and the one it cannot clean
    assert result.stdout.count("export a copy") == 3
    assert "IMG_0002.NEF" in result.stdout and "not a format footprint reads" in result.stdout
