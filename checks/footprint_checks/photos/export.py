"""``footprint photos --json FILE``: the results as a versioned JSON document.

Same conventions as the scan's report file (footprint/renderers/json.py): a ``format`` name
and ``schema_version``, the tool's name and version, texts in both languages as
``{"en": ..., "nl": ...}``, severities by label, UTF-8 with C1 controls escaped.

A photo's coordinates are never written: the file may be passed on, and a photo taken at
home would put the home address in it. What is written is what the table shows: where the
photo was taken relative to home, the distance rounded to 10 m, and the precision.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

from footprint.models import L10n, Lang
from footprint_checks.photos.assess import HomeArea, PhotoAssessment, Where
from footprint_checks.photos.local import PhotoResult, display_names
from footprint_checks.photos.texts import gps_title

FORMAT_NAME = "footprint-photos"
SCHEMA_VERSION = 2  # 2: error and clean_error in both languages, as every other text
_C1 = re.compile("[\x7f-\x9f]")


def _l10n(text: L10n) -> dict[str, str]:
    return {"en": text.en, "nl": text.nl}


def _maybe(text: L10n | None) -> dict[str, str] | None:
    return None if text is None else _l10n(text)


def _location(a: PhotoAssessment) -> dict[str, Any] | None:
    gps = a.metadata.gps
    if gps is None or a.where is None:
        return None
    return {
        "where": a.where.value,
        "distance_m": None if a.distance_m is None else int(round(a.distance_m, -1)),
        "precision_m": None if gps.precision_m is None else round(gps.precision_m),
        "source": gps.source,
        "title": _l10n(gps_title(a)),
    }


def _photo(result: PhotoResult, name: str) -> dict[str, Any]:
    out: dict[str, Any] = {"path": str(result.file.path), "name": name,
                           "status": "not-checked" if result.assessment is None else "checked",
                           "error": _maybe(result.error),
                           "cleaned_copy": None if result.cleaned is None else str(result.cleaned),
                           "clean_error": _maybe(result.strip_error)}
    a = result.assessment
    if a is None:
        return out
    m = a.metadata
    out.update({
        "format": m.format,
        "severity": a.severity.label if m.has_metadata else None,
        "blocks_posting": a.blocks_posting,
        "location": _location(a),
        "gps_block_without_position": m.gps is None and m.gps_tags,
        "taken_at": m.taken_at,
        "camera": m.camera,
        "identifying": [{"tag": k, "value": v} for k, v in m.identifying],
        "location_names": [{"tag": k, "value": v} for k, v in m.location_names],
        "other_metadata": list(m.other),
    })
    return out


def to_dict(results: Sequence[PhotoResult], home: HomeArea | None, lang: Lang,
            version: str) -> dict[str, Any]:
    assessed = [r.assessment for r in results if r.assessment is not None]
    severities = [a.severity for a in assessed if a.metadata.has_metadata]
    return {
        "format": FORMAT_NAME,
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "footprint", "version": version},
        "lang": lang,
        "home": None if home is None else {"radius_m": home.radius_m},
        "summary": {
            "checked": len(assessed),
            "not_checked": len(results) - len(assessed),
            "at_home": sum(1 for a in assessed if a.where is Where.AT_HOME),
            "with_gps": sum(1 for a in assessed if a.where is not None),
            "worst": max(severities).label if severities else None,
        },
        "photos": [_photo(r, name) for r, name in
                   zip(results, display_names([r.file.path for r in results]), strict=True)],
    }


def render(results: Sequence[PhotoResult], home: HomeArea | None, lang: Lang,
           version: str) -> str:
    text = json.dumps(to_dict(results, home, lang, version), ensure_ascii=False, indent=2)
    return _C1.sub(lambda m: f"\\u{ord(m.group()):04x}", text + "\n")
