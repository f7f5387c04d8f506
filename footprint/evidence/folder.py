"""The evidence folder on disk: private (0700, files 0600), never torn, one manifest.

The manifest lists every other file with its SHA-256 and the captures with what was found,
and carries a digest of its own content, so ``verify`` notices a changed byte in it too.
It is replaced atomically after every capture, so an interruption at any point leaves a
manifest that agrees with the files beside it.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from footprint import __version__
from footprint.errors import FootprintError, UsageError
from footprint.output import write_atomic

FOLDER_MODE = 0o700
FILE_MODE = 0o600
MANIFEST = "manifest.json"
FORMAT = "footprint-evidence/1"
TIMESTAMP_SUFFIX = ".tsr"


class EvidenceFolderError(FootprintError):
    pass


def sha256_file(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def content_digest(manifest: dict[str, Any]) -> str:
    """SHA-256 of the manifest's content in canonical form, without its own digest."""
    body = {k: v for k, v in manifest.items() if k != "digest"}
    canonical = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def now_utc() -> datetime:
    return datetime.now(UTC)


def iso(when: datetime) -> str:
    return when.astimezone(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


class EvidenceFolder:
    def __init__(self, path: Path, manifest: dict[str, Any]) -> None:
        self.path = path
        self.manifest = manifest

    @classmethod
    def open(cls, path: Path, *, append: bool,
             problems_of: Callable[[Path], Sequence[str]]) -> EvidenceFolder:
        """A new folder, or an existing evidence folder to add to (``append``), which must
        verify as intact first (``problems_of``: what verification finds wrong in it):
        re-hashing a changed file would hide the change."""
        path = path.expanduser()
        if path.exists() and not path.is_dir():
            raise UsageError(f"{path}: exists and is not a folder")
        existing = path.is_dir() and any(path.iterdir())
        if existing and not append:
            raise UsageError(f"{path}: the folder is not empty; choose a new folder, or add "
                             "to an evidence folder with --append")
        if existing:
            problems = problems_of(path)
            if problems:
                raise EvidenceFolderError(
                    f"{path}: not added to, because it does not verify as intact: "
                    + "; ".join(problems[:3]))
            manifest = json.loads((path / MANIFEST).read_text("utf-8"))
            _keep_stamped(path, manifest)
        else:
            try:
                path.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
            except OSError as exc:
                raise EvidenceFolderError(f"{path}: cannot create the folder ({exc})") from None
            manifest = {"format": FORMAT, "created_at": iso(now_utc()), "captures": [],
                        "files": [], "runs": []}
        with contextlib.suppress(OSError):
            os.chmod(path, FOLDER_MODE)
        return cls(path, manifest)

    def new_file(self, stem: str, suffix: str) -> tuple[IO[bytes], str]:
        """A new, private file opened for writing; never overwrites."""
        for n in range(1000):
            name = f"{stem}{'' if n == 0 else f'-{n}'}{suffix}"
            try:
                fd = os.open(self.path / name, os.O_WRONLY | os.O_CREAT | os.O_EXCL
                             | getattr(os, "O_BINARY", 0), FILE_MODE)
            except FileExistsError:
                continue
            with contextlib.suppress(OSError):
                os.chmod(self.path / name, FILE_MODE)
            return os.fdopen(fd, "wb"), name
        raise EvidenceFolderError(f"{self.path}: too many files named {stem}*{suffix}")

    def write_text(self, name: str, text: str) -> None:
        write_atomic(self.path / name, text)

    def write_bytes(self, name: str, data: bytes) -> None:
        stream, temp = self.new_file(f".{name}", ".tmp")
        try:
            with stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(self.path / temp, self.path / name)
        except BaseException:
            with contextlib.suppress(OSError):
                (self.path / temp).unlink()
            raise

    def file_entries(self) -> list[dict[str, Any]]:
        """Every file in the folder but the manifest, with its size and SHA-256."""
        entries = []
        for item in sorted(self.path.iterdir()):
            if item.name == MANIFEST or item.name.startswith(".") or not item.is_file():
                continue
            entries.append({"path": item.name, "bytes": item.stat().st_size,
                            "sha256": sha256_file(item), "kind": kind_of(item.name)})
        return entries

    def save_manifest(self, *, complete: bool) -> dict[str, Any]:
        manifest = dict(self.manifest)
        manifest.update({"format": FORMAT, "tool": {"name": "footprint", "version": __version__},
                         "updated_at": iso(now_utc()), "complete": complete,
                         "files": self.file_entries()})
        manifest.pop("digest", None)
        manifest["digest"] = content_digest(manifest)
        self.manifest = manifest
        self.write_text(MANIFEST, json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
        return manifest


def _keep_stamped(path: Path, manifest: dict[str, Any]) -> None:
    """A timestamped manifest is kept under its own name before it is replaced, so its
    timestamp stays checkable after new captures are added."""
    token = path / (MANIFEST + TIMESTAMP_SUFFIX)
    if not token.exists():
        return
    stem = "manifest." + str(manifest.get("updated_at", "earlier")).replace(":", "")
    os.replace(path / MANIFEST, path / f"{stem}.json")
    os.replace(token, path / f"{stem}.json{TIMESTAMP_SUFFIX}")
    manifest.pop("digest", None)


def kind_of(name: str) -> str:
    if name.endswith((".warc.gz", ".warc")):
        return "warc"
    if name.startswith("statement."):
        return "statement"
    if name.endswith(TIMESTAMP_SUFFIX):
        return "timestamp"
    if name.startswith("manifest."):
        return "earlier-manifest"
    if name.endswith(".json"):
        return "report"
    return "other"


def folder_mode_ok(path: Path) -> bool:
    return os.name != "posix" or (path.stat().st_mode & 0o077) == 0
