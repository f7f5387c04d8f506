"""The audit: GPS, date, camera and serials read from generated photos, and the distance
to home decides the severity."""

from __future__ import annotations

import pytest
from footprint_checks.photos.assess import (
    HomeArea,
    Where,
    assess,
    describe_distance,
    haversine_m,
)
from footprint_checks.photos.metadata import (
    UnreadablePhoto,
    dms_to_degrees,
    metadata_from_bytes,
    xmp_gps,
)

from footprint.models import Severity

from .factory import AT_HOME, FAR_AWAY, HOME, NEAR_HOME, home_profile, make_photo

HOME_AREA = HomeArea(HOME[0], HOME[1], 250)


def test_haversine_one_degree_of_latitude() -> None:
    assert haversine_m(52.0, 5.0, 53.0, 5.0) == pytest.approx(111_195, rel=1e-3)
    assert haversine_m(*HOME, *HOME) == 0


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_gps_date_camera_and_serial_are_read(fmt: str) -> None:
    meta = metadata_from_bytes(make_photo(AT_HOME, fmt=fmt, serial="SN-4711", owner="Jan"))
    assert meta.gps is not None
    assert meta.gps.latitude == pytest.approx(AT_HOME[0], abs=1e-6)
    assert meta.gps.longitude == pytest.approx(AT_HOME[1], abs=1e-6)
    assert meta.taken_at == "2026:05:01 14:03:00"
    assert meta.camera == "Acme Phone 1"
    assert ("BodySerialNumber", "SN-4711") in meta.serials
    assert ("CameraOwnerName", "Jan") in meta.identifying


@pytest.mark.parametrize(("where", "expected", "severity"), [
    (AT_HOME, Where.AT_HOME, Severity.HIGH),
    (NEAR_HOME, Where.NEAR_HOME, Severity.MEDIUM),
    (FAR_AWAY, Where.ELSEWHERE, Severity.LOW),
])
def test_distance_to_home_decides_severity(where: tuple[float, float], expected: Where,
                                           severity: Severity) -> None:
    result = assess(metadata_from_bytes(make_photo(where)), HOME_AREA)
    assert result.where is expected
    assert result.gps_severity is severity
    assert result.blocks_posting is (expected is Where.AT_HOME)


def test_radius_is_configurable() -> None:
    near = metadata_from_bytes(make_photo(NEAR_HOME))
    assert assess(near, HOME_AREA).where is Where.NEAR_HOME
    assert assess(near, HomeArea(HOME[0], HOME[1], 1500)).where is Where.AT_HOME


def test_radius_comes_from_the_profile_unless_overridden() -> None:
    location = home_profile().private.home_location
    area = HomeArea.of(location)
    assert area is not None and area.radius_m == 250
    override = HomeArea.of(location, 900)
    assert override is not None and override.radius_m == 900
    assert HomeArea.of(None, 900) is None


def test_photo_without_gps_has_no_location_verdict() -> None:
    result = assess(metadata_from_bytes(make_photo(None)), HOME_AREA)
    assert result.where is None and result.gps_severity is None
    assert result.severity is Severity.INFO and not result.blocks_posting


def test_gps_without_home_location_cannot_be_ruled_out() -> None:
    result = assess(metadata_from_bytes(make_photo(FAR_AWAY)), None)
    assert result.where is Where.UNKNOWN
    assert result.gps_severity is Severity.MEDIUM and result.blocks_posting


def test_serials_alone_are_low() -> None:
    result = assess(metadata_from_bytes(make_photo(None, serial="X1")), HOME_AREA)
    assert result.identifying_severity is Severity.LOW and result.severity is Severity.LOW


def test_southern_and_western_positions_are_negative() -> None:
    meta = metadata_from_bytes(make_photo((-33.8568, -70.6693)))
    assert meta.gps is not None
    assert meta.gps.latitude == pytest.approx(-33.8568, abs=1e-6)
    assert meta.gps.longitude == pytest.approx(-70.6693, abs=1e-6)


def test_zero_zero_is_no_fix() -> None:
    assert metadata_from_bytes(make_photo((0.0, 0.0))).gps is None


def test_dms_conversion_rejects_garbage() -> None:
    assert dms_to_degrees((52.0, 30.0, 0.0), "N") == 52.5
    assert dms_to_degrees(("x",), "N") is None


def test_xmp_gps_is_read() -> None:
    packet = (b'<rdf:Description exif:GPSLatitude="52,5.442N" '
              b'exif:GPSLongitude="5,7.284E"/>')
    gps = xmp_gps(packet)
    assert gps is not None and gps.source == "XMP"
    assert gps.latitude == pytest.approx(52.0907, abs=1e-4)
    assert gps.longitude == pytest.approx(5.1214, abs=1e-4)


def test_not_an_image_is_unreadable() -> None:
    with pytest.raises(UnreadablePhoto):
        metadata_from_bytes(b"<html>not a photo</html>")


def test_distance_text_is_rounded() -> None:
    assert describe_distance(73.4) == "70 m"
    assert describe_distance(2345) == "2.3 km"
