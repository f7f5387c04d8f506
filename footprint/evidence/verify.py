"""``footprint evidence verify``: is every file still as it was captured?

Recomputes the SHA-256 of every file the manifest lists, the manifest's own digest, the
block and payload digests of every WARC record (with warcio's reader), and checks each
RFC 3161 timestamp against the manifest it covers. Files that appeared or disappeared
since count as changes too.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from footprint.evidence.folder import (
    MANIFEST,
    TIMESTAMP_SUFFIX,
    content_digest,
    sha256_file,
)


@dataclass
class Verification:
    problems: list[str] = field(default_factory=list)
    checked_files: int = 0
    checked_records: int = 0
    timestamps: list[str] = field(default_factory=list)  # what each valid timestamp says

    @property
    def intact(self) -> bool:
        return not self.problems


def _load_manifest(folder: Path, result: Verification) -> dict[str, Any] | None:
    path = folder / MANIFEST
    if not path.is_file():
        result.problems.append(f"{MANIFEST}: missing; this is not (or no longer) an evidence "
                               "folder")
        return None
    try:
        manifest = json.loads(path.read_text("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        result.problems.append(f"{MANIFEST}: changed; it is no longer valid JSON ({exc})")
        return None
    if not isinstance(manifest, dict) or not isinstance(manifest.get("files"), list):
        result.problems.append(f"{MANIFEST}: changed; it has no list of files")
        return None
    if manifest.get("digest") != content_digest(manifest):
        result.problems.append(f"{MANIFEST}: changed; its content no longer matches its own "
                               "digest")
    return manifest


def _check_files(folder: Path, manifest: dict[str, Any], result: Verification) -> None:
    listed: set[str] = set()
    for entry in manifest["files"]:
        if not isinstance(entry, dict) or not isinstance(entry.get("path"), str):
            result.problems.append(f"{MANIFEST}: changed; a file entry is malformed")
            continue
        name = entry["path"]
        listed.add(name)
        path = folder / name
        if Path(name).name != name or not path.is_file():
            result.problems.append(f"{name}: missing")
            continue
        result.checked_files += 1
        actual = sha256_file(path)
        if actual != entry.get("sha256"):
            result.problems.append(f"{name}: changed; SHA-256 is {actual}, the manifest says "
                                   f"{entry.get('sha256')}")
    for item in sorted(folder.iterdir()):
        if item.name not in (MANIFEST, MANIFEST + TIMESTAMP_SUFFIX) and item.name not in listed \
                and not item.name.startswith("."):
            result.problems.append(f"{item.name}: not in the manifest (added after capture)")


def check_warc(path: Path, result: Verification) -> None:
    """Every record's block and payload digest, read back with warcio's own reader."""
    try:
        with path.open("rb") as handle:
            records = ArchiveIterator(handle, check_digests=True)
            for record in records:
                where = (f"{path.name}: record {record.rec_headers.get_header('WARC-Record-ID')}"
                         f" ({record.rec_type} {record.rec_headers.get_header('WARC-Target-URI')}"
                         ", offset "
                         f"{records.get_record_offset()})")
                record.content_stream().read()
                if record.digest_checker.problems:
                    result.problems.append(
                        f"{where}: digest mismatch: " + "; ".join(
                            str(p) for p in record.digest_checker.problems))
                result.checked_records += 1
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
        # a changed byte in a gzip member breaks its CRC or its framing
        result.problems.append(f"{path.name}: unreadable as WARC after "
                               f"{result.checked_records} records ({type(exc).__name__}: {exc})")


def verify_folder(folder: Path, tsa_roots: list[Any] | None = None) -> Verification:
    """``tsa_roots``: CA certificates (cryptography) to check timestamp signatures with."""
    result = Verification()
    if not folder.is_dir():
        result.problems.append(f"{folder}: not a folder")
        return result
    manifest = _load_manifest(folder, result)
    if manifest is None:
        return result
    _check_files(folder, manifest, result)
    for entry in manifest["files"]:
        name = entry.get("path") if isinstance(entry, dict) else None
        if isinstance(name, str) and name.endswith((".warc.gz", ".warc")) \
                and (folder / name).is_file():
            check_warc(folder / name, result)
    for token in sorted(folder.glob(f"*{TIMESTAMP_SUFFIX}")):
        from footprint.evidence.timestamp import check_token

        covered = folder / token.name[: -len(TIMESTAMP_SUFFIX)]
        problem, said = check_token(token, covered, tsa_roots or [])
        if problem:
            result.problems.append(f"{token.name}: {problem}")
        else:
            result.timestamps.append(f"{token.name}: {said}")
    return result
