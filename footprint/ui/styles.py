"""How the terminal views colour things, shared by the report and the plan."""

from __future__ import annotations

from footprint.models import Severity

SEVERITY_STYLE = {
    Severity.CRITICAL: "bold white on red", Severity.HIGH: "bold red",
    Severity.MEDIUM: "bold yellow", Severity.LOW: "cyan", Severity.INFO: "dim",
}
