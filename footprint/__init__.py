"""footprint: audit your own digital footprint as a political officeholder."""

__version__ = "0.1.0"
