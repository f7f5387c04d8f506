"""Photos made by the tests themselves: Pillow images with and without GPS and tags."""

from __future__ import annotations

import io
import random
import struct

import pillow_heif
from PIL import ExifTags, Image, TiffImagePlugin

from footprint.profile.load import parse_profile
from footprint.profile.model import Profile

# A home in Utrecht; the test photos are taken at, near and far from it.
HOME = (52.0907, 5.1214)
AT_HOME = (52.0912, 5.1220)  # ~70 m
NEAR_HOME = (52.1000, 5.1214)  # ~1 km
FAR_AWAY = (51.4416, 5.4697)  # Eindhoven, ~77 km

PROFILE_WITH_HOME = """
[person]
name = "Jan de Vries"
role = "wethouder"
municipality = "Utrecht"

[public]
usernames = ["jdevries"]

[private]
phones = ["06 12345678"]
family = ["Marieke de Vries"]

[private.address]
street = "Kerkstraat"
house_number = "12"
addition = "a"
postcode = "3511 AB"
city = "Utrecht"

[private.home_location]
latitude = 52.0907
longitude = 5.1214
radius_m = 250
"""


def dms(value: float) -> tuple[float, float, float]:
    value = abs(value)
    degrees = int(value)
    minutes_full = (value - degrees) * 60
    minutes = int(minutes_full)
    return float(degrees), float(minutes), round((minutes_full - minutes) * 60, 4)


def exif_for(gps: tuple[float, float] | None = None, *, serial: str | None = None,
             owner: str | None = None, make: str = "Acme", model: str = "Phone 1",
             taken: str | None = "2026:05:01 14:03:00", orientation: int | None = None,
             undefined_seconds: bool = False) -> Image.Exif:
    exif = Image.Exif()
    if make:
        exif[ExifTags.Base.Make] = make
    if model:
        exif[ExifTags.Base.Model] = model
    if orientation:
        exif[ExifTags.Base.Orientation] = orientation
    if gps is not None:
        lat, lon = gps
        lat_dms, lon_dms = dms(lat), dms(lon)
        if undefined_seconds:  # seconds written as 0/0, as some cameras do
            undefined = TiffImagePlugin.IFDRational(0, 0)
            lat_dms = (lat_dms[0], lat_dms[1], undefined)  # type: ignore[assignment]
            lon_dms = (lon_dms[0], lon_dms[1], undefined)  # type: ignore[assignment]
        exif.get_ifd(ExifTags.IFD.GPSInfo).update({
            1: "N" if lat >= 0 else "S", 2: lat_dms, 3: "E" if lon >= 0 else "W", 4: lon_dms})
    sub = exif.get_ifd(ExifTags.IFD.Exif)
    if taken:
        sub[ExifTags.Base.DateTimeOriginal] = taken
    if serial:
        sub[ExifTags.Base.BodySerialNumber] = serial
    if owner:
        sub[ExifTags.Base.CameraOwnerName] = owner
    return exif


def noisy_image(width: int = 64, height: int = 48, seed: int = 7) -> Image.Image:
    rng = random.Random(seed)
    image = Image.new("RGB", (width, height))
    image.putdata([(rng.randrange(256), rng.randrange(256), rng.randrange(256))
                   for _ in range(width * height)])
    return image


def make_photo(gps: tuple[float, float] | None = None, *, fmt: str = "JPEG",
                     seed: int = 7, save_options: dict[str, object] | None = None,
                     **tags: object) -> bytes:
    buffer = io.BytesIO()
    exif = exif_for(gps, **tags)  # type: ignore[arg-type]
    noisy_image(seed=seed).save(buffer, fmt, exif=exif, **(save_options or {}))
    return buffer.getvalue()


def home_profile() -> Profile:
    return parse_profile(PROFILE_WITH_HOME, "home-profile.toml")


def pixels(data: bytes) -> bytes:
    with Image.open(io.BytesIO(data)) as image:
        return image.convert("RGB").tobytes()


XMP_WITH_GPS = (b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/'
                b'1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:exif="http://ns.adobe.com/'
                b'exif/1.0/" exif:GPSLatitude="52,5.472N" exif:GPSLongitude="5,7.32E"/>'
                b'</rdf:RDF></x:xmpmeta>')  # AT_HOME, as an iPhone writes it


def make_heif(gps: tuple[float, float] | None = None, *, fmt: str = "HEIF",
              xmp: bytes | None = None, **tags: object) -> bytes:
    """A HEIC (pillow-heif's encoder) or, with fmt="AVIF", an AVIF (Pillow's)."""
    pillow_heif.register_heif_opener()
    buffer = io.BytesIO()
    exif = exif_for(gps, **tags)  # type: ignore[arg-type]
    options: dict[str, object] = {"exif": exif.tobytes()}
    if xmp is not None:
        options["xmp"] = xmp
    noisy_image().save(buffer, fmt, quality=60, **options)
    return buffer.getvalue()


def add_webp_chunk(data: bytes, kind: bytes, payload: bytes) -> bytes:
    """``data`` (an extended WebP) with one more chunk at the end, as some software writes
    them (an iPhone's XMP in an "XMP\\0" chunk, say)."""
    chunk = kind + struct.pack("<I", len(payload)) + payload + b"\x00" * (len(payload) & 1)
    body = data[8:] + chunk
    return b"RIFF" + struct.pack("<I", len(body)) + body
