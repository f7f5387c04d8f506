"""The plan's part of the JSON report: actions, completeness and the previous scan."""

from __future__ import annotations

from typing import Any

from footprint.actions import build_actions
from footprint.failure import completeness
from footprint.models import Previous, Report


def actions_list(report: Report) -> list[dict[str, Any]]:
    """Derived from the findings (which stay in ``results``); ignored when reading."""
    return [{
        "id": a.id,
        "kind": a.kind.value,
        "severity": a.severity.label,
        "effort": a.effort.value,
        "title": {"en": a.title.en, "nl": a.title.nl},
        "findings": list(a.finding_ids),
        "facts": [{"name": f.name, "value": {"en": f.value.en, "nl": f.value.nl}}
                  for f in a.facts],
        "done": a.done,
        "still_there": a.still_there,
    } for a in build_actions(report)]


def completeness_summary(report: Report) -> dict[str, Any]:
    c = completeness(report)
    return {
        "complete": c.complete,
        "decided": c.decided,
        "undecided": c.undecided,
        "network_checks": c.network,
        "connection_failures": c.connection_failures,
        "network_unusable": c.network_unusable,
        "failure_causes": dict(sorted(c.causes.items())),
    }


def previous_dict(previous: Previous | None) -> dict[str, Any] | None:
    if previous is None:
        return None
    return {"started_at": previous.started_at, "resolved": previous.resolved,
            "new": previous.new, "still_open": previous.still_open,
            "not_rechecked": previous.not_rechecked}
