"""Local photo files: find them, audit them, and write cleaned copies next to nothing.

Originals are only ever opened for reading. Cleaned copies go to a separate folder, are
created exclusively (an existing file is never overwritten) and a copy that would land
on its own original is refused.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from footprint.models import L10n
from footprint_checks.photos.assess import HomeArea, PhotoAssessment, assess
from footprint_checks.photos.metadata import (
    UnreadablePhoto,
    UnsupportedFormat,
    metadata_from_bytes,
)
from footprint_checks.photos.strip import StripError, cleaned_copy
from footprint_checks.photos.texts import say

PHOTO_SUFFIXES = frozenset({".jpg", ".jpeg", ".jpe", ".png", ".webp", ".tif", ".tiff",
                            ".heic", ".heif", ".hif", ".avif", ".gif",
                            # camera RAW: listed so they are reported, never skipped silently
                            ".dng", ".cr2", ".cr3", ".nef", ".arw", ".orf", ".rw2", ".raf"})
MAX_FILE_BYTES = 200 * 1024 * 1024  # a photo bigger than this is not a photo


@dataclass(frozen=True, slots=True)
class PhotoFile:
    path: Path
    relative: Path  # where its cleaned copy goes inside OUT_DIR


@dataclass(frozen=True, slots=True)
class PhotoResult:
    file: PhotoFile
    assessment: PhotoAssessment | None = None
    error: L10n | None = None  # could not be read: NOT clear
    cleaned: Path | None = None
    strip_error: L10n | None = None


def _walk(folder: Path, skip: Path | None) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder, followlinks=False):
        here = Path(root)
        dirs[:] = sorted(d for d in dirs if skip is None or
                         (here / d).resolve() != skip)
        for name in sorted(files):
            path = here / name
            if path.suffix.lower() in PHOTO_SUFFIXES and not path.is_symlink():
                yield path


def collect(paths: Iterable[Path], out_dir: Path | None = None) -> list[PhotoFile]:
    """Files as given, and the photos (by extension) inside folders, sorted, without
    the output folder itself."""
    skip = out_dir.resolve() if out_dir is not None else None
    found: dict[Path, PhotoFile] = {}
    for given in paths:
        if given.is_dir():
            for path in _walk(given, skip):
                found.setdefault(path.resolve(), PhotoFile(path, path.relative_to(given)))
        else:
            found.setdefault(given.resolve(), PhotoFile(given, Path(given.name)))
    return list(found.values())


def audit_file(photo: PhotoFile, home: HomeArea | None) -> tuple[PhotoResult, bytes | None]:
    try:
        if photo.path.stat().st_size > MAX_FILE_BYTES:
            cap = f"{MAX_FILE_BYTES // 2**20} MiB"
            return PhotoResult(photo, error=say("unchecked.too-large", size=cap)), None
        data = photo.path.read_bytes()
    except OSError as exc:
        return PhotoResult(photo, error=say("local.unreadable-file",
                                            error=exc.strerror or exc)), None
    try:
        metadata = metadata_from_bytes(data)
    except UnsupportedFormat:
        return PhotoResult(photo, error=say("local.unsupported")), None
    except UnreadablePhoto as exc:
        return PhotoResult(photo, error=say("local.damaged", error=exc)), None
    return PhotoResult(photo, assess(metadata, home)), data


def write_cleaned(photo: PhotoFile, data: bytes, out_dir: Path) -> Path:
    """The path of the cleaned copy; raises StripError when none was written."""
    dest = out_dir / photo.relative
    if dest.exists() and dest.resolve() == photo.path.resolve():
        raise StripError.said("same-file")
    cleaned = cleaned_copy(data)
    dest.parent.mkdir(parents=True, exist_ok=True)
    try:
        with dest.open("xb") as handle:
            handle.write(cleaned)
    except FileExistsError:
        raise StripError.said("exists", path=dest) from None
    except OSError as exc:
        dest.unlink(missing_ok=True)
        raise StripError.said("write", path=dest, error=exc.strerror or exc) from None
    return dest


def audit_paths(paths: Iterable[Path], home: HomeArea | None,
                strip_to: Path | None = None) -> list[PhotoResult]:
    results: list[PhotoResult] = []
    for photo in collect(paths, strip_to):
        result, data = audit_file(photo, home)
        if strip_to is not None and data is not None:
            try:
                result = PhotoResult(photo, result.assessment,
                                     cleaned=write_cleaned(photo, data, strip_to))
            except StripError as exc:
                result = PhotoResult(photo, result.assessment, strip_error=exc.reason)
        results.append(result)
    return results


def display_names(paths: Sequence[Path]) -> list[str]:
    """Each path shortened to the fewest trailing parts that no other path shares, so
    sixteen photos called IMG_0001.HEIC in different folders stay told apart."""
    parts = [p.parts or (str(p),) for p in paths]
    counts = Counter(p[-n:] for p in parts for n in range(1, len(p) + 1))
    names = []
    for p in parts:
        n = next((n for n in range(1, len(p) + 1) if counts[p[-n:]] == 1), len(p))
        names.append(str(Path(*p[-n:])))
    return names
