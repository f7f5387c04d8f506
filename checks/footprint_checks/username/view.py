"""The console tables of ``footprint sites list`` and ``footprint sites verify``."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from rich.table import Table
from rich.text import Text

from footprint.provenance import of, summary
from footprint.textsafe import clean
from footprint_checks.username.verify import SiteHealth


def sites_table(checks: Iterable[Any]) -> tuple[Table, int]:
    """One row per site check (``SiteCheck``): what it asks, whether its request and answer
    were confirmed, and its id for --only; with the count of unconfirmed entries."""
    table = Table("site", "category", "asks", "note", "shapes")
    table.add_column("check", no_wrap=True)  # ids are what --only/--enable take: never cut
    unconfirmed = 0
    for check in checks:
        site = check.site
        records = of(check)
        unconfirmed += not any(r.confirmed for r in records)
        note = "third party, opt-in" if check.opt_in else ""
        table.add_row(Text(clean(site.name)), Text(clean(site.cat)),
                      Text(", ".join(clean(h) for h in site.hosts)), Text(note),
                      Text(summary(records, with_date=False) if records else "no record"),
                      Text(check.id))
    return table, unconfirmed


def verify_table(results: Sequence[SiteHealth]) -> Table:
    table = Table("site", "health", "known account", "random username")
    for r in results:
        table.add_row(Text(clean(r.site.name)), Text(r.health.value),
                      Text(clean(r.known, limit=80)), Text(clean(r.random, limit=80)))
    return table


def verify_summary(ok: int, broken: int, undecided: int) -> Text:
    return Text(f"{ok} ok, {broken} broken, {undecided} could not tell")
