"""Where a check's request and answer shapes were confirmed, and when.

Checks that talk to an outside service, and the curated entries of data-driven families,
carry a record per service or entry: confirmed against the provider's public documentation
(with the source URL and the date it was read), partly confirmed, or not confirmed (and
why). The records live in the families' data files in one format, validated here::

    checked = {status = "confirmed", source = "https://…", date = "2026-12-05", note = "…"}

``footprint checks`` and ``footprint sites`` show them. A check exposes its records as an
optional ``provenance`` attribute (a tuple of :class:`Provenance`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

STATUSES = ("confirmed", "partly", "unconfirmed")
KEY = "checked"  # the field name in every data file
_URL = re.compile(r"^https?://[^\s/]+\S*$")
_FIELDS = frozenset({"status", "source", "date", "note"})


@dataclass(frozen=True, slots=True)
class Provenance:
    subject: str  # what the record is about: an API, a site entry
    status: str  # one of STATUSES
    date: str  # ISO date the source was read (or the look-up was made)
    source: str = ""  # URL of the documentation read
    note: str = ""  # what was and was not confirmed

    @property
    def confirmed(self) -> bool:
        return self.status == "confirmed"

    def as_dict(self) -> dict[str, str]:
        return {"subject": self.subject, "status": self.status, "date": self.date,
                "source": self.source, "note": self.note}


def parse(raw: object, subject: str, where: str, error: type[Exception] = ValueError,
          today: date | None = None) -> Provenance:
    """One ``checked`` record; ``where`` prefixes every error (file and entry)."""
    where = f"{where}: {KEY}"
    if not isinstance(raw, Mapping):
        raise error(f"{where}: must be a table/object with status, date, source, note")
    unknown = sorted(set(raw) - _FIELDS)
    if unknown:
        raise error(f"{where}: unknown key {unknown[0]!r}")
    status = raw.get("status")
    if status not in STATUSES:
        raise error(f"{where}: status must be one of {', '.join(STATUSES)}")
    text = {k: raw.get(k, "") for k in ("date", "source", "note")}
    for key, value in text.items():
        if not isinstance(value, str):
            raise error(f"{where}: {key} must be a string")
    try:
        day = date.fromisoformat(text["date"]) if len(text["date"]) == 10 else None
    except ValueError:
        day = None
    if day is None:
        raise error(f"{where}: date must be an ISO date (YYYY-MM-DD)")
    if day > (today or date.today()):
        raise error(f"{where}: date {text['date']} is in the future")
    source, note = text["source"].strip(), text["note"].strip()
    if source and not _URL.match(source):
        raise error(f"{where}: source must be an http(s) URL")
    if status != "unconfirmed" and not source:
        raise error(f"{where}: a {status} record needs the source URL that was read")
    if status != "confirmed" and not note:
        raise error(f"{where}: a {status} record needs a note saying what is missing")
    return Provenance(subject, str(status), text["date"], source, note)


def parse_in(entry: Mapping[str, Any], subject: str, where: str,
             error: type[Exception] = ValueError) -> Provenance:
    """The required ``checked`` record of a data-file entry."""
    if KEY not in entry:
        raise error(f"{where}: missing {KEY!r} (status, date, source, note: where this "
                    "entry was confirmed, or why it was not)")
    return parse(entry[KEY], subject, where, error)


def of(check: object) -> tuple[Provenance, ...]:
    """A check's records; a plugin that sets none (or something else) has none."""
    records = getattr(check, "provenance", ())
    if not isinstance(records, tuple | list):
        return ()
    return tuple(r for r in records if isinstance(r, Provenance))


def summary(records: Iterable[Provenance], with_date: bool = True) -> str:
    """A short line for tables: "confirmed 2026-12-05", "2 confirmed, 1 unconfirmed"."""
    items = list(records)
    if not items:
        return "—"
    if len(items) == 1:
        only = items[0]
        return f"{only.status} {only.date}" if with_date else only.status
    counts = {s: sum(1 for r in items if r.status == s) for s in STATUSES}
    return ", ".join(f"{n} {s}" for s, n in counts.items() if n)
